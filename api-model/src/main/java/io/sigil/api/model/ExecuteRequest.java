package io.sigil.api.model;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/execute}: run an action on this node only, as one participant of a request (API.md).
 *
 * @param requestId    the request's random 128-bit id, {@code 0x} + 32 hex digits; every participant gets the same
 * @param participants the node indices taking part (2t+1 of them when the action signs), the same for everyone
 * @param code         the action's JavaScript, or null when {@code ipfsId} names stored code
 * @param ipfsId       the CIDv0 of stored code, or null when {@code code} is given
 * @param jsParams     the action's parameters (a JSON object), or null
 * @param authSig      the caller's authSig, or null
 */
public record ExecuteRequest(String requestId, List<Integer> participants, String code, String ipfsId,
                             Map<String, Object> jsParams, AuthSig authSig) { }
