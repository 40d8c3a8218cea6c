package io.sigil.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing one execution does is visible to the next, even on the same engine, nor to one running at the same time
 * on another worker of the pool (the workers share one Nashorn engine, each execution has a global of its own).
 */
class IsolationTest {

    static ActionEngine engine;

    @BeforeAll
    static void start() {
        engine = ActionEngine.standalone(Map.of("sigil.engine.pool.size", "1", "sigil.engine.pool.warm-up", "0"));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static String run(String code, String params) {
        return engine.execute(ExecutionRequest.of(code, params, ActionHost.REFUSE_ALL)).response();
    }

    @Test
    void noStateLeaksBetweenExecutions() {
        String polluter = """
                Object.prototype.polluted = 'yes';
                Array.prototype.push = function () { return 'hijacked'; };
                JSON.stringify = () => 'hijacked';
                Promise.prototype.then = function () { return 'hijacked'; };
                this.leaked = 'leaked';
                globalLeak = 'global';
                Lit.Actions.setResponse({ response: 'polluted' });
                Lit.Actions.setResponse = () => {};
                console.log = () => { throw new Error('hijacked'); };
                """;
        String observer = """
                const seen = [typeof ({}).polluted, [].push(1), JSON.stringify({ a: 1 }), typeof this.leaked,
                  typeof globalLeak, typeof secret];
                console.log('still works');
                await Promise.resolve(1).then((x) => x);
                Lit.Actions.setResponse({ response: seen.join('|') });
                """;
        assertEquals("polluted", run(polluter, "{\"secret\":\"s3cr3t\"}"));
        assertEquals("undefined|1|{\"a\":1}|undefined|undefined|undefined", run(observer, null));
        assertEquals("polluted", run(polluter, null));
        assertEquals("undefined|1|{\"a\":1}|undefined|undefined|undefined", run(observer, null));
    }

    @Test
    void timersDoNotOutliveTheirExecution() {
        run("setTimeout(() => { globalThisLeak = 1; }, 50); Lit.Actions.setResponse({ response: 'a' });", null);
        assertEquals("undefined", run("Lit.Actions.setResponse({ response: typeof globalThisLeak });", null));
    }

    @Test
    void concurrentExecutionsOnTheSharedEngineStayApart() throws Exception {
        String polluter = """
                Object.prototype.polluted = 'yes';
                Array.prototype.map = function () { return ['hijacked']; };
                Math.max = () => -1;
                var shared = 'leaked';
                Lit.Actions.setResponse({ response: 'polluted' });
                """;
        String worker = """
                const o = {};
                for (let i = 0; i < 200; i++) { o['k' + i] = i * n; }
                const arr = Object.keys(o).map((k) => o[k]);
                const sum = arr.reduce((a, b) => a + b, 0);
                const bytes = new Uint8Array(4); bytes[0] = n & 255;
                await Promise.resolve();
                Lit.Actions.setResponse({ response: [n, sum, Math.max(n, 0), bytes[0], typeof ({}).polluted,
                  typeof shared].join('|') });
                """;
        try (ActionEngine pool = ActionEngine.standalone(Map.of("sigil.engine.pool.size", "4",
                "sigil.engine.pool.warm-up", "0"))) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    int n = i;
                    results.add(callers.submit(() -> n % 3 == 0
                            ? pool.execute(ExecutionRequest.of(polluter, null, ActionHost.REFUSE_ALL)).response()
                            : pool.execute(ExecutionRequest.of(worker, "{\"n\":" + n + "}", ActionHost.REFUSE_ALL))
                                    .response()));
                }
                for (int i = 0; i < results.size(); i++) {
                    String expected = i % 3 == 0 ? "polluted"
                            : i + "|" + (i * 199 * 200 / 2) + "|" + i + "|" + (i & 255) + "|undefined|undefined";
                    assertEquals(expected, results.get(i).get(), "execution " + i);
                }
            } finally {
                callers.shutdownNow();
            }
        }
    }
}
