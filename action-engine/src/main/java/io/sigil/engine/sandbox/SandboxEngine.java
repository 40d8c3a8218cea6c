package io.sigil.engine.sandbox;

import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.pipeline.Pipeline;
import io.sigil.engine.pipeline.PreparedAction;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * The locked-down Nashorn engine that a pool's {@link Sandbox}es share: one Nashorn context, the compiled kernel and
 * runtime, and the compiled actions by CID. Sharing it gives the JVM one set of script classes per pool to profile
 * and compile instead of one per worker (with a context per worker, C2 compiled every worker's copy of the kernel,
 * the runtime and each action on its own: README "C1-only or full JIT"). Executions stay apart as before: each runs
 * in a fresh global of its own, and Nashorn's compiled scripts are made to be evaluated in many globals. Compiling
 * and creating globals go through this object's lock; running does not.
 */
public final class SandboxEngine {

    /** No Java access, plain ES5 (actions arrive lowered), none of Nashorn's syntax extensions. */
    static final String[] ENGINE_OPTIONS = {"--no-java", "--language=es5", "--no-syntax-extensions",
        "--lazy-compilation=false"};

    private static final String KERNEL_RESOURCE = "/io/sigil/engine/sandbox/kernel.js";
    private static final String KERNEL_SOURCE = Pipeline.resource(KERNEL_RESOURCE);

    private final ScriptEngine engine;
    final CompiledScript kernel;
    final CompiledScript runtime;
    private final Map<Cid, CompiledScript> compiled;

    public SandboxEngine(int compiledCacheSize) {
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

    /** {@code action} compiled in this engine, compiling it unless it already is. */
    synchronized CompiledScript compile(PreparedAction action) {
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

    /** A new, empty Nashorn global of this engine. */
    synchronized Bindings newGlobal() {
        return engine.createBindings();
    }
}
