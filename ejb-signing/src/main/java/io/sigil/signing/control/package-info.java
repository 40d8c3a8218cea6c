/** Threshold ECDSA signing among a request's participants: the {@code sign} protocol and its request value. */
package io.sigil.signing.control;
