/**
 * Ethereum formats Sigil speaks: addresses with EIP-55 checksums, EIP-191 {@code personal_sign} hashing and
 * recovery, and EIP-4361 (Sign-In with Ethereum) messages, which carry a client's {@code authSig}.
 */
package io.sigil.crypto.eth;
