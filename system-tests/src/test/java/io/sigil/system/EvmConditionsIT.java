package io.sigil.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sigil.api.model.CanonicalJson;
import io.sigil.api.model.EncryptedData;
import io.sigil.client.Decryptor;
import io.sigil.client.SigilClientException;
import io.sigil.client.Wallet;
import io.sigil.crypto.identity.IdentityKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

/**
 * An EVM condition against a real local chain: ganache (from the npm registry, installed into target/ by this
 * setup) with its deterministic accounts funded, nodes pointed at it by {@code SIGIL_CHAINS_LOCAL_RPC_URL}. A funded
 * account decrypts; an empty one gets 403. Skipped where npm is missing.
 */
class EvmConditionsIT {
    /** Ganache's first deterministic account (--wallet.deterministic), funded with 1000 ETH. */
    static final String FUNDED_KEY = "0x4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d";
    static final Path GANACHE_DIR = Path.of("target/ganache").toAbsolutePath();
    static Process ganache;
    static LocalNetworkProcess net;

    @BeforeAll
    static void up() throws Exception {
        Path bin = GANACHE_DIR.resolve("node_modules/.bin/ganache");
        if (!Files.exists(bin)) {
            Files.createDirectories(GANACHE_DIR);
            Process npm;
            try {
                npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix",
                        GANACHE_DIR.toString(), "ganache@7.9.2").redirectErrorStream(true)
                        .redirectOutput(GANACHE_DIR.resolve("npm.log").toFile()).start();
            } catch (IOException noNpm) {
                assumeTrue(false, "npm is not installed");
                return;
            }
            assumeTrue(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0, "npm install ganache failed");
        }
        int rpcPort = LocalNetworkProcess.freePorts(1);
        ganache = new ProcessBuilder(bin.toString(), "--port", Integer.toString(rpcPort), "--host", "127.0.0.1",
                "--wallet.deterministic", "--logging.quiet").redirectErrorStream(true)
                .redirectOutput(GANACHE_DIR.resolve("ganache.log").toFile()).start();
        String rpc = "http://127.0.0.1:" + rpcPort;
        waitForRpc(rpc);
        net = LocalNetworkProcess.up("evm", 3, LocalNetworkProcess.freePorts(3),
                Map.of("SIGIL_CHAINS_LOCAL_RPC_URL", rpc), Duration.ofSeconds(150));
    }

    @AfterAll
    static void down() throws Exception {
        if (net != null) {
            net.close();
        }
        if (ganache != null) {
            ganache.destroy();
            ganache.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFundedAccountDecryptsAnEmptyOneIsRefused() throws Exception {
        List<Object> atLeastOneEth = (List<Object>) CanonicalJson.parse("[{\"contractAddress\":\"\","
                + "\"standardContractType\":\"\",\"chain\":\"local\",\"method\":\"eth_getBalance\","
                + "\"parameters\":[\":userAddress\",\"latest\"],"
                + "\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"1000000000000000000\"}}]");
        Wallet funded = Wallet.fromHex(FUNDED_KEY);
        Wallet empty = new Wallet(IdentityKey.generate(new SecureRandom()));
        waitForKey();
        try (Decryptor d = new Decryptor(net.url(1), Duration.ofSeconds(60))) {
            EncryptedData e = d.encrypt("for holders of 1 ETH".getBytes(), atLeastOneEth);
            assertArrayEquals("for holders of 1 ETH".getBytes(), d.decrypt(e, funded.authSig(Duration.ofMinutes(5))));
            SigilClientException no = Assertions.assertThrows(SigilClientException.class,
                    () -> d.decrypt(e, empty.authSig(Duration.ofMinutes(5))));
            assertEquals(403, no.status());
        }
    }

    private static void waitForKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            if (http.send(HttpRequest.newBuilder(net.url(1).resolve("/api/v1/network/encryption-key")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no network key");
    }

    private static void waitForRpc(String rpc) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rpc))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("ganache did not start: " + Files.readString(GANACHE_DIR.resolve("ganache.log")));
    }
}
