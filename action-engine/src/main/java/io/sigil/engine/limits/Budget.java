package io.sigil.engine.limits;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * One execution's accounting. Created on the worker thread (CPU and allocation are measured for that thread); the
 * watchdog may trip wall time from another thread. Once a limit trips it stays tripped: every later check throws.
 */
public final class Budget {

    /** How many script checks pass between two reads of the clocks (the JS side counts them down). */
    public static final int CHECK_PERIOD = 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Limits limits;
    private final long startNanos;
    private final long deadlineNanos;
    private final long cpuStart;
    private final long allocStart;
    private volatile Limit tripped;
    private int fetches;
    private int signs;

    public Budget(Limits limits, long startNanos) {
        this.limits = limits;
        this.startNanos = startNanos;
        this.deadlineNanos = startNanos + limits.wallTime().toNanos();
        this.cpuStart = THREADS.getCurrentThreadCpuTime();
        this.allocStart = THREADS.getCurrentThreadAllocatedBytes();
    }

    public Limits limits() {
        return limits;
    }

    /** The script-side periodic check: returns the next period or throws once any limit has tripped. */
    public int check() {
        if (tripped == null) {
            measure();
        }
        if (tripped != null) {
            throw LimitTripped.INSTANCE;
        }
        return CHECK_PERIOD - 1;
    }

    /** Reads the clocks and trips whatever is exhausted. Only on the worker thread. */
    public void measure() {
        if (System.nanoTime() - deadlineNanos >= 0) {
            trip(Limit.WALL_TIME);
        } else if (THREADS.getCurrentThreadCpuTime() - cpuStart > limits.cpuTime().toNanos()) {
            trip(Limit.CPU_TIME);
        } else if (THREADS.getCurrentThreadAllocatedBytes() - allocStart > limits.allocatedBytes()) {
            trip(Limit.ALLOCATED_BYTES);
        }
    }

    /** Trips {@code limit} unless another one tripped first (the first cause is the one reported). */
    public synchronized void trip(Limit limit) {
        if (tripped == null) {
            tripped = limit;
        }
    }

    /** Trips and throws: for host functions that find a limit exceeded. */
    public LimitTripped tripAndThrow(Limit limit) {
        trip(limit);
        return LimitTripped.INSTANCE;
    }

    public Limit tripped() {
        return tripped;
    }

    public void countFetch() {
        if (++fetches > limits.fetchCount()) {
            throw tripAndThrow(Limit.FETCH_COUNT);
        }
    }

    public void countSign() {
        if (++signs > limits.signCount()) {
            throw tripAndThrow(Limit.SIGN_COUNT);
        }
    }

    /** Time left before the wall-clock deadline (zero once past it). */
    public Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public long deadlineNanos() {
        return deadlineNanos;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
