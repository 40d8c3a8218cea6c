package io.sigil.problem;

import jakarta.ejb.ApplicationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one exception type that reaches the HTTP boundary. Its detail is written by Sigil's own code from fixed
 * phrases and validated values (a field name, an index); it never carries a foreign exception's message, a
 * secret or a stack trace, because the web API copies it into the response.
 *
 * <p>An EJB application exception: it reaches the caller as itself (not wrapped in {@code EJBException}) and
 * rolls the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public class SigilException extends RuntimeException {
    private final ProblemType type;
    private final Map<String, Object> extensions;

    public SigilException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public SigilException(ProblemType type, String detail, Map<String, Object> extensions) {
        // no cause, no stack trace capture of foreign messages: the detail is the whole story for the client
        super(detail, null, false, false);
        this.type = type;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public ProblemType type() { return type; }
    public String detail() { return getMessage(); }
    /** RFC 9457 extension members, e.g. {@code field} for a malformed request or {@code logs} for an action. */
    public Map<String, Object> extensions() { return extensions; }

    public static SigilException malformed(String field, String why) {
        return new SigilException(ProblemType.MALFORMED_REQUEST, field + ": " + why, Map.of("field", field));
    }

    public static SigilException notFound(String what) {
        return new SigilException(ProblemType.NOT_FOUND, what + " is not known to this node");
    }
}
