package io.sigil.crypto.shamir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Vectors;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class LagrangeTest {

    public static class Case {
        public List<Integer> indices;
        public List<String> coefficients;
        public List<String> shares;
        public String interpolatedAtZero;
    }

    public static class File {
        public List<Case> cases;
    }

    private static BigInteger hex(String s) {
        return new BigInteger(s.substring(2), 16);
    }

    @Test
    void coefficientsAndInterpolationMatchKnownAnswers() {
        File file = Vectors.load("lagrange.json", File.class);
        for (Case c : file.cases) {
            Map<Integer, BigInteger> shares = new LinkedHashMap<>();
            Map<Integer, ECPoint> points = new LinkedHashMap<>();
            for (int k = 0; k < c.indices.size(); k++) {
                int i = c.indices.get(k);
                assertEquals(hex(c.coefficients.get(k)), Lagrange.coefficientAtZero(i, c.indices), "lambda " + i);
                shares.put(i, hex(c.shares.get(k)));
                points.put(i, Secp256k1.mulG(hex(c.shares.get(k))));
            }
            assertEquals(hex(c.interpolatedAtZero), Lagrange.interpolateAtZero(shares));
            assertEquals(Secp256k1.mulG(hex(c.interpolatedAtZero)), Lagrange.interpolatePointsAtZero(points));
        }
    }

    @Test
    void rejectsBadIndexSets() {
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficientAtZero(4, List.of(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficientAtZero(1, List.of(1, 1, 3)));
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficientAtZero(0, List.of(0, 1, 3)));
    }
}
