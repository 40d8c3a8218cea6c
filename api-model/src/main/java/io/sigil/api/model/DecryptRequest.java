package io.sigil.api.model;

import java.util.List;

/**
 * {@code POST /api/v1/decrypt} and {@code POST /api/v1/network/decrypt}: Lit's decrypt request.
 *
 * @param ciphertext              base64 of the TDH2 ciphertext's wire form
 * @param dataToEncryptHash       hex SHA-256 of the plaintext (checked by whoever combines, optional for a share)
 * @param accessControlConditions the conditions in clear; their canonical JSON's SHA-256 must be the ciphertext's label
 * @param chain                   Lit's chain field (informational; each condition names its own chain)
 * @param authSig                 the requester's authSig; {@code :userAddress} is its verified address
 */
public record DecryptRequest(String ciphertext, String dataToEncryptHash, List<Object> accessControlConditions,
                             String chain, AuthSig authSig) { }
