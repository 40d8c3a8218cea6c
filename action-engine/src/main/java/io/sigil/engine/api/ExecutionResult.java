package io.sigil.engine.api;

import io.sigil.crypto.ipfs.Cid;
import java.time.Duration;

/**
 * What a successful execution produced. Signatures and decryptions are collected by the {@link ActionHost} the
 * request carried, not here.
 *
 * @param success  always {@code true}: failures are thrown as {@link ActionFailure}; kept for Lit's response shape
 * @param response the last {@code Lit.Actions.setResponse} payload, or {@code ""}
 * @param logs     console output, one line per call, capped at the log-size limit
 * @param cid      the action that ran
 * @param elapsed  wall-clock time of the execution (transpiling included on a cold start)
 */
public record ExecutionResult(boolean success, String response, String logs, Cid cid, Duration elapsed) {
}
