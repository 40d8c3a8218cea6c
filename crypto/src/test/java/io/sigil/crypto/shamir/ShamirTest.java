package io.sigil.crypto.shamir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sigil.crypto.Secp256k1;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ShamirTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void anyTPlusOneSharesReconstruct() {
        for (int[] nt : new int[][] {{3, 1}, {4, 1}, {7, 2}, {10, 3}}) {
            int n = nt[0];
            int t = nt[1];
            BigInteger secret = Secp256k1.randomScalar(random);
            Map<Integer, BigInteger> shares = Shamir.split(secret, t, n, random);
            for (int start = 1; start + t <= n; start++) {
                Map<Integer, BigInteger> subset = new TreeMap<>();
                for (int i = start; i <= start + t; i++) {
                    subset.put(i, shares.get(i));
                }
                assertEquals(secret, Shamir.reconstruct(subset));
            }
        }
    }

    @Test
    void tSharesAreConsistentWithEverySecret() {
        // Information-theoretic hiding, shown constructively: for t shares and ANY candidate secret there is a
        // degree-t polynomial through both, so t shares leave every secret equally possible.
        int n = 7;
        int t = 2;
        BigInteger secret = Secp256k1.randomScalar(random);
        Map<Integer, BigInteger> shares = Shamir.split(secret, t, n, random);
        Map<Integer, BigInteger> known = new TreeMap<>(Map.of(3, shares.get(3), 6, shares.get(6)));
        assertNotEquals(secret, Shamir.reconstruct(known), "t shares alone do not give the secret");
        for (int trial = 0; trial < 5; trial++) {
            BigInteger candidate = Secp256k1.randomScalar(random);
            Map<Integer, BigInteger> points = new TreeMap<>(known);
            // the polynomial through (0, candidate) and the t known shares, evaluated at the other indices
            for (int j : List.of(1, 2, 4, 5, 7)) {
                BigInteger fj = candidate.multiply(lagrangeAt(0, j, known.keySet())).mod(Secp256k1.Q);
                for (int i : known.keySet()) {
                    fj = fj.add(known.get(i).multiply(lagrangeAt(i, j, withZero(known.keySet())))).mod(Secp256k1.Q);
                }
                points.put(j, fj);
            }
            assertEquals(candidate, Shamir.reconstruct(points), "a full, consistent sharing of the candidate exists");
            assertEquals(candidate, Shamir.reconstruct(subset(points, 1, 2, 3)));
        }
    }

    private static java.util.Set<Integer> withZero(java.util.Set<Integer> s) {
        java.util.Set<Integer> out = new java.util.TreeSet<>(s);
        out.add(0);
        return out;
    }

    /** Lagrange basis of node {@code i} over {@code {0} ∪ others}, evaluated at {@code x}. */
    private static BigInteger lagrangeAt(int i, int x, java.util.Set<Integer> set) {
        java.util.Set<Integer> all = withZero(set);
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (int m : all) {
            if (m != i) {
                num = num.multiply(BigInteger.valueOf(x - m)).mod(Secp256k1.Q);
                den = den.multiply(BigInteger.valueOf(i - m)).mod(Secp256k1.Q);
            }
        }
        return num.multiply(den.modInverse(Secp256k1.Q)).mod(Secp256k1.Q);
    }

    private static Map<Integer, BigInteger> subset(Map<Integer, BigInteger> all, int... indices) {
        Map<Integer, BigInteger> out = new TreeMap<>();
        for (int i : indices) {
            out.put(i, all.get(i));
        }
        return out;
    }
}
