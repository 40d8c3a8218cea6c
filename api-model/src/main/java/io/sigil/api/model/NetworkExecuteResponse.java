package io.sigil.api.model;

import java.util.List;
import java.util.Map;

/**
 * The gateway's answer: the action's response and logs (from the participants, which must agree), each combined
 * and verified signature by {@code sigName}, and how each participant did.
 */
public record NetworkExecuteResponse(String response, String logs, Map<String, CombinedSignature> signatures,
                                     List<NodeOutcome> nodes) {

    /** One participant: its index, whether it succeeded, and how long it took in milliseconds. */
    public record NodeOutcome(int index, boolean success, long ms) { }
}
