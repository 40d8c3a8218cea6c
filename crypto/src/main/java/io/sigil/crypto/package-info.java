/**
 * Primitives every Sigil module shares: secp256k1 arithmetic, hex, Keccak-256, recoverable ECDSA signatures,
 * AES-256-GCM and HKDF. Plain Java over Bouncy Castle and the JDK; no container.
 *
 * <p>Sub-packages are organised by role: {@code identity} (node and wallet keys, sealed boxes), {@code eth}
 * (Ethereum formats), {@code ipfs} (content ids), {@code shamir}, {@code dkg}, {@code ecdsa} and {@code tdh2}
 * (the threshold protocols of THRESHOLD.md).
 */
package io.sigil.crypto;
