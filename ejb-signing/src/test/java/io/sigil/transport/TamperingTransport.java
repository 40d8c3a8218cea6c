package io.sigil.transport;

import io.sigil.node.NodeIndex;
import java.util.concurrent.CompletableFuture;

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

    @Override
    CompletableFuture<Void> sendAsync(Session session, NodeIndex to, int round, byte[] payload, byte[] secret) {
        Outgoing m;
        try {
            m = hook.tamper(new Outgoing(session.protocol(), round, to, payload, secret));
        } catch (RuntimeException dropped) {
            return CompletableFuture.failedFuture(dropped);
        }
        return super.sendAsync(session, to, m.round(), m.payload(), m.secret());
    }
}
