package io.sigil.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.AuthSig;
import io.sigil.api.model.MintRequest;
import io.sigil.api.model.PermissionChangeRequest;
import io.sigil.api.model.PermissionChangeText;
import io.sigil.api.model.Pkp;
import io.sigil.client.Wallet;
import io.sigil.crypto.identity.IdentityKey;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5 items 2-4 on three real nodes: mint over HTTP, every node shows the PKP, an owner-signed permission change
 * reaches every node, stale/foreign changes are refused, and everything survives a restart of the network.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PkpIT {
    static final String CID_A = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
    static final String CID_B = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Jsonb JSON = JsonbBuilder.create();
    static final Duration READY = Duration.ofSeconds(150);
    static final Wallet OWNER = new Wallet(IdentityKey.generate(new SecureRandom()));
    static LocalNetworkProcess net;
    static int port;
    static Pkp minted;

    @BeforeAll
    static void up() throws Exception {
        net = LocalNetworkProcess.fresh("pkp", 3, Map.of(), READY);
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
    void mintOnOneNodeShowsOnEvery() throws Exception {
        AuthSig authSig = OWNER.authSig(Duration.ofHours(1));
        HttpResponse<String> r = post(2, "/api/v1/pkps", new MintRequest(authSig, List.of(CID_A), false));
        assertEquals(201, r.statusCode(), r.body());
        minted = JSON.fromJson(r.body(), Pkp.class);
        assertEquals(OWNER.address().toString(), minted.owner());
        assertTrue(minted.publicKey().startsWith("0x04") && minted.publicKey().length() == 132);
        for (int i = 1; i <= 3; i++) {
            assertEquals(minted, get(i, minted.tokenId()));
        }
    }

    @Test
    @Order(2)
    void ownerSignedChangeReachesEveryNodeAndOthersAreRefused() throws Exception {
        String text = PermissionChangeText.of(minted.tokenId(), 0, List.of(CID_B), List.of(CID_A), false);
        PermissionChangeRequest change = new PermissionChangeRequest(0L, List.of(CID_B), List.of(CID_A), false,
                OWNER.sign(text));
        String path = "/api/v1/pkps/" + minted.tokenId() + "/permissions";
        assertEquals(200, post(1, path, change).statusCode());
        assertEquals(409, post(3, path, change).statusCode(), "a replayed change is stale");
        Wallet stranger = new Wallet(IdentityKey.generate(new SecureRandom()));
        PermissionChangeRequest foreign = new PermissionChangeRequest(1L, List.of(CID_A), List.of(), false,
                stranger.sign(PermissionChangeText.of(minted.tokenId(), 1, List.of(CID_A), List.of(), false)));
        assertEquals(403, post(2, path, foreign).statusCode());
        for (int i = 1; i <= 3; i++) {
            Pkp p = waitVersion(i, 1);
            assertEquals(List.of(CID_B), p.permittedActions());
        }
    }

    @Test
    @Order(3)
    void restartKeepsEveryPkp() throws Exception {
        net.close();
        net = LocalNetworkProcess.up("pkp", 3, port, Map.of(), READY);
        for (int i = 1; i <= 3; i++) {
            Pkp p = get(i, minted.tokenId());
            assertEquals(minted.publicKey(), p.publicKey());
            assertEquals(1, p.version());
            assertEquals(List.of(CID_B), p.permittedActions());
        }
    }

    private static Pkp waitVersion(int node, long version) throws Exception {
        for (int i = 0; i < 50; i++) {
            Pkp p = get(node, minted.tokenId());
            if (p.version() == version) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("node " + node + " did not reach version " + version);
    }

    private static Pkp get(int node, String tokenId) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(node, "/api/v1/pkps/" + tokenId)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.fromJson(r.body(), Pkp.class);
    }

    private static HttpResponse<String> post(int node, String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(node, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int node, String path) {
        return net.url(node).resolve(path);
    }
}
