package io.sigil.api.model;

import java.util.List;

/**
 * {@code POST /api/v1/network/decrypt}: the plaintext a gateway combined from t+1 verified shares.
 *
 * @param decryptedData base64 plaintext
 * @param shareIndices  the nodes whose shares were combined
 * @param rejected      node index to why its share was not used (down, refused, proof failed)
 */
public record NetworkDecryptResponse(String decryptedData, List<Integer> shareIndices,
                                     java.util.Map<String, String> rejected) { }
