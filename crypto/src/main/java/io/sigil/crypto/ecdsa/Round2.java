package io.sigil.crypto.ecdsa;

import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Wire;
import java.math.BigInteger;

/**
 * Signing round 2 broadcast (THRESHOLD.md "Signing" round 2): {@code v_j = k_j*a_j + beta_j}, participant
 * {@code from}'s point on a degree-2t sharing of {@code v = k*a}. Public: {@code a} masks {@code k}.
 *
 * <p>Wire form ({@link Wire}): tag 0x23, version, sid(32), from(u16), v(32).
 */
public record Round2(SessionId sid, int from, BigInteger v) {

    static final int TAG = 0x23;

    public Round2 {
        if (sid == null || from < 1 || from > 0xffff || v == null || v.signum() < 0 || v.compareTo(Secp256k1.Q) >= 0) {
            throw new IllegalArgumentException("malformed signing round 2");
        }
    }

    public byte[] toBytes() {
        return new Wire.Writer(TAG).fixed(sid.bytes()).u16(from).scalar(v).toBytes();
    }

    public static Round2 fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "signing round 2");
        Round2 m = new Round2(new SessionId(r.fixed(32)), r.u16(), r.scalar());
        r.end();
        return m;
    }
}
