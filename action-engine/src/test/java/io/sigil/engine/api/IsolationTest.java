package io.sigil.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nothing one execution does is visible to the next, even on the same engine. */
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
}
