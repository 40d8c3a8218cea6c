/**
 * Who is calling: verification of Lit-style authSigs (SIWE message + EIP-191 signature), shared by mint,
 * permission changes and execute.
 */
package io.sigil.auth;
