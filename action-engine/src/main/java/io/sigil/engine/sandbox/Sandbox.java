package io.sigil.engine.sandbox;

import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.limits.Limit;
import io.sigil.engine.limits.LimitTripped;
import io.sigil.engine.pipeline.Pipeline;
import io.sigil.engine.pipeline.PreparedAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.NashornException;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * One Nashorn engine locked down for actions, used by one worker thread at a time. Each execution gets a fresh
 * global, prepared while the engine is idle (kernel, then the runtime: Promise polyfill and action API); the
 * execution binds it, runs the action's compiled script (its polyfills, then the action) and drains the timer and
 * promise-job queue. Compiled scripts are cached per engine by CID. After a limit trip, a stack overflow, an
 * out-of-memory or an abandoned run the engine reports itself {@link #poisoned()} and the pool replaces it.
 */
public final class Sandbox {

    /** No Java access, plain ES5 (actions arrive lowered), none of Nashorn's syntax extensions. */
    static final String[] ENGINE_OPTIONS = {"--no-java", "--language=es5", "--no-syntax-extensions", "--lazy-compilation=false"};

    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    private static final String KERNEL_RESOURCE = "/io/sigil/engine/sandbox/kernel.js";
    private static final String KERNEL_SOURCE = read(KERNEL_RESOURCE);
    private static final int MESSAGE_CAP = 2000;

    private final ScriptEngine engine;
    private final CompiledScript kernel;
    private final CompiledScript runtime;
    private final Map<Cid, CompiledScript> compiled;
    private volatile boolean poisoned;

    private final io.sigil.engine.limits.Limits limits;

    public Sandbox(int compiledCacheSize, io.sigil.engine.limits.Limits limits) {
        this.limits = limits;
        engine = new NashornScriptEngineFactory().getScriptEngine(ENGINE_OPTIONS, new SandboxClassLoader(),
                className -> false);
        try {
            engine.put(ScriptEngine.FILENAME, "sigil-kernel.js");
            kernel = ((Compilable) engine).compile(KERNEL_SOURCE);
            engine.put(ScriptEngine.FILENAME, "sigil-runtime.js");
            runtime = ((Compilable) engine).compile(Pipeline.runtimeSource());
        } catch (ScriptException e) {
            throw new IllegalStateException("the sandbox kernel does not compile", e);
        }
        compiled = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Cid, CompiledScript> eldest) {
                return size() > compiledCacheSize;
            }
        };
    }

    /** Compiles {@code action} for this engine unless it already is; call before the execution's budget starts. */
    public CompiledScript compile(PreparedAction action) {
        CompiledScript script = compiled.get(action.cid());
        if (script == null) {
            try {
                engine.put(ScriptEngine.FILENAME, action.scriptName());
                script = ((Compilable) engine).compile(action.source());
            } catch (ScriptException e) {
                throw new ActionFailure.SyntaxError("the action does not compile");
            }
            compiled.put(action.cid(), script);
        }
        return script;
    }

    /** A fresh global with the kernel already run, waiting for its execution. */
    private record Fresh(Bindings global, Bridge bridge) {
    }

    private Fresh next;

    /**
     * Builds the next execution's global (a new Nashorn global, then the kernel) ahead of time, so an execution
     * starts with it ready; called on the worker thread while the engine is idle. The global is used once.
     */
    public void prepareNext() {
        if (next == null && !poisoned) {
            next = fresh();
        }
    }

    private Fresh fresh() {
        Bindings global = engine.createBindings();
        Bridge bridge = new Bridge(limits);
        global.put("$sigil$bridge", bridge);
        try {
            kernel.eval(global);
            runtime.eval(global);
        } catch (ScriptException e) {
            throw new IllegalStateException("the sandbox kernel failed", e);
        }
        return new Fresh(global, bridge);
    }

    /** Runs one execution on the calling thread; returns normally only if the action completed within limits. */
    public void run(CompiledScript script, Execution ex) {
        Fresh f = next != null ? next : fresh();
        next = null;
        try {
            f.bridge().bind(ex);
            script.eval(f.global());
            f.bridge().drain();
        } catch (ScriptException | RuntimeException | Error e) {
            throw classify(e, ex);
        }
        Limit tripped = ex.budget().tripped();
        if (tripped != null) {
            poisoned = true;
            throw ActionFailure.of(tripped, ex.logs());
        }
        if (ex.unhandledRejection() != null) {
            throw new ActionFailure.ScriptError(cap(ex.unhandledRejection()), ex.logs());
        }
    }

    private ActionFailure classify(Throwable e, Execution ex) {
        Limit limit = ex.budget().tripped();
        NashornException script = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StackOverflowError) {
                limit = limit == null ? Limit.STACK_DEPTH : limit;
            } else if (t instanceof OutOfMemoryError) {
                limit = limit == null ? Limit.ALLOCATED_BYTES : limit;
            } else if (t instanceof ThreadDeath) {
                limit = limit == null ? Limit.WALL_TIME : limit;
            } else if (t instanceof NashornException ne && script == null) {
                script = ne;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (limit != null || e instanceof LimitTripped) {
            poisoned = true;
            return ActionFailure.of(limit == null ? Limit.WALL_TIME : limit, ex.logs());
        }
        if (e instanceof ActionFailure af) {
            return af;
        }
        if (script != null) {
            return new ActionFailure.ScriptError(cap(script.getMessage()), ex.logs());
        }
        LOG.log(Level.WARNING, "action failed inside the engine", e);
        poisoned = true;
        return new ActionFailure.ScriptError("internal error", ex.logs());
    }

    private static String cap(String message) {
        String m = message == null ? "Error" : message;
        return m.length() > MESSAGE_CAP ? m.substring(0, MESSAGE_CAP) + "..." : m;
    }

    /** The engine must not be reused. */
    public boolean poisoned() {
        return poisoned;
    }

    public void poison() {
        poisoned = true;
    }

    private static String read(String resource) {
        try (var in = Sandbox.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing " + resource, e);
        }
    }
}
