package io.sigil.api.model;

import java.util.Map;

/**
 * One node's answer to {@code POST /api/v1/execute} (Lit's per-node shape).
 *
 * @param success       true: failures are problem+json answers instead
 * @param response      what the action passed to {@code setResponse}
 * @param logs          its console output
 * @param signedData    this node's signature share per {@code sigName}
 * @param decryptedData decryptions the action made, by name
 * @param claimData     claims the action made, by name (Lit compatibility; empty today)
 */
public record ExecuteResponse(boolean success, String response, String logs, Map<String, SignedShare> signedData,
                              Map<String, Object> decryptedData, Map<String, Object> claimData) { }
