package io.sigil.client;

import io.sigil.api.verdict.Problem;
import java.util.Map;

/**
 * A call to a node failed: the node did not answer ({@link #status()} 0), or it answered with a problem whose
 * status, type URI and members are kept; or the network's answer to an execute request is a problem
 * ({@link #of(Problem)}).
 */
public class SigilClientException extends RuntimeException {
    private final int status;
    private final String type;
    private final Map<String, Object> problem;

    public SigilClientException(String message, int status) {
        this(message, status, null, Map.of());
    }

    public SigilClientException(String message, int status, String type, Map<String, Object> problem) {
        super(message);
        this.status = status;
        this.type = type;
        this.problem = problem == null ? Map.of() : problem;
    }

    public SigilClientException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.type = null;
        this.problem = Map.of();
    }

    /** The network's answer as the judgement of the participants' answers settled it. */
    public static SigilClientException of(Problem problem) {
        String what = problem.detail().isEmpty() ? problem.title() : problem.detail();
        return new SigilClientException(what + " (HTTP " + problem.status() + ")", problem.status(),
                problem.type().toString(), problem.toJson());
    }

    /** The HTTP status of the problem answer, or 0 if the node did not answer. */
    public int status() { return status; }

    /** The problem's type URI, or null. */
    public String type() { return type; }

    /** The whole problem object (e.g. its {@code logs} member for a failed action). */
    public Map<String, Object> problem() { return problem; }
}
