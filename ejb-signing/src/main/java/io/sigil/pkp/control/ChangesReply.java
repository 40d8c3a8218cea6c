package io.sigil.pkp.control;

import io.sigil.crypto.Wire;
import io.sigil.crypto.eth.TokenId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catch-up round 1: the signed changes asked for (each in {@link PermissionChange} wire form, verified by the asker
 * itself), or the version of every active PKP of the answering node.
 *
 * <p>Wire form: tag 0x53, version, u32 change count + changes (u32 length + bytes), u32 version count +
 * (tokenId(32), version(8)).
 */
public record ChangesReply(List<byte[]> changes, Map<TokenId, Long> versions) {
    static final int TAG = 0x53;
    static final int MAX_ENTRIES = 100_000;

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG).u32(changes.size());
        changes.forEach(w::bytes);
        w.u32(versions.size());
        versions.forEach((id, v) -> w.fixed(id.bytes()).fixed(ByteBuffer.allocate(8).putLong(v).array()));
        return w.toBytes();
    }

    public static ChangesReply fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "changes reply");
        int count = r.u32();
        if (count > MAX_ENTRIES) {
            throw new IllegalArgumentException("malformed changes reply");
        }
        List<byte[]> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            changes.add(r.bytes());
        }
        int pkps = r.u32();
        if (pkps > MAX_ENTRIES) {
            throw new IllegalArgumentException("malformed changes reply");
        }
        Map<TokenId, Long> versions = new LinkedHashMap<>();
        for (int i = 0; i < pkps; i++) {
            versions.put(new TokenId(r.fixed(32)), ByteBuffer.wrap(r.fixed(8)).getLong());
        }
        r.end();
        return new ChangesReply(changes, versions);
    }
}
