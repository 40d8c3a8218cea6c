package io.sigil.crypto.dkg;

import io.sigil.crypto.Hex;
import java.util.Arrays;

/**
 * What every node of one DKG run must agree on (THRESHOLD.md "Setting"): a 32-byte run id (carried by every
 * message so that messages of one run cannot be replayed into another), the number of nodes {@code n} (all of
 * them take part) and the threshold {@code t}, with {@code 1 <= t} and {@code 2t+1 <= n}.
 *
 * @param dkgId 32 bytes chosen by the coordinator, e.g. a hash of the mint request; copied in and out
 * @param n     nodes 1..n
 * @param t     polynomial degree: any t shares reveal nothing, t+1 determine the key
 */
public record DkgParameters(byte[] dkgId, int n, int t) {

    public DkgParameters {
        if (dkgId == null || dkgId.length != 32) {
            throw new IllegalArgumentException("dkg id must be 32 bytes");
        }
        if (t < 1 || 2 * t + 1 > n || n > 0xffff) {
            throw new IllegalArgumentException("need 1 <= t and 2t+1 <= n");
        }
        dkgId = dkgId.clone();
    }

    /** THRESHOLD.md's default threshold {@code max(1, floor((n-1)/3))}. */
    public static int defaultThreshold(int n) {
        return Math.max(1, (n - 1) / 3);
    }

    @Override
    public byte[] dkgId() {
        return dkgId.clone();
    }

    boolean sameRun(byte[] otherId) {
        return Arrays.equals(dkgId, otherId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DkgParameters p && p.n == n && p.t == t && Arrays.equals(p.dkgId, dkgId);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(dkgId) + n) + t;
    }

    @Override
    public String toString() {
        return "DkgParameters[dkgId=" + Hex.encode(dkgId) + ", n=" + n + ", t=" + t + "]";
    }
}
