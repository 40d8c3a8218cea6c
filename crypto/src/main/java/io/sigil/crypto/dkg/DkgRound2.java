package io.sigil.crypto.dkg;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Wire;
import java.util.Arrays;

/**
 * DKG round 2 echo (THRESHOLD.md "Key generation" step 2): the hash of all round 1 commitments node {@code from}
 * received, so that a dealer who showed different commitments to different nodes is caught.
 *
 * <p>Wire form ({@link Wire}): tag 0x13, version, dkgId(32), from(u16), commitmentsHash(32). The hash is
 * {@link DkgSession#commitmentsHash}.
 */
public record DkgRound2(byte[] dkgId, int from, byte[] commitmentsHash) {

    static final int TAG = 0x13;

    public DkgRound2 {
        if (dkgId == null || dkgId.length != 32 || commitmentsHash == null || commitmentsHash.length != 32) {
            throw new IllegalArgumentException("malformed DKG round 2");
        }
        if (from < 1 || from > 0xffff) {
            throw new IllegalArgumentException("malformed DKG round 2");
        }
        dkgId = dkgId.clone();
        commitmentsHash = commitmentsHash.clone();
    }

    @Override
    public byte[] dkgId() {
        return dkgId.clone();
    }

    @Override
    public byte[] commitmentsHash() {
        return commitmentsHash.clone();
    }

    public byte[] toBytes() {
        return new Wire.Writer(TAG).fixed(dkgId).u16(from).fixed(commitmentsHash).toBytes();
    }

    public static DkgRound2 fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "DKG round 2");
        DkgRound2 m = new DkgRound2(r.fixed(32), r.u16(), r.fixed(32));
        r.end();
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DkgRound2 m && m.from == from && Arrays.equals(m.dkgId, dkgId)
                && Arrays.equals(m.commitmentsHash, commitmentsHash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(commitmentsHash) * 31 + from;
    }

    @Override
    public String toString() {
        return "DkgRound2[dkgId=" + Hex.encode(dkgId) + ", from=" + from + ", hash=" + Hex.encode(commitmentsHash) + "]";
    }
}
