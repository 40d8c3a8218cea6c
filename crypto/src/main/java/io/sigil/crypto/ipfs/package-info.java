/**
 * IPFS content identifiers for action code: the CIDv0 that {@code ipfs add} (kubo defaults) prints, computed
 * locally so a node never needs an IPFS daemon to name or check an action.
 */
package io.sigil.crypto.ipfs;
