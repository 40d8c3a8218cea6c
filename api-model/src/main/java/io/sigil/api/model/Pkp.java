package io.sigil.api.model;

import java.util.List;

/**
 * A PKP as {@code GET /api/v1/pkps/{tokenId}} and the mint return it (API.md).
 *
 * @param tokenId          {@code 0x} + 64 hex digits: keccak256 of the uncompressed public key without its 0x04
 * @param publicKey        uncompressed, {@code 0x04...}
 * @param ethAddress       the key's Ethereum address (EIP-55)
 * @param owner            the minter's address (EIP-55); only the owner may change permissions
 * @param permittedActions permitted action CIDs, sorted
 * @param sealed           true: permissions can no longer change
 * @param version          0 at mint, +1 per applied permission change
 */
public record Pkp(String tokenId, String publicKey, String ethAddress, String owner, List<String> permittedActions,
                  boolean sealed, long version) { }
