package io.sigil.conditions.control;

import io.sigil.api.model.CanonicalJson;
import io.sigil.crypto.Hex;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@link ChainReader} over Ethereum JSON-RPC, one endpoint per chain from {@code sigil.chains.<name>.rpc-url}
 * (environment: {@code SIGIL_CHAINS_<NAME>_RPC_URL}). A chain without an endpoint is unknown here (400); an endpoint
 * that fails or answers an error is 503 (nothing is decrypted on a guess).
 */
@ApplicationScoped
public class JsonRpcChains implements ChainReader {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** How a chain's endpoint is found; replaced in tests. */
    Function<String, Optional<String>> endpoints = chain -> ConfigProvider.getConfig()
            .getOptionalValue("sigil.chains." + chain + ".rpc-url", String.class);

    @Override
    public boolean knows(String chain) {
        return endpoints.apply(chain).isPresent();
    }

    @Override
    public BigInteger balance(String chain, String address) {
        return quantity(rpc(chain, "eth_getBalance", "[\"" + address + "\",\"latest\"]"));
    }

    @Override
    public byte[] call(String chain, String to, byte[] data) {
        String result = rpc(chain, "eth_call", "[{\"to\":\"" + to + "\",\"data\":\"" + Hex.encode(data)
                + "\"},\"latest\"]");
        try {
            return Hex.decode(result);
        } catch (IllegalArgumentException e) {
            throw unavailable(chain);
        }
    }

    private String rpc(String chain, String method, String params) {
        String url = endpoints.apply(chain).orElseThrow(
                () -> SigilException.malformed("accessControlConditions", "chain \"" + chain + "\" is not configured"
                        + " on this node"));
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !(CanonicalJson.parse(r.body()) instanceof Map<?, ?> m)
                    || !(m.get("result") instanceof String result)) {
                throw unavailable(chain);
            }
            return result;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw unavailable(chain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(chain);
        }
    }

    private static BigInteger quantity(String hex) {
        if (!hex.startsWith("0x") || hex.length() < 3) {
            throw new SigilException(ProblemType.PEER_UNAVAILABLE, "the chain answered a malformed quantity");
        }
        return new BigInteger(hex.substring(2), 16);
    }

    private static SigilException unavailable(String chain) {
        return new SigilException(ProblemType.PEER_UNAVAILABLE, "the RPC endpoint of chain \"" + chain
                + "\" did not answer");
    }
}
