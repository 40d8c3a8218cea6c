package io.sigil.crypto.ecdsa;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.shamir.Lagrange;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The client's last step (THRESHOLD.md "Signing", "Client"): interpolates {@code s} at zero from 2t+1 signature
 * shares, normalises to low-s, derives the recovery id, and hands out the signature only if it verifies against
 * the key. A failure means a participant misbehaved: retry with another participant set.
 */
public final class SignatureCombiner {

    private SignatureCombiner() {
    }

    /**
     * @param publicKey the key {@code Y} the signature must verify under
     * @param e         the signed 32-byte digest
     * @param shares    one share per participant of one session (2t+1 of them)
     * @throws CryptoException if the shares disagree on the session or {@code R}, repeat an index, or the
     *         combined signature does not verify
     */
    public static EcdsaSignature combine(ECPoint publicKey, byte[] e, Collection<SignatureShare> shares) {
        if (e == null || e.length != 32) {
            throw new IllegalArgumentException("digest must be 32 bytes");
        }
        if (shares == null || shares.isEmpty()) {
            throw new CryptoException("no signature shares");
        }
        SignatureShare first = shares.iterator().next();
        Map<Integer, BigInteger> values = new TreeMap<>();
        for (SignatureShare share : shares) {
            if (!share.sid().equals(first.sid()) || !share.bigR().equals(first.bigR())) {
                throw new CryptoException("signature shares come from different sessions");
            }
            if (values.put(share.index(), share.s()) != null) {
                throw new CryptoException("signature shares repeat a participant");
            }
        }
        BigInteger q = Secp256k1.Q;
        BigInteger s = Lagrange.interpolateAtZero(values);
        ECPoint bigR = first.bigR();
        BigInteger rx = bigR.getAffineXCoord().toBigInteger();
        BigInteger r = rx.mod(q);
        if (r.signum() == 0 || s.signum() == 0) {
            throw new CryptoException("combined signature does not verify");
        }
        int recid = (bigR.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0) | (rx.compareTo(q) >= 0 ? 2 : 0);
        EcdsaSignature signature = new EcdsaSignature(r, s, recid).normalizeS();
        if (!signature.verify(publicKey, e)) {
            throw new CryptoException("combined signature does not verify");
        }
        return signature;
    }
}
