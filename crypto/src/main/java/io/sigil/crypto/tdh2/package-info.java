/**
 * TDH2 threshold decryption with access-control labels (Shoup-Gennaro, over secp256k1; THRESHOLD.md
 * "Decryption"): clients encrypt to the network key {@code Y_enc} with no node involved; each node checks the
 * ciphertext's validity proof and label before giving a {@link io.sigil.crypto.tdh2.DecryptionShare} with a DLEQ
 * proof; the client verifies t+1 shares and combines them.
 *
 * <p>Choices THRESHOLD.md leaves open, fixed here: points are hashed and encoded as 33-byte compressed SEC1; hashes
 * to Z_q are SHA-256 over a {@link io.sigil.crypto.Wire} encoding with a per-use tag, reduced mod q (bias below
 * 2^-127); the data key is HKDF-SHA256 with ikm = compressed {@code r*Y_enc}, salt = compressed {@code u},
 * info = label, 32 bytes. Wire tags: 0x31 {@link io.sigil.crypto.tdh2.Tdh2Ciphertext}, 0x32
 * {@link io.sigil.crypto.tdh2.DecryptionShare}.
 */
package io.sigil.crypto.tdh2;
