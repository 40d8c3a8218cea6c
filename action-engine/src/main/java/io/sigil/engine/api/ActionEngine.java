package io.sigil.engine.api;

import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.fetch.AddressPolicy;
import io.sigil.engine.fetch.Fetcher;
import io.sigil.engine.fetch.HttpFetcher;
import io.sigil.engine.limits.Budget;
import io.sigil.engine.limits.ConfigValues;
import io.sigil.engine.limits.Limit;
import io.sigil.engine.limits.Limits;
import io.sigil.engine.pipeline.Pipeline;
import io.sigil.engine.pipeline.PreparedAction;
import io.sigil.engine.pool.EnginePool;
import io.sigil.engine.pool.PoolSettings;
import io.sigil.engine.pool.Worker;
import io.sigil.engine.sandbox.Execution;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.script.CompiledScript;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The entry point: runs one action for one request, on a pooled sandboxed engine, under API.md's limits.
 * {@code @ApplicationScoped} in the container; elsewhere (tests, JMH) build it with {@link #standalone(Map)} or
 * {@code new} + {@link #init()}, and {@link #close()} it.
 *
 * <p>Configuration keys are API.md's {@code sigil.limits.*} and {@code sigil.fetch.allow-private}, plus
 * {@code sigil.engine.pool.*}; each field below names its key and default.
 */
@ApplicationScoped
public class ActionEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ActionEngine.class.getName());

    /** How long past the deadline the caller waits for a script that should be unwinding from a tripped check. */
    static final Duration GRACE = Duration.ofMillis(500);
    /** Compiling one action on one engine (Nashorn, lazily) is bounded separately from the action's own time. */
    static final Duration COMPILE_TIMEOUT = Duration.ofSeconds(60);

    private static final String WARM_UP = """
            const go = async () => {
              const doubled = await Promise.all([1, 2, 3].map(async (x) => x * 2));
              const { a, ...rest } = { a: 1, b: 2, c: 3 };
              class Box { constructor(v) { this.v = v; } get twice() { return this.v * 2; } }
              for (const [k, v] of new Map([['k', 1]])) { console.log(`${k}=${v}`); }
              Lit.Actions.setResponse({ response: JSON.stringify({ doubled, a, rest, box: new Box(2).twice }) });
            };
            go();
            """;

    @Inject @ConfigProperty(name = "sigil.limits.wall-time", defaultValue = "30s")
    String wallTime = "30s";
    @Inject @ConfigProperty(name = "sigil.limits.cpu-time", defaultValue = "30s")
    String cpuTime = "30s";
    @Inject @ConfigProperty(name = "sigil.limits.allocated-bytes", defaultValue = "256MiB")
    String allocatedBytes = "256MiB";
    @Inject @ConfigProperty(name = "sigil.limits.code-size", defaultValue = "16MiB")
    String codeSize = "16MiB";
    @Inject @ConfigProperty(name = "sigil.limits.response-size", defaultValue = "100KiB")
    String responseSize = "100KiB";
    @Inject @ConfigProperty(name = "sigil.limits.log-size", defaultValue = "100KiB")
    String logSize = "100KiB";
    @Inject @ConfigProperty(name = "sigil.limits.fetch-count", defaultValue = "50")
    String fetchCount = "50";
    @Inject @ConfigProperty(name = "sigil.limits.sign-count", defaultValue = "10")
    String signCount = "10";
    @Inject @ConfigProperty(name = "sigil.limits.call-depth", defaultValue = "5")
    String callDepth = "5";
    @Inject @ConfigProperty(name = "sigil.limits.fetch-body-size", defaultValue = "10MiB")
    String fetchBodySize = "10MiB";
    @Inject @ConfigProperty(name = "sigil.fetch.allow-private", defaultValue = "false")
    String allowPrivate = "false";
    /** Engines in the pool; 0 means {@link #defaultPoolSize}. */
    @Inject @ConfigProperty(name = "sigil.engine.pool.size", defaultValue = "0")
    String poolSize = "0";
    @Inject @ConfigProperty(name = "sigil.engine.pool.warm-up", defaultValue = "3")
    String warmUp = "3";
    @Inject @ConfigProperty(name = "sigil.engine.pool.borrow-timeout", defaultValue = "10s")
    String borrowTimeout = "10s";
    @Inject @ConfigProperty(name = "sigil.engine.pool.worker-stack-size", defaultValue = "4MiB")
    String workerStackSize = "4MiB";
    /** Transpiled actions kept (shared by the pool). */
    @Inject @ConfigProperty(name = "sigil.engine.pool.cache-size", defaultValue = "256")
    String cacheSize = "256";
    /** Compiled actions the pool's shared engine keeps. */
    @Inject @ConfigProperty(name = "sigil.engine.pool.compiled-cache-size", defaultValue = "64")
    String compiledCacheSize = "64";

    /** Replaced by tests that fake the network; otherwise built from the fetch settings in {@link #init()}. */
    Fetcher fetcher;

    private Limits limits;
    private Pipeline pipeline;
    private EnginePool pool;
    private ExecutorService transpiler;

    private static final Map<String, BiConsumer<ActionEngine, String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("sigil.limits.wall-time", (e, v) -> e.wallTime = v);
        KEYS.put("sigil.limits.cpu-time", (e, v) -> e.cpuTime = v);
        KEYS.put("sigil.limits.allocated-bytes", (e, v) -> e.allocatedBytes = v);
        KEYS.put("sigil.limits.code-size", (e, v) -> e.codeSize = v);
        KEYS.put("sigil.limits.response-size", (e, v) -> e.responseSize = v);
        KEYS.put("sigil.limits.log-size", (e, v) -> e.logSize = v);
        KEYS.put("sigil.limits.fetch-count", (e, v) -> e.fetchCount = v);
        KEYS.put("sigil.limits.sign-count", (e, v) -> e.signCount = v);
        KEYS.put("sigil.limits.call-depth", (e, v) -> e.callDepth = v);
        KEYS.put("sigil.limits.fetch-body-size", (e, v) -> e.fetchBodySize = v);
        KEYS.put("sigil.fetch.allow-private", (e, v) -> e.allowPrivate = v);
        KEYS.put("sigil.engine.pool.size", (e, v) -> e.poolSize = v);
        KEYS.put("sigil.engine.pool.warm-up", (e, v) -> e.warmUp = v);
        KEYS.put("sigil.engine.pool.borrow-timeout", (e, v) -> e.borrowTimeout = v);
        KEYS.put("sigil.engine.pool.worker-stack-size", (e, v) -> e.workerStackSize = v);
        KEYS.put("sigil.engine.pool.cache-size", (e, v) -> e.cacheSize = v);
        KEYS.put("sigil.engine.pool.compiled-cache-size", (e, v) -> e.compiledCacheSize = v);
    }

    /** An initialized engine outside a container, configured by the same keys as MicroProfile Config. */
    public static ActionEngine standalone(Map<String, String> config) {
        ActionEngine engine = new ActionEngine();
        config.forEach((k, v) -> {
            BiConsumer<ActionEngine, String> setter = KEYS.get(k);
            if (setter == null) {
                throw new IllegalArgumentException("unknown engine configuration key " + k);
            }
            setter.accept(engine, v);
        });
        engine.init();
        return engine;
    }

    /**
     * Two engines per processor, at least four. A signing action holds its engine while it waits for the other
     * participants, so a node needs an engine for every request it takes part in at once, not only for every
     * core: with too few, concurrent requests that each hold an engine on some nodes and wait for one on others
     * stall until the signing timeout.
     */
    static int defaultPoolSize(int processors) {
        return Math.max(4, 2 * processors);
    }

    /** Parses the configuration, builds the pipeline and the pool (warming every engine up). Idempotent. */
    @PostConstruct
    public synchronized void init() {
        if (pool != null) {
            return;
        }
        limits = new Limits(ConfigValues.duration("sigil.limits.wall-time", wallTime),
                ConfigValues.duration("sigil.limits.cpu-time", cpuTime),
                ConfigValues.size("sigil.limits.allocated-bytes", allocatedBytes),
                ConfigValues.size("sigil.limits.code-size", codeSize),
                ConfigValues.size("sigil.limits.response-size", responseSize),
                ConfigValues.size("sigil.limits.log-size", logSize),
                ConfigValues.count("sigil.limits.fetch-count", fetchCount),
                ConfigValues.count("sigil.limits.sign-count", signCount),
                ConfigValues.count("sigil.limits.call-depth", callDepth),
                ConfigValues.size("sigil.limits.fetch-body-size", fetchBodySize));
        int size = ConfigValues.count("sigil.engine.pool.size", poolSize);
        PoolSettings settings = new PoolSettings(
                size == 0 ? defaultPoolSize(Runtime.getRuntime().availableProcessors()) : size,
                ConfigValues.count("sigil.engine.pool.warm-up", warmUp),
                ConfigValues.duration("sigil.engine.pool.borrow-timeout", borrowTimeout),
                ConfigValues.size("sigil.engine.pool.worker-stack-size", workerStackSize),
                ConfigValues.count("sigil.engine.pool.compiled-cache-size", compiledCacheSize));
        if (fetcher == null) {
            fetcher = new HttpFetcher(new AddressPolicy(Boolean.parseBoolean(allowPrivate.trim())),
                    limits.fetchBodySize());
        }
        pipeline = new Pipeline(Math.max(1, ConfigValues.count("sigil.engine.pool.cache-size", cacheSize)));
        transpiler = Executors.newFixedThreadPool(Math.max(1, settings.size() / 2), r -> {
            Thread t = new Thread(null, r, "sigil-transpiler", 16L << 20);
            t.setDaemon(true);
            return t;
        });
        byte[] warmUpCode = WARM_UP.getBytes(StandardCharsets.UTF_8);
        PreparedAction warm = pipeline.prepare(Cid.of(warmUpCode), WARM_UP);
        pool = new EnginePool(settings, limits, w -> {
            for (int i = 0; i < settings.warmUp(); i++) {
                try {
                    run(w, warm, ExecutionRequest.of(WARM_UP, null, ActionHost.REFUSE_ALL), false);
                } catch (ActionFailure e) {
                    LOG.log(Level.WARNING, "engine warm-up failed: {0}", e.detail());
                }
            }
        });
    }

    /**
     * Runs {@code request}'s action to completion (its promises and timers included) and returns what it set.
     *
     * @throws ActionFailure for every way the action can fail (limits, script errors, refused code, busy pool)
     * @throws IllegalArgumentException if the request's CID does not match its code
     */
    public ExecutionResult execute(ExecutionRequest request) {
        init();
        long start = System.nanoTime();
        byte[] bytes = request.code().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limits.codeSize()) {
            throw new ActionFailure.CodeSizeExceeded("");
        }
        Cid cid = Cid.of(bytes);
        if (request.cid() != null && !request.cid().equals(cid)) {
            throw new IllegalArgumentException("the request's CID does not match its code");
        }
        if (request.callDepth() > limits.callDepth()) {
            throw new ActionFailure.CallDepthExceeded("");
        }
        PreparedAction prepared = prepare(cid, request.code());
        Worker current = Worker.current();
        if (current != null) {
            // A child action (Lit.Actions.call) runs on its parent's thread and engine, in a fresh global of its
            // own: borrowing another engine per level could exhaust the pool and deadlock. The parent's deadline
            // still bounds it, and if the child poisons the engine the parent's engine is replaced afterwards.
            Execution ex = new Execution(request, cid, new Budget(limits, System.nanoTime()), fetcher);
            CompiledScript script = current.sandbox().compile(prepared);
            current.sandbox().run(script, ex);
            return new ExecutionResult(true, ex.response(), ex.logs(), cid,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        Worker worker;
        try {
            worker = pool.borrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionFailure.EngineBusy();
        }
        if (worker == null) {
            throw new ActionFailure.EngineBusy();
        }
        Execution ex = run(worker, prepared, request, true);
        return new ExecutionResult(true, ex.response(), ex.logs(), cid, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Transpiles on a cache miss, on the transpiler thread (a large stack for Closure's recursion) and no longer
     * than the wall-clock limit: past it the caller gets {@code WallTimeExceeded} while the transpile finishes in
     * the background and fills the cache (Closure cannot be interrupted).
     */
    private PreparedAction prepare(Cid cid, String code) {
        PreparedAction cached = pipeline.cached(cid);
        if (cached != null) {
            return cached;
        }
        Future<PreparedAction> job = transpiler.submit(() -> pipeline.prepare(cid, code));
        try {
            return job.get(limits.wallTime().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ActionFailure.WallTimeExceeded("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionFailure.WallTimeExceeded("");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ActionFailure af) {
                throw af;
            }
            LOG.log(Level.FINE, "transpiling failed", e.getCause());
            throw new ActionFailure.SyntaxError("the action could not be transpiled");
        }
    }

    /** Runs on {@code worker} and returns it to the pool; the caller stops waiting at the deadline plus grace. */
    private Execution run(Worker worker, PreparedAction prepared, ExecutionRequest request, boolean pooled) {
        CompletableFuture<Execution> started = new CompletableFuture<>();
        boolean abandoned = false;
        try {
            Future<Void> done = worker.submit(() -> {
                try {
                    CompiledScript script = worker.sandbox().compile(prepared);
                    worker.sandbox().prepareNext(); // normally done while idle; never charged to the action
                    Execution ex = new Execution(request, prepared.cid(), new Budget(limits, System.nanoTime()),
                            fetcher);
                    started.complete(ex);
                    worker.sandbox().run(script, ex);
                } finally {
                    started.complete(null);
                }
                return null;
            });
            Execution ex;
            try {
                ex = started.get(COMPILE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                abandoned = true;
                throw new ActionFailure.WallTimeExceeded("");
            }
            long wait = ex == null ? COMPILE_TIMEOUT.toNanos()
                    : ex.budget().remaining().toNanos() + GRACE.toNanos();
            try {
                done.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                abandoned = true;
                ex.budget().trip(Limit.WALL_TIME);
                throw ActionFailure.of(ex.budget().tripped(), ex.logs());
            }
            return ex;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ActionFailure af) {
                throw af;
            }
            LOG.log(Level.WARNING, "action engine failure", cause);
            abandoned = true;
            throw new ActionFailure.ScriptError("internal error", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned = true;
            throw new ActionFailure.WallTimeExceeded("");
        } finally {
            if (pooled) {
                pool.release(worker, abandoned);
            } else if (abandoned) {
                worker.sandbox().poison();
            }
        }
    }

    /** The limits in force (parsed configuration). */
    public Limits limits() {
        init();
        return limits;
    }

    /** The pool (tests check it stays healthy). */
    public EnginePool pool() {
        init();
        return pool;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
            transpiler.shutdownNow();
        }
    }
}
