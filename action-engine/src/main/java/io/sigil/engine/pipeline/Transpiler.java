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
 * renaming, no dead-code removal: the action's own semantics survive), injecting the polyfills and lowering
 * helpers the action needs. The Promise polyfill is not among them: the sandbox runtime installs it in every
 * global, because the action API returns promises even to code that never names {@code Promise}.
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
     * ({@code $jscomp.makeIterator}, the generator engine behind async functions...): the second pass injects the
     * ones the first pass's output calls, or all of these if it calls one not in {@link #HELPERS}. Polyfills of
     * library functions ({@code Array.from}, {@code Object.assign}...) are injected as the code names them.
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
     * Every polyfill whose name appears as a word in the code (an over-approximation:
     * {@code x.from} brings {@code Array.from}; polyfills install only where the engine lacks the function).
     */
    static Set<String> polyfillsFor(String code) {
        Set<String> libs = new LinkedHashSet<>();
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
        return libs;
    }

    private Transpiler() {
    }

    static String transpile(String code) throws Refused {
        // Pass 1 with the polyfills the code names; then only the helpers the lowered code calls: each one costs
        // time in every execution, so a trivial action should carry none. (Promise comes with the runtime.)
        Set<String> libs = new LinkedHashSet<>(polyfillsFor(code));
        String out = compile("", code, libs);
        // injected helpers may call further ones (the generator engine uses Symbol): repeat until nothing is new
        for (int pass = 0; pass < 4; pass++) {
            Set<String> more = helpersFor(out);
            if (libs.containsAll(more)) {
                return out;
            }
            libs.addAll(more);
            out = compile("", code, libs);
        }
        libs.addAll(RUNTIME);
        return compile("", code, libs);
    }

    /** Helpers of Closure's lowering ($jscomp.NAME) and the runtime library that defines each. */
    private static final Map<String, String> HELPERS = Map.ofEntries(
            Map.entry("makeIterator", "es6/util/makeiterator"),
            Map.entry("arrayFromIterable", "es6/util/arrayfromiterable"),
            Map.entry("arrayFromIterator", "es6/util/arrayfromiterator"),
            Map.entry("iteratorFromArray", "es6/util/iteratorfromarray"),
            Map.entry("inherits", "es6/util/inherits"),
            Map.entry("construct", "es6/util/construct"),
            Map.entry("setPrototypeOf", "es6/util/setprototypeof"),
            Map.entry("getRestArguments", "es6/util/restarguments"),
            Map.entry("createTemplateTagFirstArg", "es6/util/createtemplatetagfirstarg"),
            Map.entry("createTemplateTagFirstArgWithRaw", "es6/util/createtemplatetagfirstarg"),
            Map.entry("makeAsyncIterator", "es6/util/makeasynciterator"),
            Map.entry("AsyncGeneratorWrapper", "es6/async_generator_wrapper"),
            Map.entry("asyncExecutePromiseGenerator", "es6/execute_async_generator"),
            Map.entry("asyncExecutePromiseGeneratorFunction", "es6/execute_async_generator"),
            Map.entry("asyncExecutePromiseGeneratorProgram", "es6/execute_async_generator"),
            Map.entry("generator", "es6/generator_engine"),
            Map.entry("assign", "es6/util/assign"));
    private static final Pattern HELPER = Pattern.compile("\\$jscomp\\.([A-Za-z_$][A-Za-z0-9_$]*)");
    private static final Pattern DEFINED = Pattern.compile("\\$jscomp\\.([A-Za-z_$][A-Za-z0-9_$]*)\\s*=[^=]");
    /** Library functions the lowering itself introduces, spelled as in its output. */
    private static final Map<String, String> LOWERING_POLYFILLS = Map.of("Object.assign(", "es6/object/assign",
            "Array.from(", "es6/array/from", "Symbol", "es6/symbol", "Reflect.construct", "es6/reflect/construct",
            "Object.setPrototypeOf", "es6/object/setprototypeof");

    /** What the lowered code calls that pass 1 did not bring; everything if it calls a helper we do not know. */
    static Set<String> helpersFor(String lowered) {
        Set<String> defined = new HashSet<>();
        Matcher d = DEFINED.matcher(lowered);
        while (d.find()) {
            defined.add(d.group(1));
        }
        Set<String> libs = new LinkedHashSet<>();
        Matcher m = HELPER.matcher(lowered);
        while (m.find()) {
            String name = m.group(1);
            if (defined.contains(name)) {
                continue;
            }
            String lib = HELPERS.get(name);
            if (lib == null) {
                return new LinkedHashSet<>(RUNTIME);
            }
            libs.add(lib);
        }
        LOWERING_POLYFILLS.forEach((spelling, lib) -> {
            if (lowered.contains(spelling)) {
                libs.add(lib);
            }
        });
        return libs;
    }

    static String compile(String prelude, String code, Set<String> libs) throws Refused {
        Compiler compiler = new Compiler(new PrintStream(OutputStream.nullOutputStream()));
        CompilerOptions options = new CompilerOptions();
        CompilationLevel.WHITESPACE_ONLY.setOptionsForCompilationLevel(options);
        options.setLanguageIn(LanguageMode.UNSTABLE); // ES_NEXT plus class fields, which Closure still files under unstable
        options.setLanguageOut(LanguageMode.ECMASCRIPT5);
        options.setEmitUseStrict(false);
        options.setPrettyPrint(true);
        options.setRewritePolyfills(true);
        options.setForceLibraryInjection(List.copyOf(libs));
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
