package io.sigil.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.node.NodeIndex;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session/round mechanism with a toy two-round protocol, the shape the DKG and signing protocols take:
 * round 1 broadcasts a public value, round 2 sends each peer a private value; the leader starts, the others join
 * from the first message they see.
 */
class SessionTest {
    @TempDir
    Path dir;

    static final Set<NodeIndex> ALL = Set.of(NodeIndex.of(1), NodeIndex.of(2), NodeIndex.of(3));

    /** Each node contributes its index publicly and index*10+peer privately; the result is the sum of both rounds. */
    static final class SumProtocol implements Protocol {
        final Transport transport;
        final Map<SessionId, CompletableFuture<Integer>> results = new ConcurrentHashMap<>();

        SumProtocol(Transport transport) { this.transport = transport; }

        @Override public String name() { return "sum"; }

        @Override public boolean onFirstMessage(InboundMessage m) {
            CompletableFuture.runAsync(() -> run(m.sessionId()));
            return true;
        }

        CompletableFuture<Integer> run(SessionId id) {
            CompletableFuture<Integer> result = results.computeIfAbsent(id, k -> new CompletableFuture<>());
            int sum;
            try (Session s = transport.open("sum", id, Duration.ofSeconds(5))) {
                NodeIndex self = transport.config.self();
                s.broadcast(ALL, 1, BigInteger.valueOf(self.value()).toByteArray());
                sum = s.collect(1, ALL).values().stream().mapToInt(m -> new BigInteger(m.payload()).intValue()).sum();
                for (NodeIndex peer : ALL) {
                    s.send(peer, 2, new byte[0], BigInteger.valueOf(self.value() * 10 + peer.value()).toByteArray());
                }
                sum += s.collect(2, ALL).values().stream().mapToInt(m -> new BigInteger(m.secret()).intValue()).sum();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return result;
            }
            result.complete(sum);
            return result;
        }
    }

    @Test
    void threeNodesRunTwoRounds() throws Exception {
        try (InMemoryNetwork net = InMemoryNetwork.start(3, dir, t -> List.of(new SumProtocol(t)))) {
            SessionId id = SessionId.random();
            Map<Integer, SumProtocol> protocols = net.nodes().stream().collect(Collectors.toMap(
                    n -> n.index().value(), n -> (SumProtocol) protocolOf(n)));
            CompletableFuture<Integer> leader = CompletableFuture.supplyAsync(() -> protocols.get(1).run(id).join());
            // round 1 sums to 6 everywhere; in round 2 node j receives 10i + j from every i: 60 + 3j
            assertEquals(60 + 3 + 6, leader.get());
            assertEquals(60 + 6 + 6, protocols.get(2).results.get(id).get());
            assertEquals(60 + 9 + 6, protocols.get(3).results.get(id).get());
            net.nodes().forEach(n -> assertEquals(0, n.mailbox.openSessions(), "sessions are closed after use"));
        }
    }

    @Test
    void missingParticipantIsNamed() throws Exception {
        try (InMemoryNetwork net = InMemoryNetwork.start(3, dir, t -> List.of(new SumProtocol(t)))) {
            Transport t1 = net.node(1).transport;
            try (Session s = t1.open("sum", SessionId.random(), Duration.ofMillis(300))) {
                s.send(NodeIndex.of(1), 1, new byte[] {1}, null);
                SessionTimeoutException e = assertThrows(SessionTimeoutException.class, () -> s.collect(1, ALL));
                assertEquals(Set.of(NodeIndex.of(2), NodeIndex.of(3)), e.missing());
                assertEquals(List.of(2, 3), e.extensions().get("missingNodes"));
            }
        }
    }

    @Test
    void unreachablePeerIsNamed() {
        try (InMemoryNetwork net = InMemoryNetwork.start(3, dir, t -> List.of(new SumProtocol(t)))) {
            net.down(3);
            try (Session s = net.node(1).transport.open("sum", SessionId.random(), Duration.ofSeconds(1))) {
                PeerUnavailableException e = assertThrows(PeerUnavailableException.class,
                        () -> s.broadcast(ALL, 1, new byte[] {1}));
                assertEquals(NodeIndex.of(3), e.peer());
            }
        }
    }

    @Test
    void lateMessageForAClosedSessionDoesNotReopenIt() {
        List<InboundMessage> offered = new java.util.ArrayList<>();
        Mailbox mailbox = new Mailbox(List.of(new Protocol() {
            @Override public String name() { return "sum"; }
            @Override public boolean onFirstMessage(InboundMessage m) { offered.add(m); return true; }
        }));
        SessionId id = SessionId.random();
        mailbox.open(id, "sum", java.time.Instant.now().plusSeconds(5));
        mailbox.close(id);
        mailbox.deliver(new InboundMessage(NodeIndex.of(2), "sum", id, 2, new byte[0], null));
        assertTrue(offered.isEmpty());
        assertEquals(0, mailbox.openSessions());
    }

    @Test
    void duplicateMessageForARoundIsIgnored() {
        Inbox inbox = new Inbox("sum", java.time.Instant.now().plusSeconds(5));
        SessionId id = SessionId.random();
        assertTrue(inbox.add(new InboundMessage(NodeIndex.of(2), "sum", id, 1, new byte[] {1}, null)));
        assertTrue(!inbox.add(new InboundMessage(NodeIndex.of(2), "sum", id, 1, new byte[] {2}, null)));
    }

    private static Protocol protocolOf(InMemoryNetwork.Node n) {
        return n.mailbox.protocol("sum");
    }
}
