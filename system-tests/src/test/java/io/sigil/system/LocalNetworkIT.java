package io.sigil.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.NodeInfo;
import io.sigil.client.NodeConnection;
import io.sigil.crypto.Hex;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.transport.Envelope;
import io.sigil.transport.EnvelopeCodec;
import jakarta.json.bind.JsonbBuilder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 3's system test: three real nodes started by the launcher see each other, refuse forged node-to-node
 * messages, stop on SIGTERM without orphans, and keep their identities across a second {@code up}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalNetworkIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Duration READY = Duration.ofSeconds(150);
    static LocalNetworkProcess net;
    static int port;

    @BeforeAll
    static void up() throws Exception {
        net = LocalNetworkProcess.fresh("three", 3, Map.of(), READY);
        port = net.firstPort;
    }

    @AfterAll
    static void down() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    @Test
    @Order(1)
    void launcherPrintsTheContractLines() {
        assertEquals(List.of(
                "node 1 http://127.0.0.1:" + port,
                "node 2 http://127.0.0.1:" + (port + 1),
                "node 3 http://127.0.0.1:" + (port + 2),
                "network ready"), net.lines);
    }

    @Test
    @Order(2)
    void nodesKnowEachOther() {
        List<NodeInfo> infos = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            NodeConnection c = new NodeConnection(net.url(i), Duration.ofSeconds(5));
            assertTrue(c.ready(), "node " + i + " is ready");
            infos.add(c.node());
        }
        for (NodeInfo info : infos) {
            assertEquals(3, info.network().n());
            assertEquals(1, info.network().t());
            assertEquals(3, info.network().signers());
            assertTrue(info.identityPublicKey().startsWith("0x04") && info.identityPublicKey().length() == 132);
            for (NodeInfo.Member m : info.network().nodes()) {
                assertTrue(m.reachable(), "node " + info.index() + " reaches node " + m.index());
                assertEquals(infos.get(m.index() - 1).identityAddress(), m.identityAddress(),
                        "node " + info.index() + " pinned node " + m.index() + "'s real identity");
            }
        }
    }

    @Test
    @Order(3)
    void forgedMessagesAreRefusedAndChangeNothing() throws Exception {
        Envelope unsigned = new Envelope(2, "ping", Hex.encodeBare(new byte[32]), 0, 2, List.of(1),
                System.currentTimeMillis(), Hex.encodeBare(randomBytes(16)), "", null, null, null);
        IdentityKey impostor = IdentityKey.generate(new SecureRandom());
        Envelope forged = unsigned.withSignature(impostor.sign(EnvelopeCodec.signingDigest(unsigned)).toHex());
        assertProblem(post(1, forged), 401, "unauthenticated-message");
        assertProblem(post(1, unsigned), 401, "unauthenticated-message");

        Envelope stranger = new Envelope(2, "ping", Hex.encodeBare(new byte[32]), 0, 9, List.of(1),
                System.currentTimeMillis(), Hex.encodeBare(randomBytes(16)), "", null, null, null);
        assertProblem(post(1, stranger.withSignature(impostor.sign(EnvelopeCodec.signingDigest(stranger)).toHex())),
                403, "not-a-member");

        HttpResponse<String> notJson = HTTP.send(HttpRequest.newBuilder(net.url(1).resolve("/internal/v1/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{oops")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(notJson, 400, "malformed-request");

        // the network is unharmed: every node still reaches every other one
        nodesKnowEachOther();
    }

    @Test
    @Order(4)
    void secondUpReusesTheDataAndStopLeavesNoOrphans() throws Exception {
        List<String> identities = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            identities.add(new NodeConnection(net.url(i), Duration.ofSeconds(5)).node().identityAddress());
        }
        List<ProcessHandle> nodes = net.nodeProcesses();
        assertEquals(3, nodes.size(), "the launcher runs three node JVMs");
        net.close();
        for (ProcessHandle node : nodes) {
            assertTrue(!node.isAlive(), "node JVM " + node.pid() + " stopped with the launcher");
        }
        net = LocalNetworkProcess.up("three", 3, port, Map.of(), READY);
        for (int i = 1; i <= 3; i++) {
            assertEquals(identities.get(i - 1), new NodeConnection(net.url(i), Duration.ofSeconds(5)).node().identityAddress(),
                    "node " + i + " kept its identity key");
        }
    }

    private static HttpResponse<String> post(int node, Envelope e) throws Exception {
        String json = JsonbBuilder.create().toJson(e);
        return HTTP.send(HttpRequest.newBuilder(net.url(node).resolve("/internal/v1/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        Map<String, Object> problem = JsonbBuilder.create().fromJson(r.body(), Map.class);
        assertEquals("https://sigil.dev/problems/" + type, problem.get("type"));
        assertEquals(status, ((Number) problem.get("status")).intValue());
        assertTrue(!r.body().contains("Exception") && !r.body().contains("at io."), "no internals in " + r.body());
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

}
