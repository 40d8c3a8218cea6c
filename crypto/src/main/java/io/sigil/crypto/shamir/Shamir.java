package io.sigil.crypto.shamir;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trusted-dealer Shamir sharing: used by tests and known answers to check that {@code t+1} shares reconstruct and
 * {@code t} do not. Sigil's keys never have a dealer (they come from the DKG) and are never reconstructed.
 */
public final class Shamir {

    private Shamir() {
    }

    /** Shares of {@code secret} for nodes 1..n with a random degree-{@code t} polynomial. */
    public static Map<Integer, BigInteger> split(BigInteger secret, int t, int n, SecureRandom random) {
        if (t < 0 || n < t + 1 || n > 0xffff) {
            throw new IllegalArgumentException("need 0 <= t < n");
        }
        Polynomial f = Polynomial.random(t, secret, random);
        try {
            Map<Integer, BigInteger> shares = new TreeMap<>();
            for (int j = 1; j <= n; j++) {
                shares.put(j, f.evaluate(j));
            }
            return shares;
        } finally {
            f.destroy();
        }
    }

    /** Interpolates the secret from shares keyed by index (correct only with at least t+1 of them). */
    public static BigInteger reconstruct(Map<Integer, BigInteger> shares) {
        return Lagrange.interpolateAtZero(shares);
    }
}
