package io.sigil.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.AuthSig;
import io.sigil.api.model.CanonicalJson;
import io.sigil.api.model.DecryptRequest;
import io.sigil.api.model.EncryptedData;
import io.sigil.api.model.NetworkDecryptResponse;
import io.sigil.api.model.NetworkEncryptionKey;
import io.sigil.api.model.NetworkExecuteRequest;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.model.Tdh2Json;
import io.sigil.client.Decryptor;
import io.sigil.client.NetworkClient;
import io.sigil.client.SigilClientException;
import io.sigil.client.Wallet;
import io.sigil.crypto.identity.IdentityKey;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 6 on three real nodes (t = 1), one network for the class: the network key appears by itself; an allowed
 * requester decrypts 1 MiB; a denied one gets 403 and no share; an expired or forged authSig is refused; weaker
 * conditions swapped in for a real ciphertext are refused; actions run on the network (the Java client's fan-out
 * and the gateway) decrypt with {@code Lit.Actions.decryptAndCombine} for a caller the conditions admit and fail
 * clearly for another, {@code checkConditions} answers true/false, and what {@code Lit.Actions.encrypt} produced
 * the Java client decrypts; with a node stopped, t+1 = 2 still decrypt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecryptIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Jsonb JSON = JsonbBuilder.create();
    static final Duration READY = Duration.ofSeconds(150);
    static final Wallet ALICE = new Wallet(IdentityKey.generate(new SecureRandom()));
    static final Wallet MALLORY = new Wallet(IdentityKey.generate(new SecureRandom()));
    static LocalNetworkProcess net;
    static byte[] payload;
    static EncryptedData encrypted;

    @BeforeAll
    static void up() throws Exception {
        Path data = LocalNetworkProcess.DATA.resolve("decrypt");
        if (Files.exists(data)) {
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        net = LocalNetworkProcess.up("decrypt", 3, LocalNetworkProcess.freePorts(3), Map.of(), READY);
    }

    @AfterAll
    static void down() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> onlyFor(Wallet w) {
        return (List<Object>) CanonicalJson.parse("[{\"contractAddress\":\"\",\"standardContractType\":\"\","
                + "\"chain\":\"ethereum\",\"method\":\"\",\"parameters\":[\":userAddress\"],"
                + "\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"" + w.address() + "\"}}]");
    }

    @Test
    @Order(1)
    void theNetworkKeyIsMadeOnceAndEveryNodeServesIt() throws Exception {
        NetworkEncryptionKey first = null;
        for (int i = 1; i <= 3; i++) {
            NetworkEncryptionKey k = waitKey(i);
            assertTrue(k.publicKey().startsWith("0x04") && k.H().startsWith("0x04"));
            assertEquals(1, k.t());
            assertEquals(3, k.n());
            if (first == null) {
                first = k;
            }
            assertEquals(first, k);
        }
    }

    @Test
    @Order(2)
    void theAllowedRequesterDecryptsOneMebibyte() throws Exception {
        payload = new byte[1 << 20];
        new SecureRandom().nextBytes(payload);
        try (Decryptor d = new Decryptor(net.url(1), Duration.ofSeconds(60))) {
            long t0 = System.nanoTime();
            encrypted = d.encrypt(payload, onlyFor(ALICE));
            long t1 = System.nanoTime();
            assertArrayEquals(payload, d.decrypt(encrypted, ALICE.authSig(Duration.ofMinutes(5))));
            long t2 = System.nanoTime();
            System.out.printf("1 MiB: encrypt %d ms, decrypt (client combines) %d ms%n", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000);
        }
        HttpResponse<String> r = post(2, "/api/v1/network/decrypt", request(encrypted, onlyFor(ALICE),
                ALICE.authSig(Duration.ofMinutes(5))));
        assertEquals(200, r.statusCode(), r.body());
        assertArrayEquals(payload, Base64.getDecoder().decode(JSON.fromJson(r.body(),
                NetworkDecryptResponse.class).decryptedData()));
    }

    @Test
    @Order(3)
    void aDeniedRequesterGets403AndNoShareFromAnyNode() throws Exception {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> r = post(i, "/api/v1/decrypt", request(encrypted, onlyFor(ALICE),
                    MALLORY.authSig(Duration.ofMinutes(5))));
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("not-permitted") && !r.body().contains("\"share\""), r.body());
        }
        assertEquals(403, post(1, "/api/v1/network/decrypt", request(encrypted, onlyFor(ALICE),
                MALLORY.authSig(Duration.ofMinutes(5)))).statusCode());
        try (Decryptor d = new Decryptor(net.url(3), Duration.ofSeconds(60))) {
            SigilClientException e = org.junit.jupiter.api.Assertions.assertThrows(SigilClientException.class,
                    () -> d.decrypt(encrypted, MALLORY.authSig(Duration.ofMinutes(5))));
            assertEquals(403, e.status());
        }
    }

    @Test
    @Order(4)
    void expiredOrForgedAuthSigsAreRefused() throws Exception {
        AuthSig good = ALICE.authSig(Duration.ofMinutes(5));
        AuthSig forged = new AuthSig(MALLORY.authSig(Duration.ofMinutes(5)).sig(), good.derivedVia(),
                good.signedMessage(), good.address());
        assertEquals(401, post(1, "/api/v1/decrypt", request(encrypted, onlyFor(ALICE), forged)).statusCode());
        AuthSig expired = ALICE.authSig(Duration.ofSeconds(1));
        Thread.sleep(2100);
        HttpResponse<String> r = post(2, "/api/v1/decrypt", request(encrypted, onlyFor(ALICE), expired));
        assertEquals(401, r.statusCode(), r.body());
    }

    @Test
    @Order(5)
    void weakerConditionsSwappedInForARealCiphertextAreRefused() throws Exception {
        // Mallory sends Alice's ciphertext with conditions naming himself: the label does not match
        HttpResponse<String> r = post(1, "/api/v1/decrypt", request(encrypted, onlyFor(MALLORY),
                MALLORY.authSig(Duration.ofMinutes(5))));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("other access-control conditions"), r.body());
        // and malformed conditions are 400, nothing decrypted
        List<Object> bad = List.of(Map.of("operator", "xor"));
        assertEquals(400, post(1, "/api/v1/decrypt", request(encrypted, bad,
                ALICE.authSig(Duration.ofMinutes(5)))).statusCode());
    }

    /** Lit's own call, as its docs and node tests write it: {@code authSig: null} means the caller's authSig. */
    static final String DECRYPT_IN_ACTION = """
            const go = async () => {
              const plain = await Lit.Actions.decryptAndCombine({ accessControlConditions, ciphertext,
                dataToEncryptHash, authSig: null, chain: 'ethereum' });
              Lit.Actions.setResponse({ response: plain });
            };
            go();
            """;

    @Test
    @Order(6)
    void anActionDecryptsWhatTheClientEncryptedForItsCaller() throws Exception {
        String secret = "read inside an action";
        Map<String, Object> params = decryptParams(secret, onlyFor(ALICE));
        try (NetworkClient client = new NetworkClient(net.url(1), Duration.ofSeconds(60))) {
            NetworkExecuteResponse r = client.execute(DECRYPT_IN_ACTION, null, params,
                    ALICE.authSig(Duration.ofMinutes(5)));
            assertEquals(secret, r.response());
            assertEquals(3, r.nodes().size(), "every participant decrypted alike");
        }
        HttpResponse<String> r = post(2, "/api/v1/network/execute", new NetworkExecuteRequest(DECRYPT_IN_ACTION,
                null, params, ALICE.authSig(Duration.ofMinutes(5)), null));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(secret, JSON.fromJson(r.body(), NetworkExecuteResponse.class).response());
    }

    @Test
    @Order(7)
    void anActionCannotDecryptForACallerWhoseConditionsDoNotHold() throws Exception {
        Map<String, Object> params = decryptParams("not for mallory", onlyFor(ALICE));
        try (NetworkClient client = new NetworkClient(net.url(1), Duration.ofSeconds(60))) {
            SigilClientException e = org.junit.jupiter.api.Assertions.assertThrows(SigilClientException.class,
                    () -> client.execute(DECRYPT_IN_ACTION, null, params, MALLORY.authSig(Duration.ofMinutes(5))));
            assertEquals(422, e.status(), e.getMessage());
            assertEquals("https://sigil.dev/problems/action/script-error", e.type(), e.getMessage());
            assertTrue(e.getMessage().contains("the access-control conditions do not hold for "
                    + MALLORY.address()), e.getMessage());
            assertFalse(e.getMessage().contains("not for mallory"), e.getMessage());
        }
        HttpResponse<String> r = post(3, "/api/v1/network/execute", new NetworkExecuteRequest(DECRYPT_IN_ACTION,
                null, params, MALLORY.authSig(Duration.ofMinutes(5)), null));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("the access-control conditions do not hold"), r.body());
        assertFalse(r.body().contains("not for mallory"), r.body());
    }

    @Test
    @Order(8)
    void anActionChecksConditionsForItsCaller() throws Exception {
        String check = """
                const go = async () => {
                  const ok = await Lit.Actions.checkConditions({ conditions, authSig: null, chain: 'ethereum' });
                  Lit.Actions.setResponse({ response: JSON.stringify(ok) });
                };
                go();
                """;
        try (NetworkClient client = new NetworkClient(net.url(2), Duration.ofSeconds(60))) {
            Map<String, Object> params = Map.of("conditions", onlyFor(ALICE));
            assertEquals("true", client.execute(check, null, params, ALICE.authSig(Duration.ofMinutes(5))).response());
            assertEquals("false", client.execute(check, null, params, MALLORY.authSig(Duration.ofMinutes(5)))
                    .response());
        }
    }

    @Test
    @Order(9)
    void whatAnActionEncryptsTheClientDecrypts() throws Exception {
        // every participant would encrypt with its own randomness: one encrypts, all return its ciphertext (Lit's way)
        String encrypt = """
                const go = async () => {
                  const out = await Lit.Actions.runOnce({ waitForResponse: true, name: 'encrypt' }, async () => {
                    const { ciphertext, dataToEncryptHash } = await Lit.Actions.encrypt({ accessControlConditions,
                      to_encrypt: new TextEncoder().encode(secret) });
                    return JSON.stringify({ ciphertext, dataToEncryptHash });
                  });
                  Lit.Actions.setResponse({ response: out });
                };
                go();
                """;
        String secret = "sealed by an action";
        try (NetworkClient client = new NetworkClient(net.url(3), Duration.ofSeconds(60));
             Decryptor d = new Decryptor(net.url(1), Duration.ofSeconds(60))) {
            NetworkExecuteResponse r = client.execute(encrypt, null, Map.of("accessControlConditions",
                    onlyFor(ALICE), "secret", secret), null); // encrypting needs no authSig
            Map<?, ?> out = (Map<?, ?>) CanonicalJson.parse(r.response());
            EncryptedData e = new EncryptedData((String) out.get("ciphertext"), (String) out.get("dataToEncryptHash"),
                    onlyFor(ALICE), "ethereum", null);
            assertEquals(Tdh2Json.dataToEncryptHash(secret.getBytes(StandardCharsets.UTF_8)), e.dataToEncryptHash());
            assertArrayEquals(secret.getBytes(StandardCharsets.UTF_8), d.decrypt(e, ALICE.authSig(Duration.ofMinutes(5))));
            SigilClientException no = org.junit.jupiter.api.Assertions.assertThrows(SigilClientException.class,
                    () -> d.decrypt(e, MALLORY.authSig(Duration.ofMinutes(5))));
            assertEquals(403, no.status());
        }
    }

    /** jsParams for {@link #DECRYPT_IN_ACTION}: {@code secret} encrypted by the Java client under the conditions. */
    static Map<String, Object> decryptParams(String secret, List<Object> conditions) {
        try (Decryptor d = new Decryptor(net.url(1), Duration.ofSeconds(60))) {
            EncryptedData e = d.encrypt(secret.getBytes(StandardCharsets.UTF_8), conditions);
            return Map.of("accessControlConditions", conditions, "ciphertext", e.ciphertext(),
                    "dataToEncryptHash", e.dataToEncryptHash());
        }
    }

    @Test
    @Order(10)
    void aStoppedNodeDoesNotStopDecryption() throws Exception {
        ProcessHandle node1 = net.nodeProcesses().stream()
                .filter(p -> p.info().commandLine().orElse("").contains("node1")).findFirst().orElseThrow();
        node1.destroy();
        node1.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        try (Decryptor d = new Decryptor(net.url(2), Duration.ofSeconds(30))) {
            assertArrayEquals(payload, d.decrypt(encrypted, ALICE.authSig(Duration.ofMinutes(5))));
            assertTrue(d.rejected().containsKey(1), d.rejected().toString());
        }
        HttpResponse<String> r = post(3, "/api/v1/network/decrypt", request(encrypted, onlyFor(ALICE),
                ALICE.authSig(Duration.ofMinutes(5))));
        assertEquals(200, r.statusCode(), r.body());
        NetworkDecryptResponse combined = JSON.fromJson(r.body(), NetworkDecryptResponse.class);
        assertEquals(List.of(2, 3), combined.shareIndices());
        assertArrayEquals(payload, Base64.getDecoder().decode(combined.decryptedData()));
    }

    static DecryptRequest request(EncryptedData e, List<Object> conditions, AuthSig a) {
        return new DecryptRequest(e.ciphertext(), e.dataToEncryptHash(), conditions, "ethereum", a);
    }

    static NetworkEncryptionKey waitKey(int node) throws Exception {
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(net.url(node).resolve(
                    "/api/v1/network/encryption-key")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return JSON.fromJson(r.body(), NetworkEncryptionKey.class);
            }
            assertEquals(503, r.statusCode(), r.body());
            Thread.sleep(500);
        }
        throw new AssertionError("node " + node + " never served the network key");
    }

    static HttpResponse<String> post(int node, String path, Object body) throws Exception {
        URI uri = net.url(node).resolve(path);
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
