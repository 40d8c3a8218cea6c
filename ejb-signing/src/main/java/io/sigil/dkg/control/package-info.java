/**
 * Minting PKPs: the {@code dkg} protocol (proposal, join, Joint-Feldman DKG, prepare/commit) and the
 * {@code dkg-outcome} protocol that settles mints left undecided by a failure during commit. One type per message.
 */
package io.sigil.dkg.control;
