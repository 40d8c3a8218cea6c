/**
 * Threshold decryption as the HTTP API and the engine's host use it: the network key, one node's share for a
 * requester the conditions admit, and combining shares from t+1 nodes ({@link io.sigil.decrypt.boundary.Decryption}).
 */
package io.sigil.decrypt.boundary;
