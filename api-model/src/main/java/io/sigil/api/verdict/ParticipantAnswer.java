package io.sigil.api.verdict;

import io.sigil.api.model.ExecuteResponse;
import java.util.Map;

/**
 * What one participant of an execute request answered: its execute response or its problem. The factories turn an
 * answer that is neither into a problem naming the node, the same way for the gateway and the client.
 *
 * @param index    the participant's node index
 * @param ms       how long it took, in milliseconds
 * @param response its answer when it succeeded, else null
 * @param problem  its problem when it failed, else null
 * @param reached  false if the node could not be reached at all (its problem then says why)
 */
public record ParticipantAnswer(int index, long ms, ExecuteResponse response, Problem problem, boolean reached) {

    /** A 200 answer; one that is empty or does not say {@code success} is {@link #malformed}. */
    public static ParticipantAnswer success(int index, long ms, ExecuteResponse response) {
        if (response == null || !response.success()) {
            return malformed(index, ms, 200);
        }
        return new ParticipantAnswer(index, ms, response, null, true);
    }

    public static ParticipantAnswer failure(int index, long ms, Problem problem) {
        return new ParticipantAnswer(index, ms, null, problem, true);
    }

    /**
     * An error answer with its body: a problem whose status is the answer's, else {@link #malformed} (a proxy's
     * page, a body that says another status than the answer).
     */
    public static ParticipantAnswer problem(int index, long ms, int httpStatus, Map<String, Object> body) {
        Problem p = Problem.parse(body);
        return p != null && p.status() == httpStatus ? failure(index, ms, p) : malformed(index, ms, httpStatus);
    }

    /** The node did not answer at all; {@code detail} says why, naming it. */
    public static ParticipantAnswer unreachable(int index, long ms, String detail) {
        return new ParticipantAnswer(index, ms, null, Problem.peerUnavailable(detail, Map.of("node", index)), false);
    }

    /** The node answered with something that is not an execute answer: it misbehaved (502, naming it). */
    public static ParticipantAnswer malformed(int index, long ms, int httpStatus) {
        return failure(index, ms, Problem.protocolAborted("node " + index + " answered the execute request with"
                + " something that is not an execute answer (HTTP " + httpStatus + ")", Map.of("node", index)));
    }

    public boolean succeeded() {
        return response != null;
    }
}
