package io.sigil.crypto.shamir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Vectors;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeldmanCommitmentTest {

    public static class Share {
        public int index;
        public String share;
        public String publicShare;
        public boolean valid;
    }

    public static class File {
        public List<String> coefficients;
        public List<String> commitments;
        public List<Share> shares;
    }

    private static BigInteger hex(String s) {
        return new BigInteger(s.substring(2), 16);
    }

    @Test
    void commitmentsPublicSharesAndChecksMatchKnownAnswers() {
        File file = Vectors.load("feldman.json", File.class);
        Polynomial f = Polynomial.of(file.coefficients.stream().map(FeldmanCommitmentTest::hex).toArray(BigInteger[]::new));
        FeldmanCommitment c = f.commit();
        assertEquals(file.commitments, c.points().stream().map(p -> Hex.encode(Secp256k1.encode(p))).toList());
        for (Share s : file.shares) {
            assertEquals(s.valid, c.verify(s.index, hex(s.share)), "share " + s.index + " valid=" + s.valid);
            assertEquals(s.publicShare, Hex.encode(Secp256k1.encode(c.evaluate(s.index))));
            if (s.valid) {
                assertEquals(hex(s.share), f.evaluate(s.index));
            }
        }
    }

    @Test
    void sumOfCommitmentsCommitsToSumOfPolynomials() {
        SecureRandom random = new SecureRandom();
        Polynomial f = Polynomial.random(2, random);
        Polynomial g = Polynomial.random(2, random);
        FeldmanCommitment sum = f.commit().add(g.commit());
        for (int j = 1; j <= 5; j++) {
            assertTrue(sum.verify(j, f.evaluate(j).add(g.evaluate(j)).mod(Secp256k1.Q)));
            assertFalse(sum.verify(j, f.evaluate(j)));
        }
        assertEquals(Secp256k1.mulG(f.constant().add(g.constant())), sum.constantTerm());
        assertThrows(IllegalArgumentException.class, () -> f.commit().add(Polynomial.random(1, random).commit()));
    }

    @Test
    void wireFormRoundTripsAndIsStrict() {
        FeldmanCommitment c = Polynomial.random(3, new SecureRandom()).commit();
        byte[] bytes = c.toBytes();
        assertEquals(2 + 2 + 4 * 33, bytes.length);
        assertEquals(c, FeldmanCommitment.fromBytes(bytes));
        assertThrows(IllegalArgumentException.class, () -> FeldmanCommitment.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length + 1)));
        assertThrows(IllegalArgumentException.class, () -> FeldmanCommitment.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1)));
        byte[] offCurve = bytes.clone();
        offCurve[5] ^= 0x55;
        assertThrows(IllegalArgumentException.class, () -> FeldmanCommitment.fromBytes(offCurve));
    }

    @Test
    void polynomialIsRedactedAndDestroyable() {
        Polynomial f = Polynomial.random(1, new SecureRandom());
        assertEquals("Polynomial[<redacted>]", f.toString());
        f.destroy();
        assertTrue(f.isDestroyed());
        assertThrows(IllegalStateException.class, () -> f.evaluate(1));
    }
}
