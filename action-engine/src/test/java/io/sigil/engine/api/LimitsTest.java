package io.sigil.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.engine.limits.Limit;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each limit ends the execution with its own problem type, within the limit plus one second, with its logs. */
class LimitsTest {

    static ActionEngine engine;
    static final RecordingHost HOST = new RecordingHost();

    @BeforeAll
    static void start() {
        // CPU time accrues at about half speed on two busy cores (JIT threads compile each new engine's classes),
        // so the wall clock here leaves room for a 1 s CPU limit to trip first.
        engine = Engines.tight(false, Map.of("sigil.limits.wall-time", "4s"));
        HOST.engine = engine;
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static ActionFailure fail(String code) {
        return assertThrows(ActionFailure.class, () -> engine.execute(ExecutionRequest.of(code, null, HOST)));
    }

    private static void endsWithin(Duration limit, Class<? extends ActionFailure> type, String code) {
        try {
            // measure on a quiet pool: engines rebuilt after earlier trips would compete for the two cores
            assertTrue(engine.pool().awaitFull(Duration.ofSeconds(30)));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        long start = System.nanoTime();
        ActionFailure f = fail(code);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(type, f.getClass(), f.detail());
        assertTrue(took.compareTo(limit.plusSeconds(1)) < 0, "took " + took);
    }

    @Test
    void cpuTime() {
        // CPU time is the worker thread's own: on cores shared with other work it accrues slower than the wall
        // clock, so this engine's wall limit is far away and only the type and an upper bound are asserted.
        try (ActionEngine cpu = Engines.tight(false, Map.of("sigil.limits.wall-time", "20s", "sigil.engine.pool.size", "1"))) {
            long start = System.nanoTime();
            ActionFailure f = assertThrows(ActionFailure.class,
                    () -> cpu.execute(ExecutionRequest.of("console.log('spin'); while (true) {}", null, HOST)));
            assertEquals(ActionFailure.CpuTimeExceeded.class, f.getClass());
            assertEquals("spin", f.logs());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0);
        }
    }

    @Test
    void wallTimeWhileSleeping() {
        endsWithin(Duration.ofSeconds(4), ActionFailure.WallTimeExceeded.class,
                "await new Promise((r) => setTimeout(r, 10000));");
    }

    @Test
    void wallTimeInANativeCallNoCheckReaches() throws InterruptedException {
        endsWithin(Duration.ofSeconds(4), ActionFailure.WallTimeExceeded.class, "/(a+)+$/.test('a'.repeat(40) + '!');");
        assertTrue(engine.pool().awaitFull(Duration.ofSeconds(30)));
        // on Java 17 the abandoned thread is stopped, not left spinning in the regex matcher
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (spinningInRegex() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (Runtime.version().feature() < 20) {
            assertTrue(!spinningInRegex(), "an abandoned action thread is still matching");
        }
        assertEquals("ok", engine.execute(ExecutionRequest.of("Lit.Actions.setResponse({response: 'ok'})", null, HOST))
                .response());
    }

    private static boolean spinningInRegex() {
        return Thread.getAllStackTraces().entrySet().stream()
                .anyMatch(e -> e.getKey().getName().startsWith("sigil-action-") && e.getKey().isAlive()
                        && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().contains(".regexp.")));
    }

    @Test
    void allocatedBytes() {
        endsWithin(Duration.ofSeconds(4), ActionFailure.AllocatedBytesExceeded.class,
                "const a = []; while (true) { a.push([a.length, a.length]); }");
    }

    @Test
    void stackDepth() {
        endsWithin(Duration.ofSeconds(4), ActionFailure.StackDepthExceeded.class, "const f = (n) => f(n + 1) + 1; f(0);");
    }

    @Test
    void logSizeKeepsWhatFits() {
        ActionFailure f = fail("console.log('first'); while (true) { console.log('y'.repeat(1000)); }");
        assertEquals(ActionFailure.LogSizeExceeded.class, f.getClass());
        assertTrue(f.logs().startsWith("first\nyyy"));
        assertTrue(f.logs().length() <= 4096);
    }

    @Test
    void everyFailureCarriesLogsSoFar() {
        ActionFailure f = fail("console.log('before'); while (true) {}");
        assertEquals("before", f.logs());
        ActionFailure g = fail("console.log('before'); null.x;");
        assertEquals("before", g.logs());
        assertEquals(ActionFailure.ScriptError.class, g.getClass());
        assertEquals("TypeError: Cannot get property \"x\" of null", g.detail());
    }

    @Test
    void responseSize() {
        assertEquals(ActionFailure.ResponseSizeExceeded.class,
                fail("Lit.Actions.setResponse({ response: 'r'.repeat(5000) });").getClass());
    }

    @Test
    void codeSizeIs413() {
        ActionFailure f = fail("/*" + "c".repeat(70_000) + "*/");
        assertEquals(ActionFailure.CodeSizeExceeded.class, f.getClass());
        assertEquals(413, f.status());
    }

    @Test
    void callDepth() {
        RecordingHost host = new RecordingHost();
        host.engine = engine;
        String child = "Lit.Actions.setResponse({ response: await Lit.Actions.call({ ipfsId: 'self', params: {} }) });";
        host.children.put("self", child);
        ActionFailure f = assertThrows(ActionFailure.class, () -> engine.execute(ExecutionRequest.of(child, null, host)));
        assertEquals(ActionFailure.CallDepthExceeded.class, f.getClass());
    }

    @Test
    void childActionWithinDepthRuns() {
        RecordingHost host = new RecordingHost();
        host.engine = engine;
        host.children.put("child", "Lit.Actions.setResponse({ response: 'child saw ' + jsParams.n });");
        String parent = "const r = await Lit.Actions.call({ ipfsId: 'child', params: { n: 7 } }); Lit.Actions.setResponse({ response: r });";
        assertEquals("child saw 7", engine.execute(ExecutionRequest.of(parent, null, host)).response());
    }

    @Test
    void fetchAndSignCounts() {
        assertEquals(ActionFailure.FetchCountExceeded.class,
                fail("for (let i = 0; i < 6; i++) { try { await fetch('http://127.0.0.1:9/'); } catch (e) {} }").getClass());
        assertEquals(ActionFailure.SignCountExceeded.class, fail("for (let i = 0; i < 4; i++) { await Lit.Actions.signEcdsa({ toSign: new Array(32).fill(0), publicKey: '"
                + RecordingHost.PUBLIC_KEY + "', sigName: 'n' + i }); }").getClass());
    }

    @Test
    void problemTypesAreStable() {
        for (Limit limit : Limit.values()) {
            ActionFailure f = ActionFailure.of(limit, "");
            assertEquals(URI.create("https://sigil.dev/problems/limit/" + limit.slug()), f.type());
            assertEquals(limit == Limit.CODE_SIZE ? 413 : 422, f.status());
        }
        assertEquals(URI.create("https://sigil.dev/problems/action/script-error"), new ActionFailure.ScriptError("x", "").type());
        assertEquals(URI.create("https://sigil.dev/problems/action/syntax-error"), new ActionFailure.SyntaxError("x").type());
        assertEquals(503, new ActionFailure.EngineBusy().status());
    }
}
