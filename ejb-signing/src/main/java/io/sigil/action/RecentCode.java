package io.sigil.action;

import io.sigil.crypto.ipfs.Cid;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used map from CID to code, bounded by the total size of the code it holds. Thread-safe. A single
 * code larger than the bound is not kept.
 */
final class RecentCode {
    private final long maxBytes;
    private final LinkedHashMap<Cid, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    RecentCode(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The code kept for {@code cid} (not a copy), or null. */
    synchronized byte[] get(Cid cid) {
        return entries.get(cid);
    }

    /** Keeps {@code code} (the caller hands it over), dropping the least recently used entries to stay in bound. */
    synchronized void put(Cid cid, byte[] code) {
        if (code.length > maxBytes) {
            return;
        }
        byte[] previous = entries.put(cid, code);
        bytes += code.length - (previous == null ? 0 : previous.length);
        for (Iterator<Map.Entry<Cid, byte[]>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
            Map.Entry<Cid, byte[]> eldest = it.next();
            if (eldest.getKey().equals(cid)) {
                continue;
            }
            bytes -= eldest.getValue().length;
            it.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }
}
