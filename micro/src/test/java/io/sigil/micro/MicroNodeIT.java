package io.sigil.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real flat WAR on a managed Payara Micro, spoken to over HTTP as a client or a peer would: the node describes
 * itself and is ready, and the edges of the HTTP API (unknown paths, malformed, unauthentic and oversized
 * node-to-node messages) answer with the problem+json API.md promises. One deployment, one Payara Micro process.
 * The node is node 1 of three; nodes 2 and 3 are configured but never started (see arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class MicroNodeIT {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEMS = "https://sigil.dev/problems/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive sigil() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/sigil.war"));
    }

    @Test
    void describesItselfAsNodeOneOfThree() throws Exception {
        HttpResponse<String> r = get("api/v1/node");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject node = json(r.body());
        assertEquals(1, node.getInt("index"), r.body());
        assertTrue(node.getString("identityPublicKey").matches("0x04[0-9a-f]{128}"), r.body());
        assertTrue(node.getString("identityAddress").matches("0x[0-9a-fA-F]{40}"), r.body());
        JsonObject network = node.getJsonObject("network");
        assertEquals(3, network.getInt("n"), r.body());
        assertEquals(List.of("http://127.0.0.1:" + System.getProperty("sigil.it.port"), "http://127.0.0.1:1",
                        "http://127.0.0.1:2"),
                network.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                        .map(m -> m.getString("url")).toList(),
                "the network is the one arquillian.xml configures");
    }

    @Test
    void isReady() throws Exception {
        HttpResponse<String> r = get("health/ready");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("UP", json(r.body()).getString("status"), r.body());
    }

    @Test
    void unknownPathIsAProblem404() throws Exception {
        HttpResponse<String> r = get("api/v1/no-such-thing");
        JsonObject problem = problem(r, 404);
        assertEquals(PROBLEMS + "not-found", problem.getString("type"));
    }

    @Test
    void malformedEnvelopeIsA400NamingTheField() throws Exception {
        HttpResponse<String> r = post("internal/v1/messages", "{\"v\":2}");
        JsonObject problem = problem(r, 400);
        assertEquals(PROBLEMS + "malformed-request", problem.getString("type"));
        assertEquals("protocol", problem.getString("field"), r.body());
        assertTrue(problem.getString("detail").startsWith("protocol"), r.body());
    }

    @Test
    void unsignedEnvelopeIsA401() throws Exception {
        HttpResponse<String> r = post("internal/v1/messages", envelopeFromNode2().build().toString());
        JsonObject problem = problem(r, 401);
        assertEquals(PROBLEMS + "unauthenticated-message", problem.getString("type"));
    }

    /**
     * A forged signature is never accepted. Node 2 is down, so its identity key was never pinned: the node refuses
     * with 401 at once, without calling anybody (an unauthenticated request must not make a node call out).
     */
    @Test
    void forgedEnvelopeIsRefused() throws Exception {
        String garbage = "0x" + HEX.formatHex(random(65));
        HttpResponse<String> r = post("internal/v1/messages", envelopeFromNode2().add("signature", garbage).build().toString());
        JsonObject problem = problem(r, 401);
        assertEquals(PROBLEMS + "unauthenticated-message", problem.getString("type"));
    }

    @Test
    void bodyOver4MiBIsA413() throws Exception {
        String body = "\"" + "a".repeat(4 * 1024 * 1024 + 1024) + "\"";
        HttpResponse<String> r = post("internal/v1/messages", body);
        JsonObject problem = problem(r, 413);
        assertEquals(PROBLEMS + "payload-too-large", problem.getString("type"));
    }

    /** A well-formed, current envelope claiming to come from node 2, without a signature. */
    private static JsonObjectBuilder envelopeFromNode2() {
        return Json.createObjectBuilder()
                .add("v", 2)
                .add("protocol", "ping")
                .add("sessionId", HEX.formatHex(random(32)))
                .add("round", 0)
                .add("from", 2)
                .add("to", Json.createArrayBuilder().add(1))
                .add("timestamp", System.currentTimeMillis())
                .add("nonce", HEX.formatHex(random(16)))
                .add("payload", "");
    }

    @Test
    void actionsAreStoredOnceByCidAndReadBack() throws Exception {
        String code = "const go = async () => { Lit.Actions.setResponse({response: 'it-" + HEX.formatHex(random(4)) + "'}); }; go();";
        HttpResponse<String> first = upload(code);
        assertEquals(201, first.statusCode(), first.body());
        JsonObject stored = json(first.body());
        String cid = stored.getString("ipfsId");
        assertTrue(cid.startsWith("Qm") && cid.length() == 46, cid);
        assertEquals(code.length(), stored.getInt("size"));
        assertTrue(first.headers().firstValue("Location").orElse("").endsWith("/api/v1/actions/" + cid));
        HttpResponse<String> again = upload(code);
        assertEquals(200, again.statusCode());
        assertEquals(cid, json(again.body()).getString("ipfsId"));
        HttpResponse<String> read = get("api/v1/actions/" + cid);
        assertEquals(200, read.statusCode());
        assertEquals(code, read.body());
        assertTrue(read.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));

        assertEquals("ipfsId", problem(get("api/v1/actions/not-a-cid"), 400).getString("field"));
        problem(get("api/v1/actions/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"), 404);
        problem(upload(""), 400);
    }

    private HttpResponse<String> upload(String code) throws Exception {
        return http.send(HttpRequest.newBuilder(resolve("api/v1/actions")).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "text/javascript")
                        .POST(HttpRequest.BodyPublishers.ofString(code)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Checks that a response is an RFC 9457 problem with the expected status and returns it. */
    private static JsonObject problem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(PROBLEM_JSON, r.headers().firstValue("Content-Type").orElse(""), r.body());
        JsonObject problem = json(r.body());
        assertTrue(problem.getString("type").startsWith(PROBLEMS), r.body());
        assertTrue(!problem.getString("title").isBlank(), r.body());
        assertEquals(status, problem.getInt("status"), r.body());
        assertTrue(!problem.getString("detail").isBlank(), r.body());
        return problem;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI resolve(String path) {
        String root = base.toExternalForm();
        return URI.create(root.endsWith("/") ? root + path : root + "/" + path);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
