/** Threshold signing for actions: permission check, key share, the signing protocol, API.md's share shape. */
package io.sigil.signing.boundary;
