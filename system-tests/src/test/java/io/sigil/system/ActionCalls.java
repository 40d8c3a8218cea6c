package io.sigil.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.ActionStored;
import io.sigil.api.model.CombinedSignature;
import io.sigil.api.model.MintRequest;
import io.sigil.api.model.Pkp;
import io.sigil.client.Wallet;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Keccak256;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.eth.EthAddress;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/** HTTP calls the execute system tests make: upload an action, mint a PKP, execute, and check a signature. */
final class ActionCalls {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Jsonb JSON = JsonbBuilder.create();
    static final Type MAP = new HashMap<String, Object>() { }.getClass().getGenericSuperclass();

    /**
     * Signs keccak256 of the number's decimal text if the number is prime; otherwise only says it is not. The PKP's
     * public key comes in jsParams.
     */
    static final String SIGN_IF_PRIME = """
            const go = async () => {
              const n = Number(jsParams.number);
              let prime = Number.isInteger(n) && n > 1;
              for (let d = 2; prime && d * d <= n; d++) {
                if (n % d === 0) prime = false;
              }
              if (!prime) {
                Lit.Actions.setResponse({ response: `${n} is not prime` });
                return;
              }
              const toSign = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes(String(n))));
              await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'prime' });
              console.log(`signed ${n}`);
              Lit.Actions.setResponse({ response: `${n} is prime` });
            };
            go();
            """;

    private final LocalNetworkProcess net;

    ActionCalls(LocalNetworkProcess net) {
        this.net = net;
    }

    static void clean(String name) throws Exception {
        Path data = LocalNetworkProcess.DATA.resolve(name);
        if (Files.exists(data)) {
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    String upload(int node, String code) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(net.url(node).resolve("/api/v1/actions"))
                .header("Content-Type", "text/javascript").POST(HttpRequest.BodyPublishers.ofString(code)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body());
        return JSON.fromJson(r.body(), ActionStored.class).ipfsId();
    }

    Pkp mint(int node, Wallet owner, List<String> permitted) throws Exception {
        HttpResponse<String> r = post(node, "/api/v1/pkps", new MintRequest(owner.authSig(Duration.ofHours(1)),
                permitted, false));
        assertEquals(201, r.statusCode(), r.body());
        return JSON.fromJson(r.body(), Pkp.class);
    }

    HttpResponse<String> post(int node, String path, Object body) throws Exception {
        return postAsync(node, path, body).join();
    }

    CompletableFuture<HttpResponse<String>> postAsync(int node, String path, Object body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(net.url(node).resolve(path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(150))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Object> problem(HttpResponse<String> r) {
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
        return JSON.fromJson(r.body(), MAP);
    }

    /** keccak256 of the number's decimal text: what SIGN_IF_PRIME signs. */
    static byte[] digestOf(int number) {
        return Keccak256.hash(Integer.toString(number).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks a combined signature with Bouncy Castle's own ECDSA verifier against the PKP's key, and that recovering
     * it (what ecrecover does) gives the PKP's address.
     */
    static void assertSignedByPkp(CombinedSignature sig, Pkp pkp, byte[] digest) {
        assertEquals(Hex.encode(digest), sig.dataSigned());
        assertEquals(pkp.publicKey(), sig.publicKey());
        assertEquals(pkp.ethAddress(), sig.ethAddress());
        ECPoint key = Secp256k1.decodePoint(Hex.decode(pkp.publicKey()));
        BigInteger r = new BigInteger(1, Hex.decode(sig.r(), 32));
        BigInteger s = new BigInteger(1, Hex.decode(sig.s(), 32));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(key, Secp256k1.DOMAIN));
        assertTrue(verifier.verifySignature(digest, r, s), "Bouncy Castle's ECDSA verifier accepts the signature");
        assertTrue(s.compareTo(Secp256k1.HALF_Q) <= 0, "low s (EIP-2)");
        EcdsaSignature parsed = EcdsaSignature.fromHex(sig.signature());
        assertEquals(27 + sig.recid(), parsed.v());
        assertEquals(pkp.ethAddress(), EthAddress.of(parsed.recover(digest)).toString(),
                "ecrecover gives the PKP's address");
    }
}
