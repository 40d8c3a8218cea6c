/**
 * Shamir secret sharing over the secp256k1 scalar field with Feldman commitments (THRESHOLD.md "Key generation"):
 * polynomials, Lagrange interpolation at zero, commitments {@code C_k = a_k*G} and share checks
 * {@code f(j)*G == sum_k j^k C_k}.
 *
 * <p>Node indices are the evaluation points 1..n; 0 is the secret and is never a share index.
 */
package io.sigil.crypto.shamir;
