package io.sigil.transport;

import io.sigil.node.NodeIndex;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node that misbehaves on the wire: every message it sends passes through {@link #tamper}, which may change the
 * public payload or the secret before they are signed and sealed (so the receiver sees a validly signed message
 * with wrong content), or drop the message by throwing.
 */
public class TamperingTransport extends Transport {

    /** One outgoing message; the hook returns it as it should be sent. */
    public record Outgoing(String protocol, int round, NodeIndex to, byte[] payload, byte[] secret) { }

    /** Changes an outgoing message; throw {@link PeerUnavailableException} to drop it. */
    @FunctionalInterface
    public interface Hook {
        Outgoing tamper(Outgoing m);
    }

    public volatile Hook hook = m -> m;

    /**
     * Runs every recipient's message through the hook. Untouched, the broadcast goes out as usual (one signature);
     * once the hook changes or drops a message, each recipient gets its own broadcast, so a node can tell each
     * peer something else.
     */
    @Override
    void sendEach(Session session, int round, byte[] payload, Map<NodeIndex, byte[]> secrets) {
        Map<NodeIndex, Outgoing> outgoing = new LinkedHashMap<>();
        Map<NodeIndex, RuntimeException> dropped = new LinkedHashMap<>();
        boolean untouched = true;
        for (Map.Entry<NodeIndex, byte[]> e : secrets.entrySet()) {
            Outgoing original = new Outgoing(session.protocol(), round, e.getKey(), payload, e.getValue());
            try {
                Outgoing m = hook.tamper(original);
                outgoing.put(e.getKey(), m);
                untouched &= m.equals(original);
            } catch (RuntimeException drop) {
                dropped.put(e.getKey(), drop);
                untouched = false;
            }
        }
        if (untouched) {
            super.sendEach(session, round, payload, secrets);
            return;
        }
        RuntimeException first = null;
        for (NodeIndex to : secrets.keySet()) {
            try {
                if (dropped.containsKey(to)) {
                    throw dropped.get(to);
                }
                Outgoing m = outgoing.get(to);
                Map<NodeIndex, byte[]> one = new HashMap<>();
                one.put(m.to(), m.secret());
                super.sendEach(session, m.round(), m.payload(), one);
            } catch (RuntimeException failed) {
                first = first == null ? failed : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
