package io.sigil.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.NetworkExecuteRequest;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.model.NodeInfo;
import io.sigil.api.model.Pkp;
import io.sigil.client.NodeConnection;
import io.sigil.client.Wallet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Four real nodes (t = 1, 2t+1 = 3) with node 4 stopped after the mint: the gateway still signs with the three that
 * are up, and a request that insists on node 4 gets a 503 naming it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecuteNodeDownIT {
    static final String NAME = "execute-node-down";
    static final Duration READY = Duration.ofSeconds(240);
    static LocalNetworkProcess net;
    static ActionCalls calls;
    static String cid;
    static Pkp pkp;

    @BeforeAll
    static void up() throws Exception {
        ActionCalls.clean(NAME);
        net = LocalNetworkProcess.up(NAME, 4, LocalNetworkProcess.freePorts(4), Map.of(), READY);
        calls = new ActionCalls(net);
        cid = calls.upload(1, ActionCalls.SIGN_IF_PRIME);
        pkp = calls.mint(1, Wallet.random(), List.of(cid)); // a mint needs every node
        stopNode4();
    }

    @AfterAll
    static void down() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    /** Stops node 4's JVM (found by its data directory on its command line) and waits until node 1 notices. */
    static void stopNode4() throws Exception {
        ProcessHandle node4 = net.nodeProcesses().stream()
                .filter(p -> p.info().arguments().map(a -> Arrays.stream(a).anyMatch(s -> s.contains("node4")))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("node 4's process was not found"));
        node4.destroy();
        node4.onExit().get(60, TimeUnit.SECONDS);
        NodeConnection node1 = new NodeConnection(net.url(1), Duration.ofSeconds(5));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            NodeInfo info = node1.node();
            if (!info.network().nodes().get(3).reachable()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node 1 still sees node 4 as reachable");
    }

    @Test
    @Order(1)
    void theGatewaySignsWithTheThreeNodesThatAreUp() throws Exception {
        HttpResponse<String> r = calls.post(1, "/api/v1/network/execute",
                new NetworkExecuteRequest(null, cid, Map.of("number", 97, "publicKey", pkp.publicKey()), null, null));
        assertEquals(200, r.statusCode(), r.body());
        NetworkExecuteResponse answer = ActionCalls.JSON.fromJson(r.body(), NetworkExecuteResponse.class);
        assertEquals(List.of(1, 2, 3), answer.nodes().stream().map(NetworkExecuteResponse.NodeOutcome::index).toList());
        ActionCalls.assertSignedByPkp(answer.signatures().get("prime"), pkp, ActionCalls.digestOf(97));
    }

    @Test
    @Order(2)
    void participantsThatIncludeTheStoppedNodeGet503NamingIt() throws Exception {
        HttpResponse<String> r = calls.post(2, "/api/v1/network/execute", new NetworkExecuteRequest(null, cid,
                Map.of("number", 97, "publicKey", pkp.publicKey()), null, List.of(1, 2, 4)));
        assertEquals(503, r.statusCode(), r.body());
        Map<String, Object> problem = ActionCalls.problem(r);
        assertEquals("https://sigil.dev/problems/peer-unavailable", problem.get("type"));
        assertEquals(List.of(4), ((List<?>) problem.get("missingNodes")).stream()
                .map(n -> ((Number) n).intValue()).toList());
        assertFalse(r.body().contains("Exception"), "no Java internals: " + r.body());
        assertTrue(String.valueOf(problem.get("detail")).contains("[4]"), r.body());
    }
}
