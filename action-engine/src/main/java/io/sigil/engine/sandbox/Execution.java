package io.sigil.engine.sandbox;

import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.api.ActionHost;
import io.sigil.engine.api.ExecutionRequest;
import io.sigil.engine.api.HostContext;
import io.sigil.engine.fetch.Fetcher;
import io.sigil.engine.limits.Budget;
import io.sigil.engine.limits.Limit;

/**
 * The state of one execution that host functions read and write: budget, captured console output and response, the
 * host and the fetcher. Logs are read by the caller thread when the worker is abandoned, hence synchronized.
 */
public final class Execution {

    private final ExecutionRequest request;
    private final Cid cid;
    private final Budget budget;
    private final Fetcher fetcher;
    private final HostContext context;
    private final StringBuilder logs = new StringBuilder();
    private String response = "";
    private String unhandledRejection;

    public Execution(ExecutionRequest request, Cid cid, Budget budget, Fetcher fetcher) {
        this.request = request;
        this.cid = cid;
        this.budget = budget;
        this.fetcher = fetcher;
        this.context = new HostContext(request, cid, budget::remaining);
    }

    public ExecutionRequest request() {
        return request;
    }

    public Cid cid() {
        return cid;
    }

    public Budget budget() {
        return budget;
    }

    public Fetcher fetcher() {
        return fetcher;
    }

    public ActionHost host() {
        return request.host();
    }

    public HostContext context() {
        return context;
    }

    /** Appends one console line; trips {@link Limit#LOG_SIZE} (keeping what fits) once the total is too large. */
    public synchronized void log(String line) {
        long room = budget.limits().logSize() - logs.length();
        int needed = line.length() + (logs.isEmpty() ? 0 : 1);
        if (needed > room) {
            if (room > 1) {
                if (!logs.isEmpty()) {
                    logs.append('\n');
                }
                logs.append(line, 0, (int) Math.min(line.length(), room - 1));
            }
            throw budget.tripAndThrow(Limit.LOG_SIZE);
        }
        if (!logs.isEmpty()) {
            logs.append('\n');
        }
        logs.append(line);
    }

    public synchronized String logs() {
        return logs.toString();
    }

    public void setResponse(String value) {
        if (value.length() > budget.limits().responseSize()) {
            throw budget.tripAndThrow(Limit.RESPONSE_SIZE);
        }
        this.response = value;
    }

    public String response() {
        return response;
    }

    void unhandledRejection(String message) {
        if (unhandledRejection == null) {
            unhandledRejection = message;
        }
    }

    public String unhandledRejection() {
        return unhandledRejection;
    }

}
