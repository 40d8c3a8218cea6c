package io.sigil.execute.control;

import io.sigil.api.model.ExecuteResponse;

/**
 * What one participant of a gateway request answered: its execute response or its problem.
 *
 * @param index    the participant's node index
 * @param ms       how long it took, in milliseconds
 * @param response its answer when it succeeded, else null
 * @param problem  its problem when it failed, else null
 * @param reached  false if the node could not be reached at all (its problem then says why)
 */
public record ParticipantAnswer(int index, long ms, ExecuteResponse response, Problem problem, boolean reached) {

    public static ParticipantAnswer success(int index, long ms, ExecuteResponse response) {
        return new ParticipantAnswer(index, ms, response, null, true);
    }

    public static ParticipantAnswer failure(int index, long ms, Problem problem) {
        return new ParticipantAnswer(index, ms, null, problem, true);
    }

    public static ParticipantAnswer unreachable(int index, long ms, Problem problem) {
        return new ParticipantAnswer(index, ms, null, problem, false);
    }

    public boolean succeeded() {
        return response != null;
    }
}
