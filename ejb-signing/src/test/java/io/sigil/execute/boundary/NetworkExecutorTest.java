package io.sigil.execute.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigil.api.model.ExecuteRequest;
import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.model.NetworkExecuteRequest;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.verdict.Problem;
import io.sigil.auth.AuthSigVerifier;
import io.sigil.engine.api.ActionFailure;
import io.sigil.execute.control.Problems;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
import io.sigil.peer.PeerAnswer;
import io.sigil.peer.PeerClient;
import io.sigil.peer.PeerMonitor;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.transport.PeerUnavailableException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's fan-out, choice of participants and single retry, with participants faked at the HTTP answer. */
class NetworkExecutorTest {
    static final Jsonb JSON = JsonbBuilder.create();
    static final java.lang.reflect.Type MAP = new java.util.HashMap<String, Object>() { }.getClass()
            .getGenericSuperclass();

    @TempDir
    Path dir;

    /** Every per-node request the gateway sent, by node (this node's own included). */
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    /**
     * A gateway on node 1 of {@code n} nodes; {@code answer} plays each participant (node 1 included), and node 1's
     * monitor believes {@code unreachable} are down.
     */
    NetworkExecutor gateway(int n, Set<Integer> unreachable, BiFunction<Integer, ExecuteRequest, PeerAnswer> answer) {
        NodeConfig config = new NodeConfig(1, IntStream.rangeClosed(1, n).mapToObj(i -> "http://127.0.0.1:" + (19100 + i))
                .toList(), Optional.empty(), dir.resolve("node1").toString());
        MemoryActionStore actions = new MemoryActionStore(1024);
        NetworkExecutor g = new NetworkExecutor();
        g.config = config;
        g.actions = actions;
        g.authSigs = new AuthSigVerifier();
        g.local = new NodeExecutor(config, null, actions, null, null, null, null, null) {
            @Override
            public ExecuteResponse execute(ExecuteRequest request) {
                sent.add("1 " + request.requestId() + " " + request.participants());
                PeerAnswer a = answer.apply(1, request);
                if (a.status() == 200) {
                    return JSON.fromJson(a.body(), ExecuteResponse.class);
                }
                throw Problems.revive(Problem.parse(JSON.fromJson(a.body(), MAP)));
            }
        };
        g.peers = new PeerClient() {
            @Override
            public CompletableFuture<PeerAnswer> executeAsync(NodeIndex peer, ExecuteRequest request) {
                sent.add(peer + " " + request.requestId() + " " + request.participants());
                try {
                    return CompletableFuture.completedFuture(answer.apply(peer.value(), request));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        };
        g.monitor = new PeerMonitor() {
            @Override
            public boolean isReachable(NodeIndex peer) {
                return !unreachable.contains(peer.value());
            }
        };
        return g;
    }

    static PeerAnswer ok(String response) {
        return new PeerAnswer(200, JSON.toJson(new ExecuteResponse(true, response, "", Map.of(), Map.of(), Map.of())));
    }

    static PeerAnswer down(int node) {
        throw new PeerUnavailableException(NodeIndex.of(node), "did not answer the execute request (connection refused)");
    }

    static NetworkExecuteRequest code(String code) {
        return new NetworkExecuteRequest(code, null, Map.of("n", 1), null, null);
    }

    @Test
    void reachableNodesAreChosenFirst() {
        NetworkExecuteResponse r = gateway(4, Set.of(3), (i, req) -> ok("fine")).execute(code("1"));
        assertEquals(List.of(1, 2, 4), r.nodes().stream().map(NetworkExecuteResponse.NodeOutcome::index).toList());
        assertEquals("fine", r.response());
        assertEquals(1, sent.stream().map(s -> s.split(" ")[1]).distinct().count(), "one request id for all");
    }

    @Test
    void aNodeThatFailsAsANodeIsReplacedOnceWithANewRequestId() {
        // the monitor still believes node 4 is up and node 1 (itself) is not, so the first choice is 2, 3, 4
        NetworkExecuteResponse r = gateway(4, Set.of(1), (i, req) -> i == 4 ? down(4) : ok("fine"))
                .execute(code("1"));
        assertEquals(List.of(1, 2, 3), r.nodes().stream().map(NetworkExecuteResponse.NodeOutcome::index).toList());
        List<String> ids = sent.stream().map(s -> s.split(" ")[1]).distinct().toList();
        assertEquals(2, ids.size(), "the retry is a new request: " + sent);
        assertNotEquals(ids.get(0), ids.get(1));
    }

    @Test
    void withoutASpareNodeTooFewAnswersIs503NamingTheMissingOne() {
        SigilException e = assertThrows(SigilException.class, () -> gateway(3, Set.of(), (i, req) -> i == 3 ? down(3)
                : new PeerAnswer(503, "{\"type\":\"https://sigil.dev/problems/peer-unavailable\",\"status\":503,"
                + "\"title\":\"Too few nodes answered\",\"detail\":\"sign round 1: no message from node(s) [3]\","
                + "\"missingNodes\":[3]}")).execute(code("1")));
        assertEquals(ProblemType.PEER_UNAVAILABLE, e.type());
        assertEquals(List.of(3), e.extensions().get("missingNodes"));
        assertEquals(3, sent.size(), "no retry: every node took part already");
    }

    @Test
    void participantsTheClientChoseAreNotReplaced() {
        assertThrows(SigilException.class, () -> gateway(4, Set.of(), (i, req) -> i == 4 ? down(4) : ok("x"))
                .execute(new NetworkExecuteRequest("1", null, null, null, List.of(2, 3, 4))));
        assertEquals(3, sent.size());
        assertEquals(List.of("2", "3", "4"), sent.stream().map(s -> s.split(" ")[0]).sorted().toList());
    }

    @Test
    void theActionsOwnFailureOnEveryParticipantIsPassedOnWithoutRetry() {
        String problem = "{\"type\":\"https://sigil.dev/problems/limit/cpu-time\",\"status\":422,"
                + "\"title\":\"The action used more CPU time than allowed\",\"detail\":\"d\",\"logs\":\"spinning\"}";
        ActionFailure g = assertThrows(ActionFailure.class, () -> gateway(4, Set.of(1), (i, req) ->
                new PeerAnswer(422, problem)).execute(code("1")));
        assertEquals("https://sigil.dev/problems/limit/cpu-time", g.type().toString());
        assertEquals("spinning", g.logs());
        assertEquals(3, sent.size(), "not retried");
    }

    @Test
    void aParticipantAnsweringGarbageIsNamed() {
        SigilException e = assertThrows(SigilException.class, () -> gateway(3, Set.of(), (i, req) -> i == 2
                ? new PeerAnswer(200, "<html>") : ok("x")).execute(code("1")));
        assertEquals(ProblemType.PROTOCOL_ABORTED, e.type());
        assertEquals(2, e.extensions().get("node"));
    }

    @Test
    void theGatewayRefusesWhatItCanWithoutAskingAnyone() {
        NetworkExecutor g = gateway(3, Set.of(), (i, req) -> ok("x"));
        assertEquals("code", assertThrows(SigilException.class, () -> g.execute(new NetworkExecuteRequest("1",
                "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", null, null, null))).extensions().get("field"));
        assertEquals(ProblemType.NOT_FOUND, assertThrows(SigilException.class, () -> g.execute(
                new NetworkExecuteRequest(null, "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", null, null, null)))
                .type());
        assertEquals(413, assertThrows(ActionFailure.class, () -> g.execute(code("x".repeat(1025)))).status());
        assertEquals("participants", assertThrows(SigilException.class, () -> g.execute(new NetworkExecuteRequest("1",
                null, null, null, List.of(1, 7)))).extensions().get("field"));
        assertEquals(List.of(), sent);
    }
}
