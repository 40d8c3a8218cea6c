package io.sigil.conditions.control;

import io.sigil.api.model.CanonicalJson;
import io.sigil.crypto.Hex;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@link ChainReader} over Ethereum JSON-RPC, one endpoint per chain from {@code sigil.chains.<name>.rpc-url}
 * (environment: {@code SIGIL_CHAINS_<NAME>_RPC_URL}). A chain without an endpoint is unknown here (400); an endpoint
 * that fails or answers an error is 503 (nothing is decrypted on a guess), except that an {@code eth_call} the chain
 * reverted is an answer: {@link #call} gives empty. A revert is recognised as the clients answer it: error code 3
 * (geth, anvil, erigon, nethermind) or a message that mentions a revert (ganache's -32000 "VM Exception while
 * processing transaction: revert", hardhat's "reverted with reason string").
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
        return quantity(result(chain, rpc(chain, "eth_getBalance", "[\"" + address + "\",\"latest\"]")));
    }

    @Override
    public Optional<byte[]> call(String chain, String to, byte[] data) {
        Map<?, ?> answer = rpc(chain, "eth_call", "[{\"to\":\"" + to + "\",\"data\":\"" + Hex.encode(data)
                + "\"},\"latest\"]");
        if (answer.get("error") instanceof Map<?, ?> error && reverted(error)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Hex.decode(result(chain, answer)));
        } catch (IllegalArgumentException e) {
            throw unavailable(chain);
        }
    }

    private static boolean reverted(Map<?, ?> error) {
        return error.get("code") instanceof BigDecimal code && code.compareTo(BigDecimal.valueOf(3)) == 0
                || error.get("message") instanceof String message
                        && message.toLowerCase(Locale.ROOT).contains("revert");
    }

    /** The JSON-RPC answer object of a 200 answer; anything else is 503. */
    private Map<?, ?> rpc(String chain, String method, String params) {
        String url = endpoints.apply(chain).orElseThrow(
                () -> SigilException.malformed("accessControlConditions", "chain \"" + chain + "\" is not configured"
                        + " on this node"));
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !(CanonicalJson.parse(r.body()) instanceof Map<?, ?> answer)) {
                throw unavailable(chain);
            }
            return answer;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw unavailable(chain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(chain);
        }
    }

    private static String result(String chain, Map<?, ?> answer) {
        if (!(answer.get("result") instanceof String result)) {
            throw unavailable(chain);
        }
        return result;
    }

    private static BigInteger quantity(String hex) {
        if (!hex.startsWith("0x") || hex.length() < 3) {
            throw new SigilException(ProblemType.PEER_UNAVAILABLE, "the chain answered a malformed quantity");
        }
        return new BigInteger(hex.substring(2), 16);
    }

    private static SigilException unavailable(String chain) {
        return new SigilException(ProblemType.PEER_UNAVAILABLE, "the RPC endpoint of chain \"" + chain
                + "\" failed or answered an error");
    }
}
