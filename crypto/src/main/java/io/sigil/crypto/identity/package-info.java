/**
 * Long-lived secp256k1 identity keys of nodes and wallets, and sealed boxes: encryption to an identity public key
 * (ECDH + HKDF-SHA256 + AES-256-GCM), which carries the private protocol messages of THRESHOLD.md "Setting".
 */
package io.sigil.crypto.identity;
