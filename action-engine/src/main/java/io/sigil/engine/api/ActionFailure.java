package io.sigil.engine.api;

import io.sigil.engine.limits.Limit;
import java.net.URI;
import java.util.Objects;

/**
 * Why an execution produced no result: the engine's one error vocabulary. Each subtype has a stable problem
 * {@link #type()} URI, an HTTP {@link #status()}, a fixed {@link #title()} and the console output captured before
 * the failure ({@link #logs()}). {@link #detail()} is either fixed text or the script's own error message; no
 * message ever carries Java internals, so the web layer may show all of them.
 */
public abstract sealed class ActionFailure extends RuntimeException
        permits ActionFailure.LimitExceeded, ActionFailure.ScriptError, ActionFailure.SyntaxError,
        ActionFailure.EngineBusy {

    private static final long serialVersionUID = 1L;

    /** All problem types start with this. */
    public static final String PROBLEM_BASE = "https://sigil.dev/problems/";

    private final URI type;
    private final int status;
    private final String title;
    private final String logs;

    ActionFailure(String typePath, int status, String title, String detail, String logs) {
        super(detail, null, false, false);
        this.type = URI.create(PROBLEM_BASE + typePath);
        this.status = status;
        this.title = title;
        this.logs = logs == null ? "" : logs;
    }

    public URI type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Human-readable detail for problem+json: fixed text, or the script's error message. */
    public String detail() {
        return getMessage();
    }

    /** Console output captured before the failure (capped at the log-size limit). */
    public String logs() {
        return logs;
    }

    /** The failure for a tripped limit. */
    public static LimitExceeded of(Limit limit, String logs) {
        return switch (Objects.requireNonNull(limit)) {
            case WALL_TIME -> new WallTimeExceeded(logs);
            case CPU_TIME -> new CpuTimeExceeded(logs);
            case ALLOCATED_BYTES -> new AllocatedBytesExceeded(logs);
            case STACK_DEPTH -> new StackDepthExceeded(logs);
            case CALL_DEPTH -> new CallDepthExceeded(logs);
            case CODE_SIZE -> new CodeSizeExceeded(logs);
            case RESPONSE_SIZE -> new ResponseSizeExceeded(logs);
            case LOG_SIZE -> new LogSizeExceeded(logs);
            case FETCH_COUNT -> new FetchCountExceeded(logs);
            case SIGN_COUNT -> new SignCountExceeded(logs);
        };
    }

    /** A limit of API.md was hit; {@code type} is {@code https://sigil.dev/problems/limit/<property suffix>}. */
    public abstract static sealed class LimitExceeded extends ActionFailure
            permits WallTimeExceeded, CpuTimeExceeded, AllocatedBytesExceeded, StackDepthExceeded, CallDepthExceeded,
            CodeSizeExceeded, ResponseSizeExceeded, LogSizeExceeded, FetchCountExceeded, SignCountExceeded {

        private static final long serialVersionUID = 1L;
        private final transient Limit limit;

        LimitExceeded(Limit limit, int status, String title, String logs) {
            super("limit/" + limit.slug(), status, title, title, logs);
            this.limit = limit;
        }

        public Limit limit() {
            return limit;
        }
    }

    public static final class WallTimeExceeded extends LimitExceeded {
        private static final long serialVersionUID = 1L;

        public WallTimeExceeded(String logs) {
            super(Limit.WALL_TIME, 422, "The action ran longer than the wall-clock limit", logs);
        }
    }

    public static final class CpuTimeExceeded extends LimitExceeded {
        private static final long serialVersionUID = 1L;

        public CpuTimeExceeded(String logs) {
            super(Limit.CPU_TIME, 422, "The action used more CPU time than allowed", logs);
        }
    }

    public static final class AllocatedBytesExceeded extends LimitExceeded {
        private static final long serialVersionUID = 1L;

        public AllocatedBytesExceeded(String logs) {
            super(Limit.ALLOCATED_BYTES, 422, "The action allocated more memory than allowed", logs);
        }
    }

    /** Recursion overflowed the worker's stack. */
    public static final class StackDepthExceeded extends LimitExceeded {
        private static final long serialVersionUID = 1L;

        public StackDepthExceeded(String logs) {
            super(Limit.STACK_DEPTH, 422, "The action nested calls too deeply", logs);
        }
    }

    /** Child actions ({@code Lit.Actions.call}) nested deeper than {@code sigil.limits.call-depth}. */
    public static final class CallDepthExceeded extends LimitExceeded {
        private static final long serialVersionUID = 1L;

        public CallDepthExceeded(String logs) {
            super(Limit.CALL_DEPTH, 422, "Child actions nested too deeply", logs);
        }
    }

    public static final class CodeSizeExceeded extends LimitExceeded {
        private static final long serialVersionUID = 1L;

        public CodeSizeExceeded(String logs) {
            super(Limit.CODE_SIZE, 413, "The action's code is too large", logs);
        }
    }

    public static final class ResponseSizeExceeded extends LimitExceeded {
        private static final long serialVersionUID = 1L;

        public ResponseSizeExceeded(String logs) {
            super(Limit.RESPONSE_SIZE, 422, "The action's response is too large", logs);
        }
    }

    public static final class LogSizeExceeded extends LimitExceeded {
        private static final long serialVersionUID = 1L;

        public LogSizeExceeded(String logs) {
            super(Limit.LOG_SIZE, 422, "The action wrote too much console output", logs);
        }
    }

    public static final class FetchCountExceeded extends LimitExceeded {
        private static final long serialVersionUID = 1L;

        public FetchCountExceeded(String logs) {
            super(Limit.FETCH_COUNT, 422, "The action made too many fetch calls", logs);
        }
    }

    public static final class SignCountExceeded extends LimitExceeded {
        private static final long serialVersionUID = 1L;

        public SignCountExceeded(String logs) {
            super(Limit.SIGN_COUNT, 422, "The action made too many signing calls", logs);
        }
    }

    /** The script threw (or left a rejected promise unhandled); detail is the script's own error text. */
    public static final class ScriptError extends ActionFailure {
        private static final long serialVersionUID = 1L;

        public ScriptError(String scriptMessage, String logs) {
            super("action/script-error", 422, "The action threw an error", scriptMessage, logs);
        }
    }

    /** The code does not parse, cannot be lowered to ES5, or uses what the sandbox refuses (e.g. {@code with}). */
    public static final class SyntaxError extends ActionFailure {
        private static final long serialVersionUID = 1L;

        public SyntaxError(String detail) {
            super("action/syntax-error", 422, "The action's code was refused", detail, "");
        }
    }

    /** No engine became free within {@code sigil.engine.pool.borrow-timeout}. */
    public static final class EngineBusy extends ActionFailure {
        private static final long serialVersionUID = 1L;

        public EngineBusy() {
            super("engine/busy", 503, "All action engines are busy", "All action engines are busy; retry later", "");
        }
    }
}
