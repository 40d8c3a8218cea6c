package io.sigil.peer;

/**
 * A peer's HTTP answer, whatever its status: for calls whose 4xx and 5xx bodies mean something to the caller (the
 * gateway reads a participant's problem+json to tell the action's own failure from a node's).
 *
 * @param status the HTTP status
 * @param body   the body as text (UTF-8), capped by the call
 */
public record PeerAnswer(int status, String body) { }
