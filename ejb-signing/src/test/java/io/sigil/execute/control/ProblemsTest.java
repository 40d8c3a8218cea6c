package io.sigil.execute.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.verdict.ParticipantAnswer;
import io.sigil.api.verdict.Problem;
import io.sigil.api.verdict.Verdict;
import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.limits.Limit;
import io.sigil.node.NodeIndex;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.transport.PeerUnavailableException;
import io.sigil.transport.SessionTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The node's exceptions as the shared judgement's problems, and its verdicts back as the node's exceptions. */
class ProblemsTest {
    static final byte[] ID = RequestId.random().bytes();

    static ParticipantAnswer ok(int i, String response) {
        return ParticipantAnswer.success(i, 10, new ExecuteResponse(true, response, "", Map.of(), Map.of(), Map.of()));
    }

    static ParticipantAnswer failed(int i, SigilException e) {
        return ParticipantAnswer.failure(i, 10, Problems.of(e));
    }

    @Test
    void aLimitFromAPeerComesBackAsTheSameLimit() {
        Problem remote = Problem.parse(Map.of("type", "https://sigil.dev/problems/limit/wall-time", "status", 422,
                "title", "The action ran longer than the wall-clock limit", "detail", "x", "logs", "l"));
        ActionFailure e = assertInstanceOf(ActionFailure.LimitExceeded.class, Problems.revive(remote));
        assertEquals(Limit.WALL_TIME, ((ActionFailure.LimitExceeded) e).limit());
        assertEquals("l", e.logs());
        Problem unknown = Problem.parse(Map.of("type", "https://example.org/whatever", "status", 418));
        assertEquals(ProblemType.PROTOCOL_ABORTED, ((SigilException) Problems.revive(unknown)).type());
    }

    @Test
    void anActionFailureSurvivesTheRoundTrip() {
        ActionFailure e = assertInstanceOf(ActionFailure.ScriptError.class,
                Problems.revive(Problems.of(new ActionFailure.ScriptError("boom", "before"))));
        assertEquals("boom", e.detail());
        assertEquals("before", e.logs());
    }

    @Test
    void theJudgementsOwnProblemsAreTheNodesProblemTypes() {
        Problem disagree = ((Verdict.Failed) Verdict.of(ID, List.of(ok(1, "a"), ok(2, "b"), ok(3, "a")))).problem();
        Problem unreachable = ParticipantAnswer.unreachable(3, 1, "node 3 did not answer").problem();
        Problem malformed = ParticipantAnswer.malformed(3, 1, 200).problem();
        Map<Problem, ProblemType> expected = Map.of(disagree, ProblemType.PARTICIPANTS_DISAGREE,
                unreachable, ProblemType.PEER_UNAVAILABLE, malformed, ProblemType.PROTOCOL_ABORTED);
        expected.forEach((problem, type) -> {
            SigilException e = assertInstanceOf(SigilException.class, Problems.revive(problem));
            assertEquals(type, e.type());
            assertEquals(type.title(), problem.title());
            assertEquals(problem.detail(), e.detail());
            assertEquals(problem.extensions(), e.extensions());
        });
    }

    @Test
    void anUnreachablePeerIsNamedAsTheNodeSaysIt() {
        PeerUnavailableException e = new PeerUnavailableException(NodeIndex.of(3), "did not answer (connection refused)");
        Problem p = ParticipantAnswer.unreachable(3, 1, e.detail()).problem();
        assertEquals(Problems.of(e), p);
    }

    @Test
    void theNodesSigningTimeoutsNameTheSuspect() {
        // node 3 answered, but too late for the others' signing session: they name it, it names them
        Verdict.Failed f = (Verdict.Failed) Verdict.of(ID, List.of(
                failed(1, new SessionTimeoutException("sign", 1, Set.of(NodeIndex.of(3)))),
                failed(2, new SessionTimeoutException("sign", 1, Set.of(NodeIndex.of(3)))),
                failed(3, new SessionTimeoutException("sign", 2, Set.of(NodeIndex.of(1), NodeIndex.of(2))))));
        assertTrue(f.retryable());
        assertEquals(Set.of(3), f.suspects());
        SigilException e = assertInstanceOf(SigilException.class, Problems.revive(f.problem()));
        assertEquals(ProblemType.PEER_UNAVAILABLE, e.type());
        assertEquals(List.of(3), e.extensions().get("missingNodes"));
    }
}
