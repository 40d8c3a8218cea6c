package io.sigil.engine.api;

import io.sigil.crypto.ipfs.Cid;
import java.util.List;
import java.util.Objects;

/**
 * One run of one action on this node.
 *
 * @param code         the action's JavaScript, exactly as stored
 * @param cid          its IPFS CIDv0; {@code null} lets the engine compute it (a given one is checked against the code)
 * @param jsParams     a JSON object (text) or {@code null}; exposed as {@code jsParams} and each key as a global
 * @param authSig      the caller's authSig (JSON text) or {@code null}; exposed as {@code Lit.Auth} data
 * @param requestId    opaque to the engine; handed to the host
 * @param participants opaque to the engine; handed to the host
 * @param host         what this execution may ask of keys and other nodes
 * @param callDepth    0 for a top-level action, parent's depth + 1 for a child action ({@code Lit.Actions.call})
 */
public record ExecutionRequest(String code, Cid cid, String jsParams, String authSig, String requestId,
                               List<String> participants, ActionHost host, int callDepth) {

    public ExecutionRequest {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(host, "host");
        participants = participants == null ? List.of() : List.copyOf(participants);
        if (callDepth < 0) {
            throw new IllegalArgumentException("callDepth must not be negative");
        }
    }

    /** A top-level request with the CID computed by the engine and no authSig. */
    public static ExecutionRequest of(String code, String jsParams, ActionHost host) {
        return new ExecutionRequest(code, null, jsParams, null, null, List.of(), host, 0);
    }

    /** The same request one level deeper, for a child action the host runs on the parent's behalf. */
    public ExecutionRequest child(String childCode, Cid childCid, String childParams) {
        return new ExecutionRequest(childCode, childCid, childParams, authSig, requestId, participants, host,
                callDepth + 1);
    }
}
