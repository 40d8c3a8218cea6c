/**
 * Joint-Feldman distributed key generation (THRESHOLD.md "Key generation") as a pure, transport-agnostic state
 * machine per node: {@link io.sigil.crypto.dkg.DkgSession} consumes and produces message values; the caller signs,
 * encrypts (private shares go in a {@link io.sigil.crypto.identity.PeerBox}) and delivers them.
 *
 * <p>Message flow for node {@code j}: {@code round1()} yields one {@link io.sigil.crypto.dkg.DkgRound1} to
 * broadcast and one {@link io.sigil.crypto.dkg.DkgRound1Share} per other node; after receiving every node's round 1
 * broadcast and share, {@code round2()} verifies the shares and yields the {@link io.sigil.crypto.dkg.DkgRound2}
 * echo; after every node's echo, {@code finish()} yields the {@link io.sigil.crypto.dkg.KeyShare} to store.
 * Any misbehaviour throws {@link io.sigil.crypto.dkg.DkgAbortedException} naming the culprit; the session then
 * stays aborted and releases nothing more.
 */
package io.sigil.crypto.dkg;
