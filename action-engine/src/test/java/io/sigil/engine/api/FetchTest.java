package io.sigil.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.engine.fetch.AddressPolicy;
import io.sigil.engine.fetch.Fetcher;
import io.sigil.engine.fetch.HttpFetcher;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** fetch against a local server, with private addresses allowed for the test engine only. */
class FetchTest {

    static LocalServer server;
    static ActionEngine engine;

    @BeforeAll
    static void start() throws Exception {
        server = new LocalServer();
        engine = Engines.tight(true, Map.of("sigil.limits.fetch-body-size", "10KiB", "sigil.limits.wall-time", "3s"));
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    private static String run(String code) {
        return Engines.outcome(engine, code.replace("BASE", server.url("")), ActionHost.REFUSE_ALL);
    }

    @Test
    void getJsonWithThen() {
        assertEquals("=42", run("""
                const t = await fetch('BASE/weather').then((r) => r.json());
                Lit.Actions.setResponse({ response: String(t.properties.periods[0].temperature) });
                """));
    }

    @Test
    void statusHeadersAndText() {
        assertEquals("=404 false text/plain not here", run("""
                const r = await fetch('BASE/missing');
                Lit.Actions.setResponse({ response: `${r.status} ${r.ok} ${r.headers.get('content-type')} ${await r.text()}` });
                """));
        assertEquals("=plain text ✓", run("const r = await fetch('BASE/text'); Lit.Actions.setResponse({ response: await r.text() });"));
    }

    @Test
    void postWithHeadersAndBody() {
        assertEquals("=201 POST yes {\"a\":1}", run("""
                const r = await fetch('BASE/echo', { method: 'POST', headers: { 'X-Test': 'yes', 'Content-Type': 'application/json' },
                  body: JSON.stringify({ a: 1 }) });
                const j = await r.json();
                Lit.Actions.setResponse({ response: `${r.status} ${j.method} ${j.header} ${j.body}` });
                """));
    }

    @Test
    void redirectsAreFollowedAndChecked() {
        assertEquals("=42", run("const j = await (await fetch('BASE/redirect')).json(); Lit.Actions.setResponse({ response: String(j.properties.periods[0].temperature) });"));
    }

    @Test
    void noRedirectToARefusedAddress() throws Exception {
        // loopback allowed, everything private refused before any connection is attempted
        AddressPolicy loopbackOnly = new AddressPolicy(false) {
            @Override
            protected boolean allowed(InetAddress address) {
                return address.isLoopbackAddress() || isPublic(address);
            }
        };
        Fetcher fetcher = new HttpFetcher(loopbackOnly, 1 << 20);
        assertEquals(200, fetcher.fetch(new Fetcher.Request(server.url("/redirect"), "GET", List.of(), null),
                Duration.ofSeconds(5)).status());
        Fetcher.FetchRefused refused = assertThrows(Fetcher.FetchRefused.class, () -> fetcher.fetch(
                new Fetcher.Request(server.url("/redirect-out"), "GET", List.of(), null), Duration.ofSeconds(5)));
        assertEquals("fetch refused: address not allowed", refused.getMessage());
    }

    @Test
    void addressClassification() throws Exception {
        for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::")) {
            assertFalse(AddressPolicy.isPublic(InetAddress.getByName(a)), a);
        }
        for (String a : List.of("8.8.8.8", "1.1.1.1", "2606:4700::1111", "93.184.216.34")) {
            assertTrue(AddressPolicy.isPublic(InetAddress.getByName(a)), a);
        }
    }

    @Test
    void bodyCap() {
        assertEquals("=fetch failed: response body larger than the limit", run("""
                try { await fetch('BASE/big'); } catch (e) { Lit.Actions.setResponse({ response: e.message }); }
                """));
    }

    @Test
    void timeoutIsBoundedByTheWallClock() {
        String outcome = run("try { await fetch('BASE/slow'); } catch (e) { Lit.Actions.setResponse({ response: e.message }); }");
        assertEquals("!wall-time", outcome.startsWith("=fetch failed: timed out") ? "!wall-time" : outcome);
    }

    @Test
    void loopbackRefusedByDefault() {
        try (ActionEngine strict = ActionEngine.standalone(Map.of("sigil.engine.pool.size", "1", "sigil.engine.pool.warm-up", "0"))) {
            assertEquals("=fetch refused: address not allowed", Engines.outcome(strict,
                    "try { await fetch('" + server.url("/weather") + "'); } catch (e) { Lit.Actions.setResponse({ response: e.message }); }",
                    ActionHost.REFUSE_ALL));
        }
    }
}
