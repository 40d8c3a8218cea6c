package io.sigil.transport;

import io.sigil.node.NodeIndex;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One run of a protocol among some nodes, as a protocol sees it: send a round's messages (public payload and an
 * optional secret sealed to the recipient), then collect the round's messages from the other participants. A
 * message to this node itself is delivered locally. Close it when done; it also expires at its deadline.
 */
public final class Session implements AutoCloseable {
    private final Transport transport;
    private final SessionId id;
    private final String protocol;
    private final Inbox inbox;
    private final Instant deadline;

    Session(Transport transport, SessionId id, String protocol, Inbox inbox, Instant deadline) {
        this.transport = transport;
        this.id = id;
        this.protocol = protocol;
        this.inbox = inbox;
        this.deadline = deadline;
    }

    public SessionId id() { return id; }
    public String protocol() { return protocol; }
    public Instant deadline() { return deadline; }

    /** Sends one message; throws {@link PeerUnavailableException} if the peer does not accept it. */
    public void send(NodeIndex to, int round, byte[] payload, byte[] secret) {
        transport.send(this, to, round, payload, secret);
    }

    /** Sends the same public payload to every node in {@code to}, in parallel; fails naming the first peer that refused. */
    public void broadcast(Collection<NodeIndex> to, int round, byte[] payload) {
        Map<NodeIndex, byte[]> none = new LinkedHashMap<>();
        to.forEach(peer -> none.put(peer, null));
        transport.sendEach(this, round, payload, none);
    }

    /**
     * Sends the same public payload to every node of {@code secrets}, each with its own secret sealed to it, in
     * parallel; fails naming the first peer that refused.
     */
    public void sendEach(int round, byte[] payload, Map<NodeIndex, byte[]> secrets) {
        transport.sendEach(this, round, payload, secrets);
    }

    /** Waits for every node in {@code from} to send its message for {@code round}; ordered by node index. */
    public Map<NodeIndex, InboundMessage> collect(int round, Set<NodeIndex> from) {
        try {
            return inbox.await(round, from, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionTimeoutException(protocol, round, from);
        }
    }

    void deliverLocally(InboundMessage m) { inbox.add(m); }

    @Override
    public void close() { transport.close(this); }

    @Override
    public String toString() { return "Session[" + protocol + " " + id + "]"; }
}
