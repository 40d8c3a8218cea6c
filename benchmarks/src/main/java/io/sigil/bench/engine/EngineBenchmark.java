package io.sigil.bench.engine;

import delight.nashornsandbox.NashornSandbox;
import delight.nashornsandbox.NashornSandboxes;
import io.sigil.engine.api.ActionEngine;
import io.sigil.engine.api.ActionHost;
import io.sigil.engine.api.ExecutionRequest;
import io.sigil.engine.pipeline.Pipeline;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * One run, three contenders: Sigil's pool ({@code sigil*}), plain {@code ScriptEngine.eval} of the same source
 * ({@code plain*}, no sandbox at all: the floor) and delight-nashorn-sandbox with CPU and memory limits
 * ({@code delight*} with its prepared-script cache, {@code delightDefault*} with its defaults, i.e. none). Sample mode, so the report has p50 and p99 per execution.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class EngineBenchmark {

    private ActionEngine sigil;
    private ScriptEngine plain;
    private CompiledScript plainTrivial;
    private CompiledScript plainAsync;
    private CompiledScript plainLoop;
    private NashornSandbox delight;
    private NashornSandbox delightDefault;
    private ExecutorService delightExecutor;
    private String asyncEs5;
    private final AtomicLong unique = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        // one engine: on two cores a second engine competes with the first (and with JIT and GC threads) and
        // back-to-back latency gets worse; -Dsigil.bench.pool=N (via -jvmArgsAppend) measures other sizes
        sigil = ActionEngine.standalone(Map.of("sigil.engine.pool.size", System.getProperty("sigil.bench.pool", "1"), "sigil.engine.pool.warm-up", "5",
                "sigil.engine.pool.cache-size", "64"));
        plain = new NashornScriptEngineFactory().getScriptEngine("--language=es5");
        asyncEs5 = Pipeline.lowerOnly(Actions.SMALL_ASYNC);
        plainTrivial = ((Compilable) plain).compile(Actions.PEER_SHIM + Actions.TRIVIAL);
        plainAsync = ((Compilable) plain).compile(Actions.PEER_SHIM + asyncEs5 + Actions.DRAIN);
        plainLoop = ((Compilable) plain).compile(Actions.PEER_SHIM + Actions.LOOP);
        delight = NashornSandboxes.create();
        delight.setMaxCPUTime(30_000);
        delight.setMaxMemory(256L << 20);
        delight.allowNoBraces(false);
        delightExecutor = Executors.newSingleThreadExecutor();
        delight.setExecutor(delightExecutor);
        delight.setMaxPreparedStatements(100);
        // delight's defaults: no cache of prepared (beautified and instrumented) scripts
        delightDefault = NashornSandboxes.create();
        delightDefault.setMaxCPUTime(30_000);
        delightDefault.setMaxMemory(256L << 20);
        delightDefault.setExecutor(delightExecutor);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sigil.close();
        delightExecutor.shutdownNow();
    }

    private String run(String code) {
        return sigil.execute(ExecutionRequest.of(code, null, ActionHost.REFUSE_ALL)).response();
    }

    @Benchmark
    public String sigilTrivial() {
        return run(Actions.TRIVIAL);
    }

    /**
     * Requests that do not arrive back to back: JMH pauses (untimed) before each call, long enough for the engine
     * to prepare its next global off the request path, as it does between requests of a node that is not
     * saturated. The back-to-back benchmarks above include that preparation.
     */
    @State(Scope.Thread)
    public static class Paced {
        @Setup(Level.Invocation)
        public void pause() throws InterruptedException {
            Thread.sleep(2);
        }
    }

    @Benchmark
    public String sigilTrivialPaced(Paced paced) {
        return run(Actions.TRIVIAL);
    }

    @Benchmark
    public String sigilSmallAsyncPaced(Paced paced) {
        return run(Actions.SMALL_ASYNC);
    }

    @Benchmark
    public Object delightDefaultTrivialPaced(Paced paced) throws Exception {
        return delightDefault.eval(Actions.PEER_SHIM + Actions.TRIVIAL);
    }

    @Benchmark
    public Object delightTrivialPaced(Paced paced) throws Exception {
        return delight.eval(Actions.PEER_SHIM + Actions.TRIVIAL);
    }

    @Benchmark
    public String sigilSmallAsync() {
        return run(Actions.SMALL_ASYNC);
    }

    @Benchmark
    public String sigilLoop() {
        return run(Actions.LOOP);
    }

    /** A new CID every time: Closure lowering, instrumentation, verification, Nashorn compile, then the run. */
    @Benchmark
    public String sigilColdFirstExecution() {
        return run(Actions.SMALL_ASYNC + "// " + unique.incrementAndGet());
    }

    @Benchmark
    public Object plainTrivial() throws Exception {
        return plainTrivial.eval();
    }

    @Benchmark
    public Object plainSmallAsync() throws Exception {
        return plainAsync.eval();
    }

    @Benchmark
    public Object plainLoop() throws Exception {
        return plainLoop.eval();
    }

    @Benchmark
    public Object delightTrivial() throws Exception {
        return delight.eval(Actions.PEER_SHIM + Actions.TRIVIAL);
    }

    @Benchmark
    public Object delightDefaultTrivial() throws Exception {
        return delightDefault.eval(Actions.PEER_SHIM + Actions.TRIVIAL);
    }

    @Benchmark
    public Object delightDefaultLoop() throws Exception {
        return delightDefault.eval(Actions.PEER_SHIM + Actions.LOOP);
    }

    @Benchmark
    public Object delightSmallAsync() throws Exception {
        return delight.eval(Actions.PEER_SHIM + asyncEs5 + Actions.DRAIN);
    }

    @Benchmark
    public Object delightLoop() throws Exception {
        return delight.eval(Actions.PEER_SHIM + Actions.LOOP);
    }
}
