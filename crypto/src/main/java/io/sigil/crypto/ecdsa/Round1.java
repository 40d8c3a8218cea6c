package io.sigil.crypto.ecdsa;

import io.sigil.crypto.Wire;
import io.sigil.crypto.shamir.FeldmanCommitment;

/**
 * Signing round 1 broadcast (THRESHOLD.md "Signing" round 1): participant {@code from}'s statement and the
 * Feldman commitments {@code K_im = k_im*G} of its nonce polynomial {@code k_i}.
 *
 * <p>Wire form ({@link Wire}): tag 0x21, version, from(u16), statement (as {@link SigningStatement} without its
 * tag), commitment (u16 count + 33-byte points).
 */
public record Round1(int from, SigningStatement statement, FeldmanCommitment kCommitment) {

    static final int TAG = 0x21;

    public Round1 {
        if (from < 1 || from > 0xffff || statement == null || kCommitment == null) {
            throw new IllegalArgumentException("malformed signing round 1");
        }
    }

    public SessionId sid() {
        return statement.sid();
    }

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG).u16(from);
        statement.writeTo(w);
        kCommitment.writeTo(w);
        return w.toBytes();
    }

    public static Round1 fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "signing round 1");
        Round1 m = new Round1(r.u16(), SigningStatement.read(r), FeldmanCommitment.read(r));
        r.end();
        return m;
    }
}
