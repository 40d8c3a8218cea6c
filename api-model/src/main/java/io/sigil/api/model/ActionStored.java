package io.sigil.api.model;

/**
 * The answer to {@code POST /api/v1/actions}: the code's IPFS CIDv0 (Lit's {@code ipfsId}) and its size in bytes.
 */
public record ActionStored(String ipfsId, long size) { }
