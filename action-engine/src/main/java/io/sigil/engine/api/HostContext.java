package io.sigil.engine.api;

import io.sigil.crypto.ipfs.Cid;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What an {@link ActionHost} call knows about the execution that made it. Host calls block the action, so they must
 * return (or throw) within {@link #remaining()}; the engine stops waiting for the action once its wall time is up.
 *
 * @param request the request being executed (requestId, participants, authSig, call depth); use
 *                {@link ExecutionRequest#child} to run a child action
 * @param cid     the CID of the running action (computed if the request had none)
 */
public record HostContext(ExecutionRequest request, Cid cid, Supplier<Duration> remainingTime) {

    /** Wall-clock time left to this execution; a host call should give up after it. */
    public Duration remaining() {
        return remainingTime.get();
    }
}
