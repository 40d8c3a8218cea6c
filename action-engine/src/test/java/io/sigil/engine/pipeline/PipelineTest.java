package io.sigil.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.api.ActionFailure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static String instrument(String es5) {
        return Pipeline.instrumentAndVerify("t.js", es5);
    }

    @Test
    void checksOpenFunctionsLoopsAndFinally() {
        String out = instrument("function f(){ 'use strict'; return 1; } while (x) y(); for (;;) {} do z(); while (w);"
                + " try { a(); } catch (e) { b(); } finally { c(); }");
        String check = "if(--$sigil$k[0]<0)$sigil$c();";
        assertTrue(out.contains("'use strict';" + check), out);
        assertTrue(out.contains("while (x) {" + check + "y();}"), out);
        assertTrue(out.contains("for (;;) {" + check + "}"), out);
        assertTrue(out.contains("catch (e) {e=$sigil$r(e);"), out);
        assertTrue(out.contains("finally {" + check), out);
        assertTrue(out.startsWith("(function(){var $sigil$c=this.$sigil$c;var $sigil$r=this.$sigil$r;"), out);
    }

    @Test
    void concatenationOfTwoNonLiteralsIsChecked() {
        assertTrue(instrument("var s = a + b;").contains("$sigil$a(a , b)"));
        String longLiteral = "'" + "x".repeat(Reserved.SHORT_LITERAL + 1) + "'";
        assertTrue(instrument("var s = " + longLiteral + " + (c) + 'de';").contains("$sigil$a(" + longLiteral + " , (c)) + 'de'"));

        assertTrue(instrument("s += t;").contains("s =$sigil$a(s, t)"));
        assertTrue(instrument("o.p += t;").contains("$sigil$A(o,\"p\", t)"));
        assertTrue(instrument("o[k()] += t;").contains("$sigil$A(o,k(), t)"));
        assertTrue(instrument("i = i + 1; s += 'x';").contains("i = i + 1; s += 'x';"));
        assertTrue(instrument("t = s + i * i; u = s + (a < b); v += -w;").contains("t = s + i * i; u = s + (a < b); v += -w;"));
        // Nashorn starts a chained call at its arguments: the check must still wrap the whole operand
        assertTrue(instrument("x = a.b().c(1) + y;").contains("x = $sigil$a(a.b().c(1) , y);"));
        assertTrue(instrument("x = a['b'](2).c[0].d(3) + y;").contains("x = $sigil$a(a['b'](2).c[0].d(3) , y);"));
        assertTrue(instrument("x = (a).b(1)(2) + y;").contains("x = $sigil$a((a).b(1)(2) , y);"));
        assertTrue(instrument("x = [3, 1].sort().join('-') + ' ' + s.length;")
                .contains("x = $sigil$a([3, 1].sort().join('-') + ' ' , s.length);"));
        assertTrue(instrument("x = f().g[h()](1) + y;").contains("x = $sigil$a(f().g[h()](1) , y);"));
    }

    @Test
    void verifierRefusesWhatInstrumentationWouldNotCover() throws Verifier.Unverified {
        assertThrows(Verifier.Unverified.class, () -> Verifier.verify(parse("while (true) {}")));
        String head = "(function(){var $sigil$c=this.$sigil$c;var $sigil$r=this.$sigil$r;var $sigil$a=this.$sigil$a;"
                + "var $sigil$A=this.$sigil$A;var $sigil$k=this.$sigil$k;";
        String tail = "}).call(this);";
        assertThrows(Verifier.Unverified.class, () -> Verifier.verify(parse(
                "(function($sigil$c){ while (true) {} }).call(this, function(){});")));
        Verifier.verify(parse(head + "while (true) {if(--$sigil$k[0]<0)$sigil$c();}" + tail));
        assertThrows(Verifier.Unverified.class, () -> Verifier.verify(parse(head + "while (true) {}" + tail)));
        assertThrows(Verifier.Unverified.class, () -> Verifier.verify(parse(head + "$sigil$c = null;" + tail)));
        assertThrows(Verifier.Unverified.class, () -> Verifier.verify(parse(head + "$sigil$k[0] = 1e9;" + tail)));
        assertThrows(Verifier.Unverified.class, () -> Verifier.verify(parse(head + "var f = $sigil$c;" + tail)));
        assertThrows(Verifier.Unverified.class, () -> Verifier.verify(parse(
                head + "while (true) {if(--$sigil$k[0]<1)$sigil$c();}" + tail)));
        assertThrows(ActionFailure.SyntaxError.class, () -> instrument("with (o) { f(); }"));
        assertThrows(ActionFailure.SyntaxError.class, () -> instrument("function g($sigil$c) { }"));
    }

    private static org.openjdk.nashorn.api.tree.CompilationUnitTree parse(String s) {
        return org.openjdk.nashorn.api.tree.Parser.create(Pipeline.PARSER_OPTIONS).parse("t.js", s, d -> { });
    }

    @Test
    void cacheByCidAndBounded() {
        Pipeline p = new Pipeline(2);
        String code = "Lit.Actions.setResponse({ response: 'x' });";
        Cid cid = Cid.of(code.getBytes(StandardCharsets.UTF_8));
        PreparedAction a = p.prepare(cid, code);
        assertSame(a, p.prepare(cid, code));
        for (int i = 0; i < 3; i++) {
            String other = "var v" + i + " = 1;";
            p.prepare(Cid.of(other.getBytes(StandardCharsets.UTF_8)), other);
        }
        assertEquals(2, p.cachedCount());
    }

    @Test
    void syntaxErrorsNameTheActionsLine() {
        ActionFailure.SyntaxError e = assertThrows(ActionFailure.SyntaxError.class,
                () -> new Pipeline(4).prepare(Cid.of(new byte[] {1}), "const a = 1;\nconst = ;"));
        assertTrue(e.detail().startsWith("line 2:"), e.detail());
        assertEquals(422, e.status());
    }

    @Test
    void polyfillsFollowTheNamesUsed() {
        assertTrue(Transpiler.polyfillsFor("x.padStart(3)").contains("es6/string/padstart"));
        assertTrue(!Transpiler.polyfillsFor("x.y(3)").contains("es6/string/padstart"));
    }
}
