package io.sigil.engine.limits;

import java.time.Duration;

/**
 * The per-execution limits of API.md, already parsed. Immutable; the engine reads them once at start-up.
 *
 * @param wallTime       wall-clock time per execution, including fetches and host calls
 * @param cpuTime        CPU time of the worker thread per execution
 * @param allocatedBytes bytes allocated by the worker thread per execution
 * @param codeSize       UTF-8 size of the action's code
 * @param responseSize   size of the {@code setResponse} payload (UTF-16 chars count as bytes of their UTF-8 form)
 * @param logSize        total console output
 * @param fetchCount     {@code fetch} calls per execution
 * @param signCount      signing calls per execution
 * @param callDepth      nesting depth of child actions ({@code Lit.Actions.call})
 * @param fetchBodySize  size of one fetch response body
 */
public record Limits(Duration wallTime, Duration cpuTime, long allocatedBytes, long codeSize, long responseSize,
                     long logSize, int fetchCount, int signCount, int callDepth, long fetchBodySize) {

    /** API.md's defaults (Lit's figures). */
    public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(30), Duration.ofSeconds(30), 256L << 20,
            16L << 20, 100L << 10, 100L << 10, 50, 10, 5, 10L << 20);

    public Limits {
        if (wallTime.isNegative() || wallTime.isZero() || cpuTime.isNegative() || cpuTime.isZero()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (allocatedBytes <= 0 || codeSize <= 0 || responseSize <= 0 || logSize <= 0 || fetchBodySize <= 0
                || fetchCount < 0 || signCount < 0 || callDepth < 0) {
            throw new IllegalArgumentException("size and count limits must not be negative");
        }
    }

    /**
     * Longest string an action may build. A single native call (flattening a rope, {@code repeat}, {@code join})
     * allocates up to twice this in bytes, so a quarter of the allocation budget keeps one call within budget.
     */
    public int maxStringLength() {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 16, allocatedBytes / 4));
    }

    /** Largest typed array or ArrayBuffer, in bytes: half the allocation budget. */
    public int maxBufferBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 16, allocatedBytes / 2));
    }

    /** Longest array the builtins that copy or walk every index accept: 8 bytes a slot within a quarter budget. */
    public int maxArrayLength() {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 16, allocatedBytes / 32));
    }
}
