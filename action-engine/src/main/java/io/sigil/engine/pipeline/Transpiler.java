package io.sigil.engine.pipeline;

import com.google.javascript.jscomp.CompilationLevel;
import com.google.javascript.jscomp.Compiler;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.JSError;
import com.google.javascript.jscomp.Result;
import com.google.javascript.jscomp.SourceFile;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lowers modern JavaScript to the ES5 Nashorn runs, with Google Closure Compiler in whitespace-only mode (no
 * renaming, no dead-code removal: the action's own semantics survive). The sandbox prelude is compiled in front of
 * the action so both share one set of injected polyfills, and the Promise polyfill is always injected because the
 * action API returns promises even to code that never names {@code Promise}.
 */
final class Transpiler {

    static final String ACTION_FILE = "action.js";

    /** The code could not be lowered; the message names line and column in the action's own source. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Closure's whitespace-only mode lowers syntax but does not inject the helpers the lowered code calls
     * ({@code $jscomp.makeIterator}, the generator engine behind async functions...), so they are always injected;
     * polyfills of library functions ({@code Array.from}, {@code Object.assign}...) are injected per action as used.
     */
    private static final List<String> RUNTIME = List.of("es6/promise", "es6/symbol", "es6/execute_async_generator",
            "es6/generator_engine", "es6/async_generator_wrapper", "es6/util/makeiterator", "es6/util/makeasynciterator",
            "es6/util/arrayfromiterable", "es6/util/arrayfromiterator", "es6/util/iteratorfromarray",
            "es6/util/inherits", "es6/util/construct", "es6/util/setprototypeof", "es6/util/restarguments",
            "es6/util/createtemplatetagfirstarg", "es6/util/assign", "es6/object/assign", "es6/array/from");

    /** Closure's table of polyfills, by the last segment of the name they provide ({@code from}, {@code Map}...). */
    private static final Map<String, Set<String>> POLYFILLS = polyfills();
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private static Map<String, Set<String>> polyfills() {
        Map<String, Set<String>> byName = new HashMap<>();
        String table = Pipeline.resource("/com/google/javascript/jscomp/js/polyfills.txt");
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4) {
                String name = f[0].substring(f[0].lastIndexOf('.') + 1);
                byName.computeIfAbsent(name, k -> new TreeSet<>()).add(f[3]);
            }
        }
        return byName;
    }

    /**
     * The always-needed runtime plus every polyfill whose name appears as a word in the code (an over-approximation:
     * {@code x.from} brings {@code Array.from}; polyfills install only where the engine lacks the function).
     */
    static List<String> librariesFor(String code) {
        Set<String> libs = new LinkedHashSet<>(RUNTIME);
        Set<String> seen = new HashSet<>();
        Matcher m = WORD.matcher(code);
        while (m.find()) {
            String w = m.group();
            if (seen.add(w)) {
                Set<String> l = POLYFILLS.get(w);
                if (l != null) {
                    libs.addAll(l);
                }
            }
        }
        return new ArrayList<>(libs);
    }

    private Transpiler() {
    }

    static String transpile(String prelude, String code) throws Refused {
        Compiler compiler = new Compiler(new PrintStream(OutputStream.nullOutputStream()));
        CompilerOptions options = new CompilerOptions();
        CompilationLevel.WHITESPACE_ONLY.setOptionsForCompilationLevel(options);
        options.setLanguageIn(LanguageMode.UNSTABLE); // ES_NEXT plus class fields, which Closure still files under unstable
        options.setLanguageOut(LanguageMode.ECMASCRIPT5);
        options.setEmitUseStrict(false);
        options.setPrettyPrint(true);
        options.setRewritePolyfills(true);
        options.setForceLibraryInjection(librariesFor(code));
        Result result = compiler.compile(List.of(SourceFile.fromCode("externs.js", "")),
                List.of(SourceFile.fromCode("prelude.js", prelude), SourceFile.fromCode(ACTION_FILE, code)),
                options);
        if (!result.success || !result.errors.isEmpty()) {
            throw new Refused(result.errors.stream().limit(5).map(Transpiler::describe)
                    .collect(Collectors.joining("; ")));
        }
        return compiler.toSource();
    }

    private static String describe(JSError e) {
        String where = ACTION_FILE.equals(e.getSourceName())
                ? "line " + e.getLineNumber() + ":" + (e.getCharno() + 1) + ": " : "";
        return where + e.getDescription();
    }
}
