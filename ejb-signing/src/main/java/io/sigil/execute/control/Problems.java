package io.sigil.execute.control;

import io.sigil.api.verdict.Problem;
import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.limits.Limit;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import java.util.Map;

/**
 * Between this node's exceptions and the {@link Problem} values the shared judgement compares: a failure here
 * becomes a participant's problem, and the problem the judgement settles on becomes the exception the one mapper
 * renders.
 */
public final class Problems {
    private Problems() { }

    public static Problem of(SigilException e) {
        return new Problem(e.type().uri(), e.type().status(), e.type().title(), e.detail(), e.extensions());
    }

    public static Problem of(ActionFailure f) {
        return new Problem(f.type(), f.status(), f.title(), f.detail(), Map.of("logs", f.logs()));
    }

    /**
     * The exception that renders as {@code problem} through the one mapper: Sigil's own problem types as
     * {@link SigilException}, the engine's as the same {@link ActionFailure}. A type this node does not know becomes
     * a 502 (the peer runs something this node cannot vouch for).
     */
    public static RuntimeException revive(Problem problem) {
        for (ProblemType t : ProblemType.values()) {
            if (t.uri().equals(problem.type()) && t.status() == problem.status()) {
                return new SigilException(t, problem.detail(), problem.extensions());
            }
        }
        String logs = problem.extensions().get("logs") instanceof String l ? l : "";
        String type = problem.type().toString();
        String path = type.startsWith(ActionFailure.PROBLEM_BASE) ? type.substring(ActionFailure.PROBLEM_BASE.length()) : "";
        if (path.startsWith("limit/")) {
            for (Limit limit : Limit.values()) {
                if (path.equals("limit/" + limit.slug())) {
                    return ActionFailure.of(limit, logs);
                }
            }
        }
        switch (path) {
            case "action/script-error":
                return new ActionFailure.ScriptError(problem.detail(), logs);
            case "action/syntax-error":
                return new ActionFailure.SyntaxError(problem.detail());
            case "engine/busy":
                return new ActionFailure.EngineBusy();
            default:
                return new SigilException(ProblemType.PROTOCOL_ABORTED,
                        "a participant answered with a problem this node does not know (HTTP " + problem.status() + ")");
        }
    }
}
