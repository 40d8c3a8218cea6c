package io.sigil.engine.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.engine.api.ActionEngine;
import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.api.Engines;
import io.sigil.engine.api.ExecutionRequest;
import io.sigil.engine.api.RecordingHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile scripts: each tries one way out of the sandbox or one way around a limit, and each asserts the precise
 * way it failed: the value the script observed ({@code =...}: the escape hatch is absent or refused) or the limit
 * that ended it ({@code !slug}). After every case the pool must still run an ordinary action.
 */
class HostileCorpusTest {

    static ActionEngine engine;
    static RecordingHost host = new RecordingHost();

    @BeforeAll
    static void start() {
        // short limits: most of the corpus ends on one, and the suite should stay quick
        engine = Engines.tight(false, Map.of("sigil.limits.wall-time", "2s", "sigil.limits.cpu-time", "500ms"));
        host.engine = engine;
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Evaluates {@code expr} and reports its value, or the name of the error it threw. */
    static String probe(String expr) {
        return "let r; try { r = (" + expr + "); } catch (e) { r = 'blocked:' + e.name; }\n"
                + "Lit.Actions.setResponse({ response: String(r) });";
    }

    static Arguments c(String name, String code, String expected) {
        return Arguments.of(name, code, expected);
    }

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        // Java and Nashorn's host objects
        for (String global : List.of("Java", "Packages", "java", "javax", "com", "JavaImporter", "JSAdapter",
                "engine", "context", "load", "loadWithNewGlobal", "quit", "exit", "print", "__noSuchProperty__", "importPackage", "$ENV", "$EXEC", "readFully")) {
            cases.add(c("global " + global, probe("typeof " + global + " + typeof this['" + global + "']"),
                    "=undefinedundefined"));
        }
        // Nashorn keeps these non-configurable; they reveal only the script's name (its CID) and no arguments
        cases.add(c("__FILE__, __DIR__, arguments", probe("/^Qm[1-9A-HJ-NP-Za-km-z]{44}[.]js$/.test(__FILE__) && __DIR__ == null && this.arguments.length === 0"), "=true"));
        cases.add(c("engine via global object", probe("(function(){ return this; })().engine"), "=undefined"));
        cases.add(c("java.lang.System", probe("java.lang.System.exit(1)"), "=blocked:ReferenceError"));
        cases.add(c("Object.bindProperties", probe("typeof Object.bindProperties"), "=undefined"));
        cases.add(c("Error.dumpStack", probe("typeof Error.dumpStack + typeof new Error().printStackTrace + typeof new Error().getStackTrace"),
                "=undefinedundefinedundefined"));
        cases.add(c("getClass on string", probe("typeof 'x'.getClass"), "=undefined"));
        cases.add(c("call getClass on string", probe("'x'.getClass().forName('java.lang.Runtime')"), "=blocked:TypeError"));
        cases.add(c("getClass on number", probe("typeof (1).getClass + typeof (1.5).getClass"), "=undefinedundefined"));
        cases.add(c("getClass on boolean", probe("typeof true.getClass"), "=undefined"));
        cases.add(c("Java String methods", probe("typeof 'x'.getBytes + typeof 'x'.intern + typeof 'x'.chars"), "=undefinedundefinedundefined"));
        cases.add(c("nashornException", probe("(() => { try { null.x; } catch (e) { return typeof e.nashornException; } })()"), "=undefined"));
        cases.add(c("nashornException of thrown object", probe("(() => { try { throw {a: 1}; } catch (e) { return typeof e.nashornException; } })()"), "=undefined"));
        cases.add(c("global names", probe("Object.getOwnPropertyNames(this).filter(n => /^(print|load|loadWithNewGlobal|exit|quit|JSAdapter|engine|context|Java|Packages|__noSuchProperty__)$/.test(n) || n.indexOf('javax') === 0).join(',')"), "="));
        // code from strings
        cases.add(c("eval", probe("eval('1 + 1')"), "=blocked:EvalError"));
        cases.add(c("indirect eval", probe("(0, this.eval)('1 + 1')"), "=blocked:EvalError"));
        cases.add(c("Function constructor", probe("Function('return this')()"), "=blocked:EvalError"));
        cases.add(c("new Function", probe("new Function('a', 'return a')(1)"), "=blocked:EvalError"));
        cases.add(c("function constructor property", probe("(function(){}).constructor('return 1')()"), "=blocked:EvalError"));
        cases.add(c("constructor chain", probe("[].constructor.constructor('return 1')()"), "=blocked:EvalError"));
        cases.add(c("async function constructor", probe("Object.getPrototypeOf(async function(){}).constructor('return 1')()"), "=blocked:EvalError"));
        cases.add(c("host function constructor", probe("console.log.constructor('return 1')()"), "=blocked:EvalError"));
        cases.add(c("setTimeout with a string", probe("setTimeout('1 + 1', 0)"), "=blocked:TypeError"));
        // the instrumentation itself
        cases.add(c("reserved name in source", "var $sigil$c = function () {}; while (true) {}", "!syntax-error"));
        cases.add(c("reserved name by unicode escape", "var \\u0024sigil\\u0024c = function () {}; while (true) {}", "!syntax-error"));
        cases.add(c("overwrite check global", "try { this['$sig' + 'il$c'] = function () {}; } catch (e) {} while (true) {}", "!cpu-time"));
        cases.add(c("redefine check global", "try { Object.defineProperty(this, '$sig' + 'il$c', { value: function () {} }); } catch (e) {} for (;;) {}", "!cpu-time"));
        cases.add(c("reset the countdown", "for (;;) { this['$sig' + 'il$k'][0] = 1 << 30; }", "!resource"));
        cases.add(c("reset the countdown by unicode escape", "for (;;) { \\u0024sigil\\u0024k[0] = 1 << 30; }", "!syntax-error"));
        cases.add(c("wrapper arguments", probe("(() => arguments.length)()"), "=0"));
        cases.add(c("replace the check through arguments", "(() => { arguments[0] = function () {}; })(); while (true) {}", "!cpu-time"));
        cases.add(c("take the bridge", probe("typeof this['$sig' + 'il$take']()"), "=undefined"));
        cases.add(c("with statement", "with ({}) { while (true) {} }", "!syntax-error"));
        // the kernel's own calls of the builtins it hides: Function.prototype.call and .apply cannot be replaced
        cases.add(c("intercept Function.prototype.call", probe("(function () { var seen = []; "
                + "try { Function.prototype.call = function () { seen.push(this); }; } catch (e) {} "
                + "try { Object.defineProperty(Function.prototype, 'apply', { value: function () { seen.push(this); } }); } catch (e) {} "
                + "return [3, 1, 2].sort().join('-') + ' ' + seen.length; })()"), "=1-2-3 0"));
        // CPU and wall clock
        cases.add(c("while true", "while (true) {}", "!cpu-time"));
        cases.add(c("empty for", "for (;;);", "!cpu-time"));
        cases.add(c("do while", "do {} while (true);", "!cpu-time"));
        cases.add(c("catch the limit", "try { while (true) {} } catch (e) {} while (true) {}", "!cpu-time"));
        cases.add(c("catch the limit in a loop", "while (true) { try { while (true) {} } catch (e) {} }", "!cpu-time"));
        cases.add(c("finally loop", "try { for (;;) {} } finally { for (;;) {} }", "!cpu-time"));
        cases.add(c("recursion in callbacks", "const f = () => [1].forEach(f); f();", "!stack-depth"));
        cases.add(c("setInterval forever", "setInterval(() => {}, 0);", "!wall-time"));
        cases.add(c("busy setInterval", "setInterval(() => { for (let i = 0; i < 1e6; i++) {} }, 0);", "!cpu-time"));
        cases.add(c("promise job flood", "const f = () => Promise.resolve().then(f); f();", "!resource"));
        cases.add(c("sleep past the deadline", "await new Promise((r) => setTimeout(r, 60000));", "!wall-time"));
        cases.add(c("catastrophic regex", "Lit.Actions.setResponse({ response: String(/(a+)+$/.test('a'.repeat(40) + '!')) });", "!wall-time"));
        // stack
        cases.add(c("plain recursion", "function f() { f(); } f();", "!stack-depth"));
        cases.add(c("recursion that catches", "function f() { try { f(); } catch (e) { f(); } } f();", "!stack-depth"));
        cases.add(c("native recursion in JSON", "let o = {}; for (let i = 0; i < 200000; i++) { o = { o }; } JSON.stringify(o);", "!stack-depth"));
        // memory
        cases.add(c("huge typed array", probe("new Uint8Array(1 << 30).length"), "=blocked:RangeError"));
        cases.add(c("huge ArrayBuffer", probe("new ArrayBuffer(2147483647).byteLength"), "=blocked:RangeError"));
        cases.add(c("typed array from lying length", probe("new Float64Array({ get length() { return 1e10; } }).length"), "=blocked:RangeError"));
        cases.add(c("join a huge sparse array", "new Array(1e9).join('x');", "!allocated-bytes"));
        cases.add(c("toString of a huge array", probe("String(new Array(1e8)).length"), "=blocked:RangeError"));
        cases.add(c("sort a huge array", probe("new Array(1e8).sort().length"), "=blocked:RangeError"));
        cases.add(c("repeat", "'x'.repeat(1e9);", "!allocated-bytes"));
        cases.add(c("padStart", "'x'.padStart(1e9);", "!allocated-bytes"));
        cases.add(c("string doubling", "let s = 'x'; for (let i = 0; i < 40; i++) { s += s; } s.indexOf('y');", "!allocated-bytes"));
        cases.add(c("string doubling with +", "let s = 'x'; while (true) { s = s + s; }", "!allocated-bytes"));
        cases.add(c("concat doubling", "let s = 'x'; while (true) { s = s.concat(s); }", "!allocated-bytes"));
        cases.add(c("array growth", "const a = []; while (true) { a.push({ n: a.length }); }", "!allocated-bytes"));
        cases.add(c("exponential JSON", "let a = [1]; for (let i = 0; i < 40; i++) { a = [a, a]; } JSON.stringify(a);", "!allocated-bytes"));
        cases.add(c("replace expansion", "'a'.repeat(1000000).replace(/a/g, 'b'.repeat(100));", "!allocated-bytes"));
        cases.add(c("apply with huge arguments", probe("Math.max.apply(null, new Array(1e7))"), "=blocked:RangeError"));
        cases.add(c("fromCharCode spread", probe("String.fromCharCode(...new Array(1e5).fill(65)).length"), "=blocked:RangeError"));
        // output and host limits
        cases.add(c("log flood", "while (true) { console.log('x'.repeat(100)); }", "!log-size"));
        cases.add(c("response too large", "Lit.Actions.setResponse({ response: 'x'.repeat(100000) });", "!response-size"));
        cases.add(c("fetch count", "for (let i = 0; i < 10; i++) { try { await fetch('file:///etc/passwd'); } catch (e) {} }", "!fetch-count"));
        cases.add(c("sign count", "for (let i = 0; i < 10; i++) { await Lit.Actions.signEcdsa({ toSign: new Uint8Array(32), publicKey: '"
                + RecordingHost.PUBLIC_KEY + "', sigName: 's' + i }); }", "!sign-count"));
        cases.add(c("code size", "// " + "x".repeat(70_000), "!code-size"));
        // network
        for (String url : List.of("http://127.0.0.1:9/", "http://localhost:9/", "http://[::1]:9/", "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/", "http://192.168.1.1/", "http://0.0.0.0:9/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]:9/")) {
            cases.add(c("fetch " + url, "try { await fetch('" + url + "'); Lit.Actions.setResponse({ response: 'reached' }); } catch (e) { Lit.Actions.setResponse({ response: e.message }); }",
                    "=fetch refused: address not allowed"));
        }
        cases.add(c("fetch a file", "try { await fetch('file:///etc/passwd'); } catch (e) { Lit.Actions.setResponse({ response: e.message }); }",
                "=fetch refused: only http and https URLs"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void attackFails(String name, String code, String expected) {
        String outcome = Engines.outcome(engine, code, host);
        if ((expected.equals("!cpu-time") || expected.equals("!allocated-bytes")) && outcome.equals("!wall-time")) {
            // on contended cores the wall clock may end a spinning or allocating script first: either stops it
            // (LimitsTest checks each limit's own problem type on an uncontended budget)
            outcome = expected;
        }
        if (expected.equals("!allocated-bytes") && outcome.equals("!cpu-time")) {
            // allocating costs CPU too: on a slow machine the 500 ms CPU budget can run out before the allocation
            // budget does (seen in CI for "array growth"); either stops the attack, and LimitsTest checks that
            // allocation alone trips allocated-bytes
            outcome = expected;
        }
        if (expected.equals("!resource") && List.of("!cpu-time", "!wall-time", "!allocated-bytes").contains(outcome)) {
            outcome = expected; // churns CPU and garbage at once: whichever budget runs out first ends it
        }
        assertEquals(expected, outcome, name);
        assertEquals("=ok", Engines.outcome(engine, "Lit.Actions.setResponse({ response: 'ok' });", host),
                "the pool still serves after: " + name);
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(corpus().count() >= 50);
    }

    @Test
    void failuresNeverEchoJavaInternals() {
        for (String code : List.of("null.x;", "'x'.getClass();", "ethers.utils.computeAddress('0x1234');",
                "Lit.Actions.signEcdsa({ toSign: [1], publicKey: 'x', sigName: 's' }).then((x) => { throw new Error('no'); });",
                "throw new Error(String(Lit.Actions));", "await Lit.Actions.call({ ipfsId: 'QmNothing' });")) {
            try {
                engine.execute(ExecutionRequest.of(code, null, host));
            } catch (ActionFailure f) {
                String text = f.detail() + " " + f.title() + " " + f.logs();
                assertFalse(text.matches("(?s).*(java\\.|jdk\\.|org\\.openjdk|Exception|\\$sigil\\$).*"), text);
            }
        }
    }

    @Test
    void poolRecoversToFullSize() throws InterruptedException {
        Engines.outcome(engine, "while (true) {}", host);
        assertTrue(engine.pool().awaitFull(Duration.ofSeconds(30)));
    }
}
