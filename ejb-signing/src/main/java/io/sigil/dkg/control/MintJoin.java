package io.sigil.dkg.control;

import io.sigil.crypto.Wire;

/**
 * Mint round 1, each node to the leader: whether it joins (it checked the proposal), or why not (a fixed phrase).
 * The leader starts the DKG only once every node joined, so no DKG message can reach a node before the proposal.
 *
 * <p>Wire form: tag 0x42, version, joined(u8), reason (string, empty when joined).
 */
public record MintJoin(boolean joined, String reason) {
    static final int TAG = 0x42;

    public byte[] toBytes() {
        return new Wire.Writer(TAG).u8(joined ? 1 : 0).string(reason == null ? "" : reason).toBytes();
    }

    public static MintJoin fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "mint join");
        int joined = r.u8();
        String reason = r.string();
        r.end();
        if (joined > 1 || reason.length() > 200) {
            throw new IllegalArgumentException("malformed mint join");
        }
        return new MintJoin(joined == 1, reason);
    }
}
