package io.sigil.execute.control;

import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.limits.Limit;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One participant's failure as RFC 9457 members, whether it happened here (an exception) or on a peer (its
 * problem+json), so the gateway can compare them and pass one on unchanged ({@link #revive}).
 */
public record Problem(URI type, int status, String title, String detail, Map<String, Object> extensions) {
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance");
    /** A peer's detail is shown to the client; anything longer than this is not a Sigil detail. */
    private static final int MAX_DETAIL = 4096;

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(SigilException e) {
        return new Problem(e.type().uri(), e.type().status(), e.type().title(), e.detail(), e.extensions());
    }

    public static Problem of(ActionFailure f) {
        return new Problem(f.type(), f.status(), f.title(), f.detail(), Map.of("logs", f.logs()));
    }

    /** A peer's problem+json body, or null if it is not one (no type or status). */
    public static Problem parse(Map<String, Object> json) {
        if (json == null || !(json.get("type") instanceof String type) || !(json.get("status") instanceof Number status)) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (!STANDARD.contains(k) && v != null) {
                ext.put(k, v);
            }
        });
        String detail = json.get("detail") instanceof String d ? d : "";
        return new Problem(uri, status.intValue(), json.get("title") instanceof String t ? t : "",
                detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail, ext);
    }

    /** Whether another participant failed the same way (same type and status). */
    public boolean sameAs(Problem other) {
        return type.equals(other.type) && status == other.status;
    }

    public boolean isClientError() {
        return status >= 400 && status < 500;
    }

    /**
     * The exception that renders as this problem through the one mapper: Sigil's own problem types as
     * {@link SigilException}, the engine's as the same {@link ActionFailure}. A type this node does not know becomes
     * a 502 (the peer runs something this node cannot vouch for).
     */
    public RuntimeException revive() {
        for (ProblemType t : ProblemType.values()) {
            if (t.uri().equals(type) && t.status() == status) {
                return new SigilException(t, detail, extensions);
            }
        }
        String logs = extensions.get("logs") instanceof String l ? l : "";
        String path = type.toString().startsWith(ActionFailure.PROBLEM_BASE)
                ? type.toString().substring(ActionFailure.PROBLEM_BASE.length()) : "";
        if (path.startsWith("limit/")) {
            for (Limit limit : Limit.values()) {
                if (path.equals("limit/" + limit.slug())) {
                    return ActionFailure.of(limit, logs);
                }
            }
        }
        switch (path) {
            case "action/script-error":
                return new ActionFailure.ScriptError(detail, logs);
            case "action/syntax-error":
                return new ActionFailure.SyntaxError(detail);
            case "engine/busy":
                return new ActionFailure.EngineBusy();
            default:
                return new SigilException(ProblemType.PROTOCOL_ABORTED,
                        "a participant answered with a problem this node does not know (HTTP " + status + ")");
        }
    }
}
