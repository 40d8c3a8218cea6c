package io.sigil.dkg.control;

import io.sigil.crypto.Wire;
import io.sigil.crypto.eth.TokenId;

/**
 * Outcome round 0: a node whose mint is prepared but undecided asks a peer what it knows of run {@code dkgId}.
 *
 * <p>Wire form: tag 0x46, version, dkgId(32), tokenId(32).
 */
public record OutcomeQuery(byte[] dkgId, TokenId tokenId) {
    static final int TAG = 0x46;

    public OutcomeQuery {
        if (dkgId == null || dkgId.length != 32 || tokenId == null) {
            throw new IllegalArgumentException("malformed outcome query");
        }
        dkgId = dkgId.clone();
    }

    @Override
    public byte[] dkgId() { return dkgId.clone(); }

    public byte[] toBytes() {
        return new Wire.Writer(TAG).fixed(dkgId).fixed(tokenId.bytes()).toBytes();
    }

    public static OutcomeQuery fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "outcome query");
        OutcomeQuery q = new OutcomeQuery(r.fixed(32), new TokenId(r.fixed(32)));
        r.end();
        return q;
    }
}
