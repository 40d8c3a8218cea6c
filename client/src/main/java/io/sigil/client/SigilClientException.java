package io.sigil.client;

import java.util.Map;

/**
 * A call to a node failed: the node did not answer ({@link #status()} 0), or it answered with a problem whose
 * status, type URI and members are kept.
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

    /** The HTTP status of the problem answer, or 0 if the node did not answer. */
    public int status() { return status; }

    /** The problem's type URI, or null. */
    public String type() { return type; }

    /** The whole problem object (e.g. its {@code logs} member for a failed action). */
    public Map<String, Object> problem() { return problem; }

    /** True if the node answered that the action itself failed or was refused, rather than the node failing. */
    public boolean isActionOutcome() {
        return status == 400 || status == 401 || status == 403 || status == 404 || status == 413 || status == 422;
    }
}
