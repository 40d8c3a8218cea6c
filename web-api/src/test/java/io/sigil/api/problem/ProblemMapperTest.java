package io.sigil.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigil.api.model.ExecuteRequest;
import io.sigil.engine.api.ActionFailure;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import jakarta.ejb.EJBException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one mapper's two vocabularies, and body checks that name the field. */
class ProblemMapperTest {

    @Test
    void anActionFailureKeepsItsTypeStatusTitleDetailAndLogs() {
        ProblemMapper.Problem p = ProblemMapper.problemOf(new ActionFailure.ScriptError("bad input", "line 1\nline 2"));
        assertEquals("https://sigil.dev/problems/action/script-error", p.type());
        assertEquals(422, p.status());
        assertEquals("The action threw an error", p.title());
        assertEquals("bad input", p.detail());
        assertEquals(Map.of("logs", "line 1\nline 2"), p.extensions());

        assertEquals(413, ProblemMapper.problemOf(new ActionFailure.CodeSizeExceeded("")).status());
        ProblemMapper.Problem busy = ProblemMapper.problemOf(new EJBException(new ActionFailure.EngineBusy()));
        assertEquals(503, busy.status());
        assertEquals("https://sigil.dev/problems/engine/busy", busy.type());
        assertEquals("https://sigil.dev/problems/limit/wall-time",
                ProblemMapper.problemOf(new ActionFailure.WallTimeExceeded("")).type());
    }

    @Test
    void sigilsOwnProblemsAndEverythingElseAreAsBefore() {
        ProblemMapper.Problem p = ProblemMapper.problemOf(new SigilException(ProblemType.NOT_PERMITTED, "no",
                Map.of("logs", "x")));
        assertEquals("https://sigil.dev/problems/not-permitted", p.type());
        assertEquals(403, p.status());
        assertEquals(Map.of("logs", "x"), p.extensions());
        ProblemMapper.Problem internal = ProblemMapper.problemOf(new IllegalStateException("secret internals"));
        assertEquals(500, internal.status());
        assertEquals("the node failed to handle the request; see its log", internal.detail());
    }

    @Test
    void jsParamsThatIsNotAnObjectIsA400NamingIt() {
        SigilException e = assertThrows(SigilException.class, () -> Bodies.readJson(body(
                "{\"requestId\":\"0x00\",\"jsParams\":[1,2]}"), 1000, ExecuteRequest.class, "jsParams"));
        assertEquals("jsParams", e.extensions().get("field"));
        ExecuteRequest ok = Bodies.readJson(body("{\"code\":\"1\",\"jsParams\":{\"n\":97}}"), 1000,
                ExecuteRequest.class, "jsParams");
        assertEquals("1", ok.code());
        assertEquals(97, ((Number) ok.jsParams().get("n")).intValue());
        assertEquals("body", assertThrows(SigilException.class, () -> Bodies.readJson(body("[1]"), 1000,
                ExecuteRequest.class, "jsParams")).extensions().get("field"));
    }

    private static ByteArrayInputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
