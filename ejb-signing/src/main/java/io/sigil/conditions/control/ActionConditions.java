package io.sigil.conditions.control;

import java.util.List;

/** Runs the action of a {@code LitAction} condition. */
public interface ActionConditions {

    /**
     * Calls {@code method(...args)} of the action stored under {@code cid}, with no access to keys or other nodes,
     * and returns its result: a string as is, anything else as JSON; null if the action failed (the condition then
     * does not hold). Throws 404 if no node has the action.
     */
    String run(String cid, String method, List<String> args);
}
