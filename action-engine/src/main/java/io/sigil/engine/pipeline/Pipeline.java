package io.sigil.engine.pipeline;

import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.api.ActionFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.nashorn.api.tree.CompilationUnitTree;
import org.openjdk.nashorn.api.tree.Diagnostic;
import org.openjdk.nashorn.api.tree.Parser;

/**
 * Turns action code into a {@link PreparedAction}: transpile (Closure) -> instrument -> verify (re-parse), once per
 * CID. The cache is a bounded LRU shared by every engine of the pool; losing an entry only costs a re-transpile.
 */
public final class Pipeline {

    /** Options of both parses: ES5 (the default), no Nashorn syntax extensions, empty statements kept as nodes. */
    public static final String[] PARSER_OPTIONS = {"--no-syntax-extensions", "--empty-statements"};

    private static final String PRELUDE_RESOURCE = "/io/sigil/engine/sandbox/prelude.js";

    private final Map<Cid, PreparedAction> cache;
    private static String runtime;

    /**
     * The sandbox runtime every fresh global runs before its action: the Promise polyfill and the action API
     * (prelude.js), lowered and instrumented like an action. Built once per JVM.
     */
    public static synchronized String runtimeSource() {
        if (runtime == null) {
            try {
                runtime = instrumentAndVerify("sigil-runtime.js",
                        Transpiler.compile(resource(PRELUDE_RESOURCE), "", java.util.Set.of("es6/promise")));
            } catch (Transpiler.Refused e) {
                throw new IllegalStateException("the sandbox prelude does not compile: " + e.getMessage());
            }
        }
        return runtime;
    }

    public Pipeline(int cacheSize) {
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Cid, PreparedAction> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** The prepared form of {@code cid} if it is cached. */
    public PreparedAction cached(Cid cid) {
        synchronized (cache) {
            return cache.get(cid);
        }
    }

    /** The prepared form of {@code code}, whose CID is {@code cid}; transpiles on a cache miss. */
    public PreparedAction prepare(Cid cid, String code) {
        synchronized (cache) {
            PreparedAction hit = cache.get(cid);
            if (hit != null) {
                return hit;
            }
        }
        if (code.contains(Reserved.PREFIX)) {
            throw new ActionFailure.SyntaxError("the name prefix " + Reserved.PREFIX + " is reserved");
        }
        String es5;
        try {
            es5 = Transpiler.transpile(wrap(code));
        } catch (Transpiler.Refused e) {
            throw new ActionFailure.SyntaxError(e.getMessage());
        }
        PreparedAction prepared = new PreparedAction(cid, instrumentAndVerify(cid + ".js", es5));
        synchronized (cache) {
            cache.put(cid, prepared);
        }
        return prepared;
    }

    /**
     * The action lowered to ES5 with its polyfills, without prelude, wrapper or instrumentation: what an unsandboxed
     * Nashorn would need to run it (benchmark baselines).
     */
    public static String lowerOnly(String code) {
        try {
            java.util.Set<String> libs = new java.util.LinkedHashSet<>(java.util.List.of("es6/promise"));
            libs.addAll(Transpiler.polyfillsFor(code));
            libs.addAll(Transpiler.helpersFor(Transpiler.compile("", code, libs)));
            return Transpiler.compile("", code, libs);
        } catch (Transpiler.Refused e) {
            throw new ActionFailure.SyntaxError(e.getMessage());
        }
    }

    /**
     * Runs the action's code as the body of a function, async if the code mentions {@code await} (as Lit does:
     * top-level {@code await} works); what it declares stays out of the global object. An error it throws fails
     * the execution (as a script error, or as an unhandled rejection). No newline is added in front, so line
     * numbers stay.
     */
    static String wrap(String code) {
        // Without await the body need not be async: the lowered async machinery costs every execution ~0.2 ms.
        return (AWAIT.matcher(code).find() ? "(async () => {" : "(() => {") + code + "\n})();";
    }

    private static final java.util.regex.Pattern AWAIT = java.util.regex.Pattern.compile("\\bawait\\b");

    /** Instruments ES5 source and proves the result fully instrumented; also used for the sandbox's own scripts. */
    public static String instrumentAndVerify(String name, String es5) {
        CompilationUnitTree unit = parse(name, es5);
        String instrumented = Instrumenter.instrument(es5, unit);
        try {
            Verifier.verify(parse(name, instrumented));
        } catch (Verifier.Unverified e) {
            throw new ActionFailure.SyntaxError("the action could not be instrumented (" + e.getMessage() + ")");
        }
        return instrumented;
    }

    public int cachedCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private static CompilationUnitTree parse(String name, String source) {
        StringBuilder errors = new StringBuilder();
        CompilationUnitTree unit = Parser.create(PARSER_OPTIONS).parse(name, source, (Diagnostic d) -> {
            if (d.getKind() == Diagnostic.Kind.ERROR && errors.isEmpty()) {
                errors.append(d.getMessage());
            }
        });
        if (unit == null || !errors.isEmpty()) {
            throw new ActionFailure.SyntaxError("the lowered action does not parse as ES5: " + errors);
        }
        return unit;
    }

    /** A UTF-8 text resource of this module (an absolute path); missing is a packaging error. */
    public static String resource(String path) {
        try (InputStream in = Pipeline.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
