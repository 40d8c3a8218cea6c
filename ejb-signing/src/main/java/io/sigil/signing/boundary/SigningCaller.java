package io.sigil.signing.boundary;

import io.sigil.crypto.eth.EthAddress;

/**
 * Who asks this node to sign: the running action (its IPFS CID, null for inline code) and the verified authSig's
 * address (null without an authSig). A PKP signs for its permitted actions and for its owner.
 */
public record SigningCaller(String actionCid, EthAddress authSigAddress) { }
