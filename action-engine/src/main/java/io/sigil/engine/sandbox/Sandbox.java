package io.sigil.engine.sandbox;

import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.limits.Limit;
import io.sigil.engine.limits.LimitTripped;
import io.sigil.engine.pipeline.PreparedAction;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.script.Bindings;
import javax.script.CompiledScript;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.NashornException;

/**
 * One worker's view of a {@link SandboxEngine}, used by one worker thread at a time. Each execution gets a fresh
 * global, prepared while the worker is idle (kernel, then the runtime: Promise polyfill and action API); the
 * execution binds it, runs the action's compiled script (its polyfills, then the action) and drains the timer and
 * promise-job queue. After a limit trip, a stack overflow, an out-of-memory or an abandoned run the sandbox reports
 * itself {@link #poisoned()}: the pool replaces the worker, and the shared engine too, since the run may have stopped
 * inside Nashorn's own code.
 */
public final class Sandbox {

    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    private static final int MESSAGE_CAP = 2000;

    private final SandboxEngine engine;
    private volatile boolean poisoned;

    private final io.sigil.engine.limits.Limits limits;

    public Sandbox(SandboxEngine engine, io.sigil.engine.limits.Limits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    /** The engine this sandbox runs in. */
    public SandboxEngine engine() {
        return engine;
    }

    /** Compiles {@code action} for this engine unless it already is; call before the execution's budget starts. */
    public CompiledScript compile(PreparedAction action) {
        return engine.compile(action);
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
        Bindings global = engine.newGlobal();
        Bridge bridge = new Bridge(limits);
        global.put("$sigil$bridge", bridge);
        try {
            engine.kernel.eval(global);
            engine.runtime.eval(global);
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
}
