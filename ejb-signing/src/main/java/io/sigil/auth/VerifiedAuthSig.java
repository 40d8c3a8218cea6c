package io.sigil.auth;

import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.Siwe;

/**
 * An authSig that passed {@link AuthSigVerifier}: {@code address} signed {@code message}, which is valid now.
 *
 * @param address the authenticated wallet address
 * @param message the parsed SIWE message it signed
 */
public record VerifiedAuthSig(EthAddress address, Siwe message) { }
