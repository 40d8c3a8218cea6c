package io.sigil.engine.limits;

/** Every limit an execution can hit; each maps to one problem type (see {@code ActionFailure}). */
public enum Limit {
    WALL_TIME("wall-time"),
    CPU_TIME("cpu-time"),
    ALLOCATED_BYTES("allocated-bytes"),
    STACK_DEPTH("stack-depth"),
    CALL_DEPTH("call-depth"),
    CODE_SIZE("code-size"),
    RESPONSE_SIZE("response-size"),
    LOG_SIZE("log-size"),
    FETCH_COUNT("fetch-count"),
    SIGN_COUNT("sign-count");

    private final String slug;

    Limit(String slug) {
        this.slug = slug;
    }

    /** The last segment of the problem type URI and of the {@code sigil.limits.*} property. */
    public String slug() {
        return slug;
    }
}
