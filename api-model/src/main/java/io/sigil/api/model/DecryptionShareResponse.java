package io.sigil.api.model;

/**
 * {@code POST /api/v1/decrypt}: one node's TDH2 decryption share {@code u_i = x_i*u} with its DLEQ proof
 * {@code (e_i, f_i)} that it used the same {@code x_i} as its public share {@code X_i}.
 *
 * @param shareIndex the node's index i
 * @param share      {@code 0x} hex of the share's wire form (index, u_i, e_i, f_i): what a client combines
 * @param ui         {@code u_i}, compressed {@code 0x02/03...}
 * @param proofE     {@code e_i}, {@code 0x} 32-byte hex
 * @param proofF     {@code f_i}, {@code 0x} 32-byte hex
 */
public record DecryptionShareResponse(int shareIndex, String share, String ui, String proofE, String proofF) { }
