package io.sigil.transport;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts each (sender, nonce) once within the freshness window. Entries older than the window are dropped:
 * an envelope that old is refused as stale before its nonce is looked at. Only authenticated envelopes reach
 * this guard, so its size is bounded by what the members send.
 *
 * <p>Each nonce is remembered with the signing digest of its envelope, so a second copy of the same envelope (a
 * sender's retry whose first answer was lost) is told apart from a nonce reused for other content.
 */
final class ReplayGuard {
    /** What a (sender, nonce) is to this guard. */
    enum Seen { FIRST, DUPLICATE, REUSED }

    private record Entry(long at, byte[] digest) { }

    private final long windowMs;
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();
    private volatile long nextPurge;

    ReplayGuard(long windowMs) {
        this.windowMs = windowMs;
    }

    /**
     * {@link Seen#FIRST} the first time this nonce comes from this sender (it is remembered), {@link Seen#DUPLICATE}
     * for a later envelope with the same signing digest, {@link Seen#REUSED} for one with another.
     */
    Seen check(int from, String nonce, byte[] digest, long now) {
        if (now >= nextPurge) {
            purge(now);
        }
        Entry earlier = seen.putIfAbsent(key(from, nonce), new Entry(now, digest.clone()));
        if (earlier == null) {
            return Seen.FIRST;
        }
        return Arrays.equals(earlier.digest(), digest) ? Seen.DUPLICATE : Seen.REUSED;
    }

    /** Forgets a nonce whose envelope could not be delivered, so the sender's retry is handled afresh. */
    void forget(int from, String nonce) {
        seen.remove(key(from, nonce));
    }

    private static String key(int from, String nonce) {
        return from + ":" + nonce;
    }

    private void purge(long now) {
        nextPurge = now + windowMs;
        seen.values().removeIf(e -> e.at() < now - 2 * windowMs);
    }
}
