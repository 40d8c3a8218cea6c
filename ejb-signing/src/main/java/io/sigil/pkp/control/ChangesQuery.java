package io.sigil.pkp.control;

import io.sigil.crypto.Wire;
import io.sigil.crypto.eth.TokenId;
import java.nio.ByteBuffer;

/**
 * Catch-up round 0: "send me the signed changes of {@code tokenId} from {@code fromVersion} on", or, with no token
 * id, "send me the version of every PKP you have" (the periodic check).
 *
 * <p>Wire form: tag 0x52, version, kind(u8: 0 versions, 1 changes), then for changes tokenId(32), fromVersion(8).
 */
public record ChangesQuery(TokenId tokenId, long fromVersion) {
    static final int TAG = 0x52;

    /** The periodic check's question. */
    public static ChangesQuery versions() { return new ChangesQuery(null, 0); }

    public boolean asksVersions() { return tokenId == null; }

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG).u8(tokenId == null ? 0 : 1);
        if (tokenId != null) {
            w.fixed(tokenId.bytes()).fixed(ByteBuffer.allocate(8).putLong(fromVersion).array());
        }
        return w.toBytes();
    }

    public static ChangesQuery fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "changes query");
        int kind = r.u8();
        ChangesQuery q;
        if (kind == 0) {
            q = versions();
        } else if (kind == 1) {
            q = new ChangesQuery(new TokenId(r.fixed(32)), ByteBuffer.wrap(r.fixed(8)).getLong());
        } else {
            throw new IllegalArgumentException("malformed changes query");
        }
        r.end();
        return q;
    }
}
