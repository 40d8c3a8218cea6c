package io.sigil.peer;

/**
 * A circuit breaker for one peer: after {@link #FAILURES_TO_OPEN} consecutive failed calls the circuit opens and
 * calls fail at once for {@link #OPEN_MS}; then one trial call decides whether it closes again. Keeps protocols
 * from waiting on timeouts of a node that is down.
 */
final class PeerCircuit {
    static final int FAILURES_TO_OPEN = 3;
    static final long OPEN_MS = 2_000;

    private int consecutiveFailures;
    private long openUntil;

    /** Whether a call may be made now (closed, or open long enough for a trial). */
    synchronized boolean allows(long now) {
        return consecutiveFailures < FAILURES_TO_OPEN || now >= openUntil;
    }

    /** Records a success; true if the circuit had been open (the peer recovered). */
    synchronized boolean succeeded() {
        boolean wasOpen = consecutiveFailures >= FAILURES_TO_OPEN;
        consecutiveFailures = 0;
        return wasOpen;
    }

    /** Records a failure; true if this failure opened the circuit. */
    synchronized boolean failed(long now) {
        consecutiveFailures++;
        if (consecutiveFailures >= FAILURES_TO_OPEN) {
            boolean opening = now >= openUntil;
            openUntil = now + OPEN_MS;
            return opening && consecutiveFailures == FAILURES_TO_OPEN;
        }
        return false;
    }
}
