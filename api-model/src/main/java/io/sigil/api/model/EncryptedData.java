package io.sigil.api.model;

import java.util.List;

/**
 * What {@code sigil encrypt} prints and {@code sigil decrypt} reads, in Lit's shape.
 *
 * @param ciphertext              base64 of the TDH2 ciphertext's wire form
 * @param dataToEncryptHash       hex SHA-256 of the plaintext (no {@code 0x}, as Lit)
 * @param accessControlConditions the conditions in clear: public, and bound to the ciphertext by its label
 * @param chain                   Lit's chain field, the first condition's chain
 * @param networkPublicKey        the network key it was encrypted to, {@code 0x04...}
 */
public record EncryptedData(String ciphertext, String dataToEncryptHash, List<Object> accessControlConditions,
                            String chain, String networkPublicKey) { }
