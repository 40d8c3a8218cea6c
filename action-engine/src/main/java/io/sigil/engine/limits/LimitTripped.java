package io.sigil.engine.limits;

/**
 * Thrown through script frames once a limit has tripped. An {@link Error} without a stack trace: scripts cannot
 * construct or inspect it, and the instrumented {@code catch} clauses rethrow it, so it unwinds the whole script.
 * Never leaves the engine: the engine turns the tripped {@link Limit} into an {@code ActionFailure}.
 */
public final class LimitTripped extends Error {

    private static final long serialVersionUID = 1L;

    public static final LimitTripped INSTANCE = new LimitTripped();

    private LimitTripped() {
        super("limit tripped", null, false, false);
    }
}
