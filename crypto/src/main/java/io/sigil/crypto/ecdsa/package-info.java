/**
 * Interactive threshold ECDSA, GJKR-style with a fresh nonce per session (THRESHOLD.md "Signing").
 *
 * <p>Each participant runs a {@link io.sigil.crypto.ecdsa.SigningSession}: {@code round1()} deals shares of
 * {@code k, a} (degree t) and {@code b, c} (degree 2t, zero constant) as one {@link io.sigil.crypto.ecdsa.Round1Share}
 * per participant, and broadcasts a {@link io.sigil.crypto.ecdsa.Round1} (commitments of {@code k} and the
 * {@link io.sigil.crypto.ecdsa.SigningStatement}); {@code round2()} broadcasts {@link io.sigil.crypto.ecdsa.Round2}
 * ({@code v_j}); {@code round3()} returns the {@link io.sigil.crypto.ecdsa.SignatureShare} for the client, who
 * combines 2t+1 of them with {@link io.sigil.crypto.ecdsa.SignatureCombiner}.
 *
 * <p>All message types encode with {@link io.sigil.crypto.Wire}: tags 0x21 Round1, 0x22 Round1Share, 0x23 Round2,
 * 0x24 SignatureShare, 0x25 SigningStatement.
 */
package io.sigil.crypto.ecdsa;
