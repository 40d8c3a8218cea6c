package io.sigil.api.model;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/network/execute}: the gateway picks the request id and the participants (unless given),
 * fans out to them, combines their signature shares and returns the final result.
 *
 * @param participants optional: the node indices to use; default 2t+1 reachable nodes
 */
public record NetworkExecuteRequest(String code, String ipfsId, Map<String, Object> jsParams, AuthSig authSig,
                                    List<Integer> participants) { }
