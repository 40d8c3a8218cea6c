package io.sigil.dkg.control;

import io.sigil.crypto.Wire;

/**
 * Mint round 2, leader to every node: every node joined, start the DKG ({@code go}), or some did not: stop now
 * (nothing was computed, nothing is stored).
 *
 * <p>Wire form: tag 0x43, version, go(u8).
 */
public record MintGo(boolean go) {
    static final int TAG = 0x43;

    public byte[] toBytes() {
        return new Wire.Writer(TAG).u8(go ? 1 : 0).toBytes();
    }

    public static MintGo fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "mint go");
        int go = r.u8();
        r.end();
        if (go > 1) {
            throw new IllegalArgumentException("malformed mint go");
        }
        return new MintGo(go == 1);
    }
}
