package io.sigil.api.model;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/network/encryption-key}: what a client needs to encrypt to the network and to check decryption
 * shares (THRESHOLD.md "Decryption").
 *
 * @param publicKey    {@code Y_enc}, uncompressed {@code 0x04...}
 * @param H            TDH2's second generator, uncompressed {@code 0x04...}
 * @param t            degree: t+1 shares decrypt
 * @param n            number of nodes (share indices 1..n)
 * @param commitments  the summed Feldman commitments {@code A_0..A_t} ({@code A_0 = Y_enc}), uncompressed
 * @param publicShares node index (decimal) to its public share {@code X_j}, uncompressed
 */
public record NetworkEncryptionKey(String publicKey, String H, int t, int n, List<String> commitments,
                                   Map<String, String> publicShares) { }
