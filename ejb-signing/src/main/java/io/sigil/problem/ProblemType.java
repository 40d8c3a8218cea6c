package io.sigil.problem;

import java.net.URI;

/**
 * Every problem a node can report. The URI, status and title are a contract with clients: add types, never
 * change one. Titles are fixed text so that nothing internal can be echoed through them.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "The request is malformed"),
    UNAUTHENTICATED_MESSAGE("unauthenticated-message", 401, "The node-to-node message is not authentic"),
    INVALID_AUTH_SIG("invalid-auth-sig", 401, "The authSig does not authenticate the caller"),
    NOT_A_MEMBER("not-a-member", 403, "The sender is not a member of this network"),
    NOT_PERMITTED("not-permitted", 403, "Not permitted"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    STATEMENT_MISMATCH("statement-mismatch", 409, "The signing participants disagree on what to sign"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    INTERNAL("internal", 500, "Internal error"),
    PROTOCOL_ABORTED("protocol-aborted", 502, "A node misbehaved in a threshold protocol"),
    PARTICIPANTS_DISAGREE("participants-disagree", 502, "The participants disagree on the action's outcome"),
    PEER_UNAVAILABLE("peer-unavailable", 503, "Too few nodes answered"),
    NOT_READY("not-ready", 503, "The node is not ready");

    /** Problem type URIs live under this prefix; they name the problem, nothing has to be served there. */
    public static final String BASE = "https://sigil.dev/problems/";

    private final URI uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.uri = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() { return uri; }
    public int status() { return status; }
    public String title() { return title; }
}
