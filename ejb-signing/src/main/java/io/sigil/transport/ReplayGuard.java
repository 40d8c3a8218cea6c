package io.sigil.transport;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts each (sender, nonce) once within the freshness window. Entries older than the window are dropped:
 * an envelope that old is refused as stale before its nonce is looked at. Only authenticated envelopes reach
 * this guard, so its size is bounded by what the members send.
 */
final class ReplayGuard {
    private final long windowMs;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private volatile long nextPurge;

    ReplayGuard(long windowMs) {
        this.windowMs = windowMs;
    }

    /** True the first time this nonce is seen from this sender. */
    boolean firstSeen(int from, String nonce, long now) {
        if (now >= nextPurge) {
            purge(now);
        }
        return seen.putIfAbsent(from + ":" + nonce, now) == null;
    }

    private void purge(long now) {
        nextPurge = now + windowMs;
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next() < now - 2 * windowMs) {
                it.remove();
            }
        }
    }
}
