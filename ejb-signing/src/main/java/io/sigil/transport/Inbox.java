package io.sigil.transport;

import io.sigil.node.NodeIndex;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The messages of one session, by round and sender; the first message per (round, sender) wins. */
final class Inbox {
    final String protocol;
    private volatile Instant expires;
    private final Map<Integer, Map<NodeIndex, InboundMessage>> rounds = new HashMap<>();

    Inbox(String protocol, Instant expires) {
        this.protocol = protocol;
        this.expires = expires;
    }

    Instant expires() { return expires; }

    void extendTo(Instant until) {
        if (until.isAfter(expires)) {
            expires = until;
        }
    }

    /** Adds a message; false if this sender already sent a message for this round (a duplicate is ignored). */
    synchronized boolean add(InboundMessage m) {
        Map<NodeIndex, InboundMessage> round = rounds.computeIfAbsent(m.round(), r -> new HashMap<>());
        if (round.putIfAbsent(m.from(), m) != null) {
            return false;
        }
        notifyAll();
        return true;
    }

    /** Waits until every node in {@code from} has sent its message for {@code round}, or {@code until} passes. */
    synchronized Map<NodeIndex, InboundMessage> await(int round, Set<NodeIndex> from, Instant until)
            throws InterruptedException, SessionTimeoutException {
        while (true) {
            Map<NodeIndex, InboundMessage> have = rounds.getOrDefault(round, Map.of());
            Set<NodeIndex> missing = new TreeSet<>(from);
            missing.removeAll(have.keySet());
            if (missing.isEmpty()) {
                Map<NodeIndex, InboundMessage> result = new LinkedHashMap<>();
                new TreeSet<>(from).forEach(i -> result.put(i, have.get(i)));
                return result;
            }
            long waitMs = until.toEpochMilli() - System.currentTimeMillis();
            if (waitMs <= 0) {
                throw new SessionTimeoutException(protocol, round, missing);
            }
            wait(waitMs);
        }
    }
}
