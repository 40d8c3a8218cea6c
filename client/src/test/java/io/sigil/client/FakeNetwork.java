package io.sigil.client;

import io.sigil.api.model.DecryptRequest;
import io.sigil.api.model.Tdh2Json;
import io.sigil.crypto.tdh2.DecryptionShare;
import io.sigil.crypto.tdh2.Tdh2;
import io.sigil.crypto.tdh2.Tdh2Ciphertext;
import com.sun.net.httpserver.HttpServer;
import io.sigil.api.model.ExecuteRequest;
import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.model.NodeInfo;
import io.sigil.api.model.SignedShare;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Keccak256;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.dkg.DkgSimulation;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.ecdsa.SigningSimulation;
import io.sigil.crypto.ecdsa.SignatureShare;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * n fake nodes over real HTTP with real key shares from a real DKG: each answers {@code GET /api/v1/node} and
 * {@code POST /api/v1/execute} with its genuine threshold-signature share of keccak256(jsParams.message), computed
 * by running the three signing rounds for the request's participants in memory. A node can be made to lie (its
 * share is off by one), to be down (503), to be stopped (it does not answer at all; the other participants then
 * answer 503 naming it, as nodes whose signing session waited for it do), to answer garbage or another response, or
 * the action can fail everywhere, to test that the client trusts no single node.
 */
final class FakeNetwork implements AutoCloseable {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private final SecureRandom random = new SecureRandom();
    final List<KeyShare> keys = new ArrayList<>();
    final List<HttpServer> servers = new ArrayList<>();
    final Set<Integer> liars = new HashSet<>();
    final Set<Integer> down = new HashSet<>();
    final Set<Integer> stopped = new HashSet<>();
    /** Nodes answering 200 with a body that is not an execute answer. */
    final Set<Integer> garbled = new HashSet<>();
    /** Nodes whose action sets another response than the others'. */
    final Set<Integer> contrarians = new HashSet<>();
    /** Whether the action throws on every node. */
    boolean actionFails;
    /** Nodes answering 403 to decryption requests (conditions not met). */
    final Set<Integer> refusers = new HashSet<>();
    /** Whether liars also serve another network key. */
    boolean lieAboutKey;
    /** Each request's participants, in the order the requests first reached a node. */
    final List<List<Integer>> participantSets = new ArrayList<>();
    private final Set<String> requestIds = new HashSet<>();
    private final Map<String, Map<Integer, SignatureShare>> sessions = new HashMap<>();

    FakeNetwork(int n, int t) throws IOException {
        keys.addAll(DkgSimulation.run(n, t, random));
        for (int i = 1; i <= n; i++) {
            int index = i;
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/node", ex -> respond(ex, 200, JSONB.toJson(info(n, t))));
            server.createContext("/api/v1/execute", ex -> {
                if (down.contains(index)) {
                    respond(ex, 503, "{\"type\":\"https://sigil.dev/problems/internal\",\"status\":503,\"detail\":\"down\"}");
                    return;
                }
                ExecuteRequest req = JSONB.fromJson(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        ExecuteRequest.class);
                seen(req);
                List<Integer> missing = req.participants().stream().filter(stopped::contains).toList();
                if (!missing.isEmpty()) {
                    respond(ex, 503, "{\"type\":\"https://sigil.dev/problems/peer-unavailable\",\"status\":503,"
                            + "\"detail\":\"sign round 1: no message from node(s) " + missing + "\",\"missingNodes\":"
                            + missing + "}");
                } else if (actionFails) {
                    respond(ex, 422, "{\"type\":\"https://sigil.dev/problems/action/script-error\",\"status\":422,"
                            + "\"detail\":\"Error: no\",\"logs\":\"trying\"}");
                } else if (garbled.contains(index)) {
                    respond(ex, 200, "<html>");
                } else {
                    respond(ex, 200, JSONB.toJson(execute(index, req)));
                }
            });
            server.createContext("/api/v1/network/encryption-key", ex -> respond(ex, 200, JSONB.toJson(
                    liars.contains(index) && lieAboutKey ? Tdh2Json.key(n, keys.get(0).commitments().add(
                            keys.get(0).commitments())) : Tdh2Json.key(n, keys.get(0).commitments()))));
            server.createContext("/api/v1/decrypt", ex -> {
                if (down.contains(index) || refusers.contains(index)) {
                    int status = down.contains(index) ? 503 : 403;
                    respond(ex, status, "{\"type\":\"https://sigil.dev/problems/not-permitted\",\"status\":" + status
                            + ",\"detail\":\"refused\"}");
                    return;
                }
                DecryptRequest req = JSONB.fromJson(new String(ex.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8), DecryptRequest.class);
                Tdh2Ciphertext ct = Tdh2Json.ciphertext(req.ciphertext());
                DecryptionShare share = Tdh2.decryptionShare(keys.get(index - 1), ct, Tdh2Json.label(
                        req.accessControlConditions()), random);
                if (liars.contains(index)) {
                    share = new DecryptionShare(index, share.ui().twice().normalize(), share.e(), share.f());
                }
                respond(ex, 200, JSONB.toJson(Tdh2Json.toJson(share)));
            });
            server.start();
            servers.add(server);
        }
    }

    String url(int index) {
        return "http://127.0.0.1:" + servers.get(index - 1).getAddress().getPort();
    }

    String publicKey() {
        return Hex.encode(Secp256k1.encode(keys.get(0).publicKey()));
    }

    private NodeInfo info(int n, int t) {
        List<NodeInfo.Member> members = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            members.add(new NodeInfo.Member(i, url(i), null, true));
        }
        return new NodeInfo(1, null, null, new NodeInfo.Network(n, t, 2 * t + 1, members), "test");
    }

    /** Stops a node: it no longer answers at all. */
    void stop(int index) {
        stopped.add(index);
        servers.get(index - 1).stop(0);
    }

    private synchronized void seen(ExecuteRequest req) {
        if (requestIds.add(req.requestId())) {
            participantSets.add(req.participants());
        }
    }

    private synchronized ExecuteResponse execute(int index, ExecuteRequest req) {
        byte[] digest = Keccak256.hash(String.valueOf(req.jsParams().get("message")).getBytes(StandardCharsets.UTF_8));
        Map<Integer, SignatureShare> shares = sessions.computeIfAbsent(req.requestId(),
                id -> sign(Hex.decode(id), req.participants(), digest));
        SignatureShare share = shares.get(index);
        BigInteger s = liars.contains(index) ? share.s().add(BigInteger.ONE).mod(Secp256k1.Q) : share.s();
        SignedShare signed = new SignedShare(SignedShare.K256, Hex.encode(digest), Hex.encode(Secp256k1.toBytes32(s)), index,
                Hex.encode(share.bigR().getEncoded(true)), publicKey(), "sig");
        return new ExecuteResponse(true, contrarians.contains(index) ? "other" : "signed", "", Map.of("sig", signed),
                Map.of(), Map.of());
    }

    private Map<Integer, SignatureShare> sign(byte[] requestId, List<Integer> participants, byte[] digest) {
        return SigningSimulation.shares(keys, requestId, participants, "sig", digest, random);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String body) {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = 1; i <= servers.size(); i++) {
            if (!stopped.contains(i)) {
                servers.get(i - 1).stop(0);
            }
        }
    }
}
