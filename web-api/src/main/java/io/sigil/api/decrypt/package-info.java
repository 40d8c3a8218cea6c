/** API.md's decryption endpoints: the network encryption key, one node's share, the gateway's combined plaintext. */
package io.sigil.api.decrypt;
