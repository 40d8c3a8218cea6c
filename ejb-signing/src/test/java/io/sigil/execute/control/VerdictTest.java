package io.sigil.execute.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.limits.Limit;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.transport.PeerUnavailableException;
import io.sigil.transport.SessionTimeoutException;
import io.sigil.node.NodeIndex;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gateway's judgement of its participants' answers (signature combination is covered by the in-JVM tests). */
class VerdictTest {
    static final RequestId ID = RequestId.random();

    static ParticipantAnswer ok(int i, String response) {
        return ParticipantAnswer.success(i, 10, new ExecuteResponse(true, response, "log " + i, Map.of(), Map.of(),
                Map.of()));
    }

    static ParticipantAnswer failed(int i, RuntimeException e) {
        return ParticipantAnswer.failure(i, 10, e instanceof ActionFailure f ? Problem.of(f)
                : Problem.of((SigilException) e));
    }

    static Verdict.Failed failure(Verdict v) {
        return assertInstanceOf(Verdict.Failed.class, v);
    }

    @Test
    void agreeingParticipantsGiveTheResponseTheLowestIndexsLogsAndEveryOutcome() {
        Verdict v = Verdict.of(ID, List.of(ok(3, "r"), ok(1, "r"), ok(2, "r")));
        NetworkExecuteResponse r = assertInstanceOf(Verdict.Agreed.class, v).response();
        assertEquals("r", r.response());
        assertEquals("log 1", r.logs());
        assertTrue(r.signatures().isEmpty());
        assertEquals(List.of(1, 2, 3), r.nodes().stream().map(NetworkExecuteResponse.NodeOutcome::index).toList());
    }

    @Test
    void differentResponsesAre502AndNotRetried() {
        Verdict.Failed f = failure(Verdict.of(ID, List.of(ok(1, "a"), ok(2, "a"), ok(3, "b"))));
        SigilException e = assertInstanceOf(SigilException.class, f.problem());
        assertEquals(ProblemType.PARTICIPANTS_DISAGREE, e.type());
        assertEquals(502, e.type().status());
        assertFalse(f.retryable());
        assertTrue(e.extensions().containsKey("nodes"));
    }

    @Test
    void anActionThatFailedAlikeEverywhereIsPassedOnAsItIs() {
        Verdict.Failed f = failure(Verdict.of(ID, List.of(
                failed(1, new ActionFailure.ScriptError("boom", "before")),
                failed(2, new ActionFailure.ScriptError("boom", "before")),
                failed(3, new ActionFailure.ScriptError("boom", "before")))));
        ActionFailure e = assertInstanceOf(ActionFailure.ScriptError.class, f.problem());
        assertEquals("boom", e.detail());
        assertEquals("before", e.logs());
        assertFalse(f.retryable());
    }

    @Test
    void aLimitFromAPeerComesBackAsTheSameLimit() {
        Problem remote = Problem.parse(Map.of("type", "https://sigil.dev/problems/limit/wall-time", "status", 422,
                "title", "The action ran longer than the wall-clock limit", "detail", "x", "logs", "l"));
        ActionFailure e = assertInstanceOf(ActionFailure.LimitExceeded.class, remote.revive());
        assertEquals(Limit.WALL_TIME, ((ActionFailure.LimitExceeded) e).limit());
        assertEquals("l", e.logs());
        Problem unknown = Problem.parse(Map.of("type", "https://example.org/whatever", "status", 418));
        assertEquals(ProblemType.PROTOCOL_ABORTED, ((SigilException) unknown.revive()).type());
        assertEquals(null, Problem.parse(Map.of("title", "no type")));
    }

    @Test
    void aNotPermittedRefusalEverywhereIs403EvenIfTheOthersThenMissedIt() {
        SigilException refused = new SigilException(ProblemType.NOT_PERMITTED, "not a permitted action");
        Verdict.Failed f = failure(Verdict.of(ID, List.of(failed(1, refused), failed(2, refused), failed(3, refused))));
        assertEquals(ProblemType.NOT_PERMITTED, ((SigilException) f.problem()).type());
        // one node refused (it learnt of a revocation first), the others then timed out waiting for it
        Verdict.Failed g = failure(Verdict.of(ID, List.of(failed(1, refused),
                failed(2, new SessionTimeoutException("sign", 1, Set.of(NodeIndex.of(1)))),
                failed(3, new SessionTimeoutException("sign", 1, Set.of(NodeIndex.of(1)))))));
        assertEquals(ProblemType.NOT_PERMITTED, ((SigilException) g.problem()).type());
    }

    @Test
    void oneFailedAndOneSucceededIsADisagreement() {
        Verdict.Failed f = failure(Verdict.of(ID, List.of(ok(1, "a"), ok(2, "a"),
                failed(3, new ActionFailure.ScriptError("only here", "")))));
        assertEquals(ProblemType.PARTICIPANTS_DISAGREE, ((SigilException) f.problem()).type());
    }

    @Test
    void anUnreachableNodeIsRetryableAndNamed() {
        ParticipantAnswer down = ParticipantAnswer.unreachable(3, 5,
                Problem.of(new PeerUnavailableException(NodeIndex.of(3), "did not answer (connection refused)")));
        SigilException missing = new SessionTimeoutException("sign", 1, Set.of(NodeIndex.of(3)));
        Verdict.Failed f = failure(Verdict.of(ID, List.of(failed(1, missing), failed(2, missing), down)));
        assertTrue(f.retryable());
        assertEquals(Set.of(3), f.suspects());
        SigilException e = (SigilException) f.problem();
        assertEquals(ProblemType.PEER_UNAVAILABLE, e.type());
        assertEquals(List.of(3), e.extensions().get("missingNodes"));
    }

    @Test
    void withoutAnUnreachableNodeTheOneTheOthersNameIsTheSuspect() {
        // node 3 answered, but too late for the others' signing session: they name it, it names them
        Verdict.Failed f = failure(Verdict.of(ID, List.of(
                failed(1, new SessionTimeoutException("sign", 1, Set.of(NodeIndex.of(3)))),
                failed(2, new SessionTimeoutException("sign", 1, Set.of(NodeIndex.of(3)))),
                failed(3, new SessionTimeoutException("sign", 2, Set.of(NodeIndex.of(1), NodeIndex.of(2)))))));
        assertTrue(f.retryable());
        assertEquals(Set.of(3), f.suspects());
    }

    @Test
    void aMisbehavingNodeIsPassedOnAs502NamingIt() {
        SigilException bad = new SigilException(ProblemType.PROTOCOL_ABORTED, "node 2 sent a malformed signing message",
                Map.of("node", 2));
        Verdict.Failed f = failure(Verdict.of(ID, List.of(failed(1, bad), ok(2, "x"), failed(3, bad))));
        assertTrue(f.retryable());
        assertEquals(Set.of(2), f.suspects());
        assertEquals(ProblemType.PROTOCOL_ABORTED, ((SigilException) f.problem()).type());
    }
}
