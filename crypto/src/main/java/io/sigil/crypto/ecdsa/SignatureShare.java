package io.sigil.crypto.ecdsa;

import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Wire;
import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A participant's signature share for the client (THRESHOLD.md "Signing" round 3):
 * {@code s_j = kinv_j*(e + r*x_j) + gamma_j} with the session's nonce point {@code R}. Public: {@code gamma}
 * masks it. API.md's per-node {@code signedData} carries it as {@code signatureShare}, {@code shareIndex},
 * {@code bigR}.
 *
 * <p>Wire form ({@link Wire}): tag 0x24, version, sid(32), index(u16), s(32), R(33 compressed).
 */
public record SignatureShare(SessionId sid, int index, BigInteger s, ECPoint bigR) {

    static final int TAG = 0x24;

    public SignatureShare {
        if (sid == null || index < 1 || index > 0xffff || s == null || s.signum() < 0 || s.compareTo(Secp256k1.Q) >= 0
                || bigR == null || bigR.isInfinity() || !bigR.isValid()) {
            throw new IllegalArgumentException("malformed signature share");
        }
        bigR = bigR.normalize();
    }

    public byte[] toBytes() {
        return new Wire.Writer(TAG).fixed(sid.bytes()).u16(index).scalar(s).point(bigR).toBytes();
    }

    public static SignatureShare fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "signature share");
        SignatureShare m = new SignatureShare(new SessionId(r.fixed(32)), r.u16(), r.scalar(), r.point());
        r.end();
        return m;
    }
}
