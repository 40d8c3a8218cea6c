package io.sigil.execute.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.engine.api.HostRefusal;
import io.sigil.node.NodeIndex;
import io.sigil.transport.InMemoryNetwork;
import io.sigil.transport.SessionId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code coord} protocol over real transports: runOnce's leader and result, broadcastAndCollect, timeouts. */
class CoordinationProtocolTest {
    static final List<Integer> ALL = List.of(1, 2, 3);

    @TempDir
    Path dir;

    static InMemoryNetwork start(Path dir, Map<Integer, CoordinationProtocol> protocols) {
        InMemoryNetwork net = InMemoryNetwork.start(3, dir, t -> {
            CoordinationProtocol p = new CoordinationProtocol(null, t);
            protocols.put(protocols.size() + 1, p);
            return List.of(p);
        });
        net.nodes().forEach(n -> protocols.get(n.index().value()).config = n.config);
        return net;
    }

    static byte[] requestId() {
        return RequestId.random().bytes();
    }

    @Test
    void everyParticipantComputesTheSameLeaderAndNamesSpreadTheWork() {
        byte[] id = requestId();
        NodeIndex leader = CoordinationProtocol.leader(id, "tx", List.of(3, 1, 2));
        assertEquals(leader, CoordinationProtocol.leader(id, "tx", List.of(1, 2, 3)), "order does not matter");
        assertTrue(ALL.contains(leader.value()));
        Set<Integer> leaders = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            leaders.add(CoordinationProtocol.leader(id, "name" + i, ALL).value());
        }
        assertEquals(Set.copyOf(ALL), leaders, "over many names every participant leads some");
        assertEquals(NodeIndex.of(7), CoordinationProtocol.leader(id, "tx", List.of(7)));
    }

    @Test
    void sessionsDifferByKindNameAndOccurrence() {
        byte[] id = requestId();
        Set<SessionId> ids = new HashSet<>(List.of(
                CoordinationProtocol.sessionId(id, CoordinationProtocol.Kind.RUN_ONCE, "a", 1),
                CoordinationProtocol.sessionId(id, CoordinationProtocol.Kind.RUN_ONCE, "a", 2),
                CoordinationProtocol.sessionId(id, CoordinationProtocol.Kind.BROADCAST, "a", 1),
                CoordinationProtocol.sessionId(id, CoordinationProtocol.Kind.RUN_ONCE, "b", 1),
                CoordinationProtocol.sessionId(requestId(), CoordinationProtocol.Kind.RUN_ONCE, "a", 1)));
        assertEquals(5, ids.size());
    }

    @Test
    void followersGetTheLeadersResultWhetherTheyAskBeforeOrAfterItIsSent() throws Exception {
        Map<Integer, CoordinationProtocol> p = new ConcurrentHashMap<>();
        try (InMemoryNetwork net = start(dir, p)) {
            SessionId id = CoordinationProtocol.sessionId(requestId(), CoordinationProtocol.Kind.RUN_ONCE, "tx", 1);
            NodeIndex leader = NodeIndex.of(2);
            // node 1 waits before the leader sends, node 3 only asks after it was sent
            CompletableFuture<String> early = CompletableFuture.supplyAsync(
                    () -> p.get(1).await(id, leader, Duration.ofSeconds(5)));
            Thread.sleep(200);
            p.get(2).announce(id, List.of(NodeIndex.of(1), NodeIndex.of(2), NodeIndex.of(3)), "0xtxhash",
                    Duration.ofSeconds(5));
            assertEquals("0xtxhash", early.get());
            assertEquals("0xtxhash", p.get(3).await(id, leader, Duration.ofSeconds(5)));
            net.nodes().forEach(n -> assertEquals(0, n.openSessions(), "sessions are closed after use"));
        }
    }

    @Test
    void aLeaderWithoutAResultMakesFollowersFailAtOnce() throws Exception {
        Map<Integer, CoordinationProtocol> p = new ConcurrentHashMap<>();
        try (InMemoryNetwork net = start(dir, p)) {
            SessionId id = CoordinationProtocol.sessionId(requestId(), CoordinationProtocol.Kind.RUN_ONCE, "tx", 1);
            p.get(1).announce(id, List.of(NodeIndex.of(2), NodeIndex.of(3)), null, Duration.ofSeconds(5));
            long start = System.nanoTime();
            HostRefusal e = assertThrows(HostRefusal.class,
                    () -> p.get(3).await(id, NodeIndex.of(1), Duration.ofSeconds(20)));
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "no waiting for the deadline");
            assertEquals("runOnce: the leader (node 1) has no result: its function failed", e.getMessage());
        }
    }

    @Test
    void aFollowerWhoseLeaderNeverAnswersTimesOutCleanly() throws Exception {
        Map<Integer, CoordinationProtocol> p = new ConcurrentHashMap<>();
        try (InMemoryNetwork net = start(dir, p)) {
            SessionId id = CoordinationProtocol.sessionId(requestId(), CoordinationProtocol.Kind.RUN_ONCE, "tx", 1);
            long start = System.nanoTime();
            HostRefusal e = assertThrows(HostRefusal.class,
                    () -> p.get(2).await(id, NodeIndex.of(3), Duration.ofMillis(400)));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 350 && ms < 3000, "waited " + ms + " ms for a 400 ms deadline");
            assertEquals("runOnce: no result from the leader (node 3) within the action's time", e.getMessage());
            assertEquals(0, net.node(2).openSessions(), "nothing left behind");
        }
    }

    @Test
    void broadcastAndCollectGivesEveryoneAllValuesOrderedByNodeIndex() throws Exception {
        Map<Integer, CoordinationProtocol> p = new ConcurrentHashMap<>();
        try (InMemoryNetwork net = start(dir, p)) {
            SessionId id = CoordinationProtocol.sessionId(requestId(), CoordinationProtocol.Kind.BROADCAST, "b", 1);
            List<CompletableFuture<List<String>>> running = new ArrayList<>();
            for (int i : List.of(3, 1, 2)) {
                running.add(CompletableFuture.supplyAsync(
                        () -> p.get(i).exchange(id, ALL, "value from " + i + " ✓", Duration.ofSeconds(5))));
                Thread.sleep(50);
            }
            for (CompletableFuture<List<String>> r : running) {
                assertEquals(List.of("value from 1 ✓", "value from 2 ✓", "value from 3 ✓"), r.get());
            }
        }
    }

    @Test
    void broadcastAndCollectNamesAParticipantThatIsDown() throws Exception {
        Map<Integer, CoordinationProtocol> p = new ConcurrentHashMap<>();
        try (InMemoryNetwork net = start(dir, p)) {
            net.down(3);
            SessionId id = CoordinationProtocol.sessionId(requestId(), CoordinationProtocol.Kind.BROADCAST, "b", 1);
            HostRefusal e = assertThrows(HostRefusal.class,
                    () -> p.get(1).exchange(id, ALL, "x", Duration.ofSeconds(5)));
            assertTrue(e.getMessage().startsWith("broadcastAndCollect: node 3 "), e.getMessage());
        }
    }

    @Test
    void aSilentParticipantIsNamedAtTheDeadline() throws Exception {
        Map<Integer, CoordinationProtocol> p = new ConcurrentHashMap<>();
        try (InMemoryNetwork net = start(dir, p)) {
            SessionId id = CoordinationProtocol.sessionId(requestId(), CoordinationProtocol.Kind.BROADCAST, "b", 1);
            CompletableFuture<List<String>> two = CompletableFuture.supplyAsync(
                    () -> p.get(2).exchange(id, ALL, "2", Duration.ofMillis(500)));
            HostRefusal e = assertThrows(HostRefusal.class,
                    () -> p.get(1).exchange(id, ALL, "1", Duration.ofMillis(500)));
            assertEquals("broadcastAndCollect: no value from node(s) [3] within the action's time", e.getMessage());
            assertThrows(Exception.class, two::get);
        }
    }
}
