/**
 * The network encryption key (THRESHOLD.md "Decryption"): made once by DKG when the network first forms
 * ({@link io.sigil.netkey.control.NetworkKeyProtocol}), kept sealed on each node ({@link io.sigil.netkey.control.NetworkKeyStore}),
 * learnt from peers by a node that has no record of it.
 */
package io.sigil.netkey.control;
