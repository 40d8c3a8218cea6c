package io.sigil.conditions.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.sigil.crypto.Hex;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JsonRpcChains} against a local HTTP server that answers as Ethereum clients do. */
class JsonRpcChainsTest {
    static final String TOKEN = "0x3333333333333333333333333333333333333333";

    HttpServer server;
    volatile int status = 200;
    volatile String answer;
    volatile String lastRequest;
    final JsonRpcChains chains = new JsonRpcChains();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            lastRequest = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        chains.endpoints = chain -> chain.equals("local") ? Optional.of(url) : Optional.empty();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Optional<byte[]> call() {
        return chains.call("local", TOKEN, Hex.decode("0x6352211e" + "00".repeat(31) + "2a"));
    }

    @Test
    void aCallReturnsItsBytes() {
        String word = "0x" + "00".repeat(12) + "11".repeat(20);
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"" + word + "\"}";
        assertArrayEquals(Hex.decode(word), call().orElseThrow());
        assertTrue(lastRequest.contains("\"method\":\"eth_call\""), lastRequest);
        assertTrue(lastRequest.contains("\"to\":\"" + TOKEN + "\""), lastRequest);
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x\"}";
        assertEquals(0, call().orElseThrow().length, "an address without code returns nothing, which is not a revert");
    }

    @Test
    void aRevertIsAnAnswerAsEachClientSpellsIt() {
        // geth, anvil, erigon, nethermind
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,"
                + "\"message\":\"execution reverted: no such token\",\"data\":\"0x08c379a0\"}}";
        assertTrue(call().isEmpty());
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":\"execution reverted\"}}";
        assertTrue(call().isEmpty());
        // ganache 7
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"VM Exception while processing"
                + " transaction: revert no such token\",\"data\":{\"reason\":\"no such token\"}}}";
        assertTrue(call().isEmpty());
        // hardhat
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Error: VM Exception while"
                + " processing transaction: reverted with reason string 'no such token'\"}}";
        assertTrue(call().isEmpty());
    }

    @Test
    void anyOtherFailureIs503() {
        String[] failures = {
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"no method eth_call\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32005,\"message\":\"rate limited\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xnothex\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}",
            "not json",
        };
        for (String f : failures) {
            answer = f;
            SigilException e = assertThrows(SigilException.class, this::call, f);
            assertEquals(ProblemType.PEER_UNAVAILABLE, e.type(), f);
        }
        status = 500;
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":\"execution reverted\"}}";
        assertEquals(ProblemType.PEER_UNAVAILABLE, assertThrows(SigilException.class, this::call).type(),
                "a revert counts only in a 200 answer");
    }

    @Test
    void aBalanceNeverTakesAnErrorForAnAnswer() {
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x3e8\"}";
        assertEquals(BigInteger.valueOf(1000), chains.balance("local", TOKEN));
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":\"execution reverted\"}}";
        assertEquals(ProblemType.PEER_UNAVAILABLE,
                assertThrows(SigilException.class, () -> chains.balance("local", TOKEN)).type());
    }

    @Test
    void aChainWithoutAnEndpointIs400() {
        SigilException e = assertThrows(SigilException.class, () -> chains.call("polygon", TOKEN, new byte[4]));
        assertEquals(ProblemType.MALFORMED_REQUEST, e.type());
    }
}
