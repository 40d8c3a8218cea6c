package io.sigil.api.model;

/**
 * One node's share of a threshold ECDSA signature, as API.md's per-node execute response carries it in
 * {@code signedData[sigName]}. A client Lagrange-combines 2t+1 of them (same {@code bigR}) into the signature.
 *
 * @param sigType        always {@code K256} (secp256k1 ECDSA)
 * @param dataSigned     the signed 32-byte digest, {@code 0x} hex
 * @param signatureShare {@code s_j}, 32 bytes {@code 0x} hex
 * @param shareIndex     the node index j (the share's x coordinate)
 * @param bigR           the session's nonce point R, compressed (33 bytes) {@code 0x} hex
 * @param publicKey      the PKP public key, uncompressed {@code 0x04...}
 * @param sigName        the action's name for this signature
 */
public record SignedShare(String sigType, String dataSigned, String signatureShare, int shareIndex, String bigR,
                          String publicKey, String sigName) {
    public static final String K256 = "K256";
}
