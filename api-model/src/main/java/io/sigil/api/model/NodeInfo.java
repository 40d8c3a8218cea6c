package io.sigil.api.model;

import java.util.List;

/**
 * What a node says about itself at {@code GET /api/v1/node} (API.md); peers read it to learn and check identity keys.
 *
 * @param index             this node's index
 * @param identityAddress   Ethereum address of the identity key (EIP-55)
 * @param identityPublicKey uncompressed identity public key, {@code 0x04...}
 * @param network           the network as this node is configured, with what it knows of each member
 * @param version           Sigil's version
 */
public record NodeInfo(int index, String identityAddress, String identityPublicKey, Network network, String version) {

    /** {@code signers} is the participant count a signature needs, {@code 2t+1}. */
    public record Network(int n, int t, int signers, List<Member> nodes) { }

    /**
     * @param identityAddress the member's pinned identity address, null until first contact
     * @param reachable       whether the member accepted this node's last signed message (always true for itself)
     */
    public record Member(int index, String url, String identityAddress, boolean reachable) { }
}
