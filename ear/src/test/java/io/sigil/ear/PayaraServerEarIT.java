package io.sigil.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EAR works on a full application server: a fresh Payara Server domain, the node's configuration as server
 * system properties, {@code sigil.ear} deployed, and the node answering at context root {@code /} with its
 * identity and a ready health check. One deployment, because starting a server is the expensive part.
 */
class PayaraServerEarIT {
    private static final Path PAYARA_HOME = Path.of(System.getProperty("payara.home"));
    private static final Path EAR = Path.of(System.getProperty("sigil.ear"));
    private static final Path WORK = Path.of(System.getProperty("sigil.it.dir"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theEarRunsANodeOnPayaraServer() throws Exception {
        Path dataDir = WORK.resolve("node1");
        PayaraDomain.deleteRecursively(dataDir);
        long t0 = System.nanoTime();
        try (PayaraDomain domain = PayaraDomain.start(PAYARA_HOME, WORK)) {
            long started = System.nanoTime();
            String self = "http://127.0.0.1:" + domain.httpPort();
            Map<String, String> config = new LinkedHashMap<>();
            config.put("sigil.data-dir", dataDir.toString());
            config.put("sigil.network.nodes", self);
            domain.setSystemProperties(config);
            domain.deploy(EAR, "sigil");
            long deployed = System.nanoTime();
            String serverLog = "; server log " + domain.serverLog() + ":\n" + PayaraDomain.tail(domain.serverLog());

            HttpResponse<String> node = get(self + "/api/v1/node");
            assertEquals(200, node.statusCode(), "GET /api/v1/node" + serverLog);
            JsonObject info = json(node.body());
            assertEquals(1, info.getInt("index"), node.body());
            assertTrue(info.getString("identityPublicKey").matches("0x04[0-9a-fA-F]{128}"), node.body());
            // the server system properties reached MicroProfile Config in the application
            assertEquals(self, info.getJsonObject("network").getJsonArray("nodes").getJsonObject(0).getString("url"),
                    node.body());
            assertTrue(Files.isRegularFile(dataDir.resolve("identity.key")), "identity key in sigil.data-dir");

            HttpResponse<String> ready = awaitReady(self + "/health/ready", Duration.ofSeconds(30));
            assertEquals(200, ready.statusCode(), "GET /health/ready: " + ready.body() + serverLog);
            assertEquals("UP", json(ready.body()).getString("status"), ready.body());

            System.out.printf("Payara Server: domain created and started in %d s, configured and EAR deployed in %d s%n",
                    (started - t0) / 1_000_000_000, (deployed - started) / 1_000_000_000);
        }
    }

    /** Deployment returns once the application has started; readiness may still be settling, so allow a little time. */
    private HttpResponse<String> awaitReady(String url, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpResponse<String> r = get(url);
        while (r.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            r = get(url);
        }
        return r;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
