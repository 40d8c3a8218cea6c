package io.sigil.api.verdict;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A problem+json answer (RFC 9457) as a value: one participant's failure, or the judgement's own, so the gateway and
 * the client compare them and pass one on unchanged. The node's {@code ProblemType} is the list of Sigil's types;
 * the few the judgement reports itself are made here with the same type, status and title.
 */
public record Problem(URI type, int status, String title, String detail, Map<String, Object> extensions) {
    /** Sigil's problem types live under this prefix. */
    public static final String BASE = "https://sigil.dev/problems/";
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance");
    /** A peer's detail is shown to the client; anything longer than this is not a Sigil detail. */
    private static final int MAX_DETAIL = 4096;
    private static final String PROTOCOL_ABORTED = "protocol-aborted";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** A problem+json body, or null if it is not one (no type or status). */
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

    /** The problem+json members: the standard ones, then the extensions. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type.toString());
        json.put("title", title);
        json.put("status", status);
        json.put("detail", detail);
        extensions.forEach(json::putIfAbsent);
        return json;
    }

    /** Whether another participant failed the same way (same type and status). */
    public boolean sameAs(Problem other) {
        return type.equals(other.type) && status == other.status;
    }

    public boolean isClientError() {
        return status >= 400 && status < 500;
    }

    /** A node misbehaved: it answered something no honest node would. */
    boolean isProtocolAborted() {
        return type.toString().equals(BASE + PROTOCOL_ABORTED);
    }

    static Problem protocolAborted(String detail, Map<String, Object> extensions) {
        return sigil(PROTOCOL_ABORTED, 502, "A node misbehaved in a threshold protocol", detail, extensions);
    }

    static Problem participantsDisagree(String detail, Map<String, Object> extensions) {
        return sigil("participants-disagree", 502, "The participants disagree on the action's outcome", detail,
                extensions);
    }

    static Problem peerUnavailable(String detail, Map<String, Object> extensions) {
        return sigil("peer-unavailable", 503, "Too few nodes answered", detail, extensions);
    }

    private static Problem sigil(String slug, int status, String title, String detail, Map<String, Object> extensions) {
        return new Problem(URI.create(BASE + slug), status, title, detail, extensions);
    }
}
