package io.sigil.api.model;

/**
 * A threshold signature combined from 2t+1 shares and verified against the PKP (API.md's gateway shape).
 *
 * @param r          32 bytes, {@code 0x} hex
 * @param s          32 bytes, low-s (EIP-2), {@code 0x} hex
 * @param recid      0 or 1 (2 or 3 in the rare case {@code R.x >= q})
 * @param signature  65 bytes {@code r||s||v} with {@code v = 27 + recid}, {@code 0x} hex
 * @param publicKey  the PKP's public key, {@code 0x04...}
 * @param dataSigned the 32-byte digest, {@code 0x} hex
 * @param ethAddress the PKP's Ethereum address (EIP-55), what {@code ecrecover} returns for this signature
 */
public record CombinedSignature(String r, String s, int recid, String signature, String publicKey, String dataSigned,
                                String ethAddress) { }
