package io.sigil.transport;

import io.sigil.api.model.NodeInfo;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIdentity;
import io.sigil.node.NodeIndex;
import io.sigil.peer.PeerClient;
import io.sigil.peer.PeerDirectory;
import io.sigil.problem.SigilException;
import io.sigil.storage.SecretSealer;
import io.sigil.storage.StorageKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bouncycastle.math.ec.ECPoint;

/**
 * n real nodes in one JVM for protocol tests: real identity keys, storage keys, envelopes, signatures, sealing
 * and inbound checks; only HTTP is replaced by a direct call to the recipient's {@link Transport#receive}.
 * Nodes can be taken down ({@link #down}) to test what a protocol does when a peer does not answer.
 */
public final class InMemoryNetwork implements AutoCloseable {
    private final List<Node> nodes = new ArrayList<>();
    private final Set<Integer> down = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** One node of the network. */
    public final class Node {
        public final NodeConfig config;
        public final NodeIdentity identity;
        public final Transport transport;
        public final Mailbox mailbox;

        Node(NodeConfig config, NodeIdentity identity, Transport transport, Mailbox mailbox) {
            this.config = config;
            this.identity = identity;
            this.transport = transport;
            this.mailbox = mailbox;
        }

        public NodeIndex index() { return config.self(); }

        /** Sessions open on this node (tests check nothing is left behind). */
        public int openSessions() { return mailbox.openSessions(); }

        /** The node's view of its peers' identity keys. */
        public PeerDirectory directory() { return transport.directory; }
    }

    /**
     * @param protocols builds the protocols of node i (1-based) given that node's transport; the mailbox of each
     *                  node knows exactly these
     */
    public static InMemoryNetwork start(int n, Path dataRoot, Function<Transport, List<Protocol>> protocols) {
        return start(n, dataRoot, protocols, i -> new Transport());
    }

    /** As above, with each node's transport made by {@code transports} (a test may give one node a tampering one). */
    public static InMemoryNetwork start(int n, Path dataRoot, Function<Transport, List<Protocol>> protocols,
                                        java.util.function.IntFunction<Transport> transports) {
        InMemoryNetwork net = new InMemoryNetwork();
        List<String> urls = IntStream.rangeClosed(1, n).mapToObj(i -> "http://127.0.0.1:" + (19000 + i)).toList();
        for (int i = 1; i <= n; i++) {
            NodeConfig config = new NodeConfig(i, urls, Optional.empty(), dataRoot.resolve("node" + i).toString());
            SecretSealer sealer = new SecretSealer(new StorageKey(config, Optional.empty()));
            NodeIdentity identity = new NodeIdentity(config, sealer);
            Transport transport = transports.apply(i);
            Mailbox mailbox = new Mailbox(protocols.apply(transport));
            transport.config = config;
            transport.identity = identity;
            transport.mailbox = mailbox;
            transport.directory = net.new Directory();
            transport.client = net.new Delivery();
            net.nodes.add(net.new Node(config, identity, transport, mailbox));
        }
        return net;
    }

    public Node node(int index) { return nodes.get(index - 1); }

    public List<Node> nodes() { return List.copyOf(nodes); }

    /** From now on, messages to this node fail as if it were unreachable. */
    public void down(int index) { down.add(index); }

    /** Messages to this node are delivered again. */
    public void up(int index) { down.remove(index); }

    @Override
    public void close() {
        nodes.forEach(n -> n.identity.close());
    }

    /** Pinned keys are simply the nodes' real keys. */
    private final class Directory extends PeerDirectory {
        @Override
        public ECPoint identityKey(NodeIndex peer) {
            if (down.contains(peer.value())) {
                throw new PeerUnavailableException(peer, "did not describe itself (connection refused)");
            }
            return node(peer.value()).identity.publicKey();
        }

        @Override
        public java.util.Optional<ECPoint> pinnedKey(NodeIndex peer) {
            return java.util.Optional.of(node(peer.value()).identity.publicKey());
        }

        @Override
        public ECPoint observe(NodeIndex peer, NodeInfo info) { return identityKey(peer); }

        @Override
        public void suspectKeyChange(NodeIndex peer) { }
    }

    /** Delivers by calling the recipient's inbound checks directly; refusals look like HTTP 4xx to the sender. */
    private final class Delivery extends PeerClient {
        @Override
        public java.util.concurrent.CompletableFuture<Void> deliverAsync(NodeIndex to, Envelope envelope) {
            if (down.contains(to.value())) {
                return java.util.concurrent.CompletableFuture.failedFuture(new PeerUnavailableException(to,
                        "did not accept a " + envelope.protocol() + " message (connection refused)"));
            }
            try {
                node(to.value()).transport.receive(envelope);
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            } catch (SigilException e) {
                return java.util.concurrent.CompletableFuture.failedFuture(new PeerUnavailableException(to,
                        "did not accept a " + envelope.protocol() + " message (HTTP " + e.type().status() + ")"));
            }
        }
    }
}
