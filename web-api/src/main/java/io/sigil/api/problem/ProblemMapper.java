package io.sigil.api.problem;

import io.sigil.engine.api.ActionFailure;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception into {@code application/problem+json} (RFC 9457). Sigil's own exceptions carry their
 * type, status and a detail written from fixed phrases; the action engine's {@link ActionFailure}s carry theirs (type
 * {@code limit/...}, {@code action/...}, {@code engine/busy}; 422, 413 for code size, 503 busy) and the action's
 * console output as the {@code logs} extension member; JAX-RS's own errors map to fixed types; anything else is
 * a 500 whose details go to the log only. 4xx are logged at FINE/INFO, 5xx at SEVERE with the stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        Answer answer = answer(e, uriInfo == null ? null : "/" + uriInfo.getPath());
        return Response.status(answer.status()).type(PROBLEM_JSON).entity(answer.json()).build();
    }

    /** A problem+json answer: the status and the body. */
    public record Answer(int status, String json) { }

    /**
     * The answer for {@code e} on a request for {@code path} (its {@code instance}; null for none), logged as this
     * class says: the one place that writes problems, also for the endpoint served outside JAX-RS.
     */
    public static Answer answer(Throwable e, String path) {
        Problem problem = problemOf(e);
        boolean ours = find(e, SigilException.class) != null || find(e, ActionFailure.class) != null;
        String where = path == null ? "" : path;
        if (problem.status() >= 500 && !ours) {
            LOG.log(Level.SEVERE, "unexpected failure serving " + where, e);
        } else if (problem.status() >= 500) {
            LOG.warning(() -> where + ": " + problem.status() + " " + problem.detail());
        } else {
            LOG.info(() -> where + ": " + problem.status() + " " + problem.detail());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        if (path != null) {
            body.put("instance", path);
        }
        problem.extensions().forEach(body::putIfAbsent);
        return new Answer(problem.status(), Bodies.JSONB.toJson(body));
    }

    /**
     * The RFC 9457 members of a response, from either of the two vocabularies: Sigil's {@link ProblemType}s and the
     * action engine's {@link ActionFailure}s (an action's failure carries its console output as {@code logs}).
     */
    record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {
        static Problem of(SigilException s) {
            return new Problem(s.type().uri().toString(), s.type().title(), s.type().status(), s.detail(),
                    s.extensions());
        }

        static Problem of(ActionFailure f) {
            return new Problem(f.type().toString(), f.title(), f.status(), f.detail(), Map.of("logs", f.logs()));
        }
    }

    /** The problem to answer for {@code e}: its own if it is Sigil's or the engine's, else a fixed one. */
    static Problem problemOf(Throwable e) {
        ActionFailure failure = find(e, ActionFailure.class);
        return failure != null && find(e, SigilException.class) == null ? Problem.of(failure) : Problem.of(toProblem(e));
    }

    static SigilException toProblem(Throwable e) {
        SigilException own = find(e, SigilException.class);
        if (own != null) {
            return own;
        }
        if (e instanceof NotFoundException) {
            return new SigilException(ProblemType.NOT_FOUND, "no such resource");
        }
        if (e instanceof NotAllowedException) {
            return new SigilException(ProblemType.METHOD_NOT_ALLOWED, "this resource does not support that method");
        }
        if (e instanceof NotSupportedException) {
            return new SigilException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the request body has an unsupported media type");
        }
        if (e instanceof NotAcceptableException) {
            return new SigilException(ProblemType.NOT_ACCEPTABLE, "no acceptable representation");
        }
        if (causedBy(e, JsonbException.class) || causedBy(e, JsonException.class) || e instanceof ProcessingException) {
            return SigilException.malformed("body", "is not valid JSON of the expected shape");
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            return new SigilException(status == 413 ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.MALFORMED_REQUEST,
                    "the request was refused (HTTP " + status + ")");
        }
        return new SigilException(ProblemType.INTERNAL, "the node failed to handle the request; see its log");
    }

    /** The first exception of {@code type} in the cause chain (e.g. inside an EJBException), or null. */
    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
