package io.sigil.crypto.dkg;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Wire;
import io.sigil.crypto.shamir.FeldmanCommitment;
import java.util.Arrays;

/**
 * DKG round 1 broadcast (THRESHOLD.md "Key generation" step 1): node {@code from}'s Feldman commitments
 * {@code C_ik = a_ik*G}, k = 0..t.
 *
 * <p>Wire form ({@link Wire}): tag 0x11, version, dkgId(32), from(u16), commitment (u16 count + 33-byte points).
 */
public record DkgRound1(byte[] dkgId, int from, FeldmanCommitment commitment) {

    static final int TAG = 0x11;

    public DkgRound1 {
        if (dkgId == null || dkgId.length != 32) {
            throw new IllegalArgumentException("dkg id must be 32 bytes");
        }
        if (from < 1 || from > 0xffff || commitment == null) {
            throw new IllegalArgumentException("malformed DKG round 1");
        }
        dkgId = dkgId.clone();
    }

    @Override
    public byte[] dkgId() {
        return dkgId.clone();
    }

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG).fixed(dkgId).u16(from);
        commitment.writeTo(w);
        return w.toBytes();
    }

    public static DkgRound1 fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "DKG round 1");
        DkgRound1 m = new DkgRound1(r.fixed(32), r.u16(), FeldmanCommitment.read(r));
        r.end();
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DkgRound1 m && m.from == from && Arrays.equals(m.dkgId, dkgId)
                && m.commitment.equals(commitment);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dkgId) * 31 + from;
    }

    @Override
    public String toString() {
        return "DkgRound1[dkgId=" + Hex.encode(dkgId) + ", from=" + from + ", degree=" + commitment.degree() + "]";
    }
}
