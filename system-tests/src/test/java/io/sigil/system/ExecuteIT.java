package io.sigil.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.ExecuteRequest;
import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.model.NetworkExecuteRequest;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.model.Pkp;
import io.sigil.api.model.SignedShare;
import io.sigil.api.model.SignedShares;
import io.sigil.client.Wallet;
import io.sigil.crypto.Hex;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5 items 5 and 6 on three real nodes: a PKP permitted to a "sign if prime" action signs through the gateway
 * (the signature verifies with Bouncy Castle and ecrecovers to the PKP's address), does not sign a composite, refuses
 * an action it does not permit, releases nothing when the participants are given different parameters, keeps its
 * key shares across a restart of the network, and the launcher's environment reaches every node's limits.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecuteIT {
    static final String NAME = "execute";
    static final Duration READY = Duration.ofSeconds(180);
    static final Wallet OWNER = Wallet.random();
    static LocalNetworkProcess net;
    static ActionCalls calls;
    static int port;
    static String cid;
    static Pkp pkp;

    @BeforeAll
    static void up() throws Exception {
        ActionCalls.clean(NAME);
        port = LocalNetworkProcess.freePorts(3);
        net = LocalNetworkProcess.up(NAME, 3, port, Map.of(), READY);
        calls = new ActionCalls(net);
        cid = calls.upload(1, ActionCalls.SIGN_IF_PRIME);
        pkp = calls.mint(2, OWNER, List.of(cid));
    }

    @AfterAll
    static void down() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    static Map<String, Object> params(int number) {
        return Map.of("number", number, "publicKey", pkp.publicKey());
    }

    static NetworkExecuteResponse signPrime(int gateway, int number) throws Exception {
        HttpResponse<String> r = calls.post(gateway, "/api/v1/network/execute",
                new NetworkExecuteRequest(null, cid, params(number), null, null));
        assertEquals(200, r.statusCode(), r.body());
        return ActionCalls.JSON.fromJson(r.body(), NetworkExecuteResponse.class);
    }

    @Test
    @Order(1)
    void gatewaySignsAPrimeAndTheSignatureVerifiesAndRecoversToThePkp() throws Exception {
        NetworkExecuteResponse r = signPrime(3, 97);
        assertEquals("97 is prime", r.response());
        assertEquals("signed 97", r.logs());
        assertEquals(List.of(1, 2, 3), r.nodes().stream().map(NetworkExecuteResponse.NodeOutcome::index).toList());
        assertTrue(r.nodes().stream().allMatch(NetworkExecuteResponse.NodeOutcome::success));
        assertEquals(List.of("prime"), List.copyOf(r.signatures().keySet()));
        ActionCalls.assertSignedByPkp(r.signatures().get("prime"), pkp, ActionCalls.digestOf(97));
    }

    @Test
    @Order(2)
    void aCompositeIsNotSigned() throws Exception {
        NetworkExecuteResponse r = signPrime(1, 91);
        assertEquals("91 is not prime", r.response());
        assertTrue(r.signatures().isEmpty());
    }

    @Test
    @Order(3)
    void anActionThePkpDoesNotPermitGets403() throws Exception {
        String other = ActionCalls.SIGN_IF_PRIME + "// another action, another CID\n";
        HttpResponse<String> r = calls.post(2, "/api/v1/network/execute",
                new NetworkExecuteRequest(other, null, params(97), null, null));
        assertEquals(403, r.statusCode(), r.body());
        Map<String, Object> problem = ActionCalls.problem(r);
        assertEquals("https://sigil.dev/problems/not-permitted", problem.get("type"));
        assertTrue(String.valueOf(problem.get("detail")).contains(pkp.tokenId()), r.body());
    }

    /** The per-node API as a Lit-style client uses it: same request everywhere, shares combined by the client. */
    @Test
    @Order(4)
    void perNodeCallsGiveSharesTheClientCombines() throws Exception {
        String requestId = randomRequestId();
        List<HttpResponse<String>> answers = perNode(requestId, Map.of(1, 97, 2, 97, 3, 97));
        List<SignedShare> shares = new ArrayList<>();
        for (HttpResponse<String> a : answers) {
            assertEquals(200, a.statusCode(), a.body());
            ExecuteResponse r = ActionCalls.JSON.fromJson(a.body(), ExecuteResponse.class);
            assertTrue(r.success());
            assertEquals("97 is prime", r.response());
            shares.add(r.signedData().get("prime"));
        }
        ActionCalls.assertSignedByPkp(SignedShares.combine(Hex.decode(requestId), shares), pkp,
                ActionCalls.digestOf(97));
    }

    /** A client that gives one participant other parameters gets nothing: every node aborts after round 1. */
    @Test
    @Order(5)
    void participantsGivenDifferentParametersReleaseNoShare() throws Exception {
        List<HttpResponse<String>> answers = perNode(randomRequestId(), Map.of(1, 97, 2, 97, 3, 89));
        for (HttpResponse<String> a : answers) {
            assertEquals(409, a.statusCode(), a.body());
            Map<String, Object> problem = ActionCalls.problem(a);
            assertEquals("https://sigil.dev/problems/statement-mismatch", problem.get("type"));
            assertTrue(!a.body().contains("signatureShare") && !a.body().contains("signedData"), a.body());
        }
    }

    /**
     * Stop the network, start it again with a 3 s wall-time limit in the launcher's environment: the PKP still signs
     * (its shares were kept), and an endless loop fails with the wall-time problem within about 4 s.
     */
    @Test
    @Order(6)
    void afterARestartThePkpStillSignsAndTheLauncherEnvironmentSetsTheLimits() throws Exception {
        net.close();
        net = LocalNetworkProcess.up(NAME, 3, port, Map.of("SIGIL_LIMITS_WALL_TIME", "3s"), READY);
        calls = new ActionCalls(net);

        // signing first: it also waits out the engines' warm-up after the start, which the timing below must not see
        NetworkExecuteResponse signed = signPrime(2, 101);
        assertEquals("101 is prime", signed.response());
        ActionCalls.assertSignedByPkp(signed.signatures().get("prime"), pkp, ActionCalls.digestOf(101));

        long start = System.nanoTime();
        HttpResponse<String> r = calls.post(1, "/api/v1/network/execute",
                new NetworkExecuteRequest("console.log('looping'); while (true) {}", null, null, null, null));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(422, r.statusCode(), r.body());
        Map<String, Object> problem = ActionCalls.problem(r);
        assertEquals("https://sigil.dev/problems/limit/wall-time", problem.get("type"));
        assertEquals("looping", problem.get("logs"), "the problem carries the action's console output");
        assertTrue(seconds < 6, "the wall-time limit of 3 s ended the action after " + seconds + " s");
    }

    private static List<HttpResponse<String>> perNode(String requestId, Map<Integer, Integer> numberByNode) {
        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            running.add(calls.postAsync(node, "/api/v1/execute", new ExecuteRequest(requestId, List.of(1, 2, 3), null,
                    cid, params(numberByNode.get(node)), null)));
        }
        return running.stream().map(CompletableFuture::join).toList();
    }

    private static String randomRequestId() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return Hex.encode(b);
    }
}
