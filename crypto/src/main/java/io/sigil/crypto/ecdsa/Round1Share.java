package io.sigil.crypto.ecdsa;

import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Wire;
import java.math.BigInteger;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Signing round 1 private message (THRESHOLD.md "Signing" round 1): {@code k_i(j), a_i(j), b_i(j), c_i(j)} from
 * dealer {@code from} to participant {@code to}, sent inside a sealed box to {@code to}'s identity key.
 *
 * <p>Wire form ({@link Wire}): tag 0x22, version, sid(32), from(u16), to(u16), k(32), a(32), b(32), c(32).
 * Secret: seal it, never log it.
 */
public final class Round1Share implements Destroyable {

    static final int TAG = 0x22;

    private final SessionId sid;
    private final int from;
    private final int to;
    private final byte[] values; // k || a || b || c, 32 bytes each
    private boolean destroyed;

    public Round1Share(SessionId sid, int from, int to, BigInteger k, BigInteger a, BigInteger b, BigInteger c) {
        if (sid == null || from < 1 || to < 1 || from > 0xffff || to > 0xffff) {
            throw new IllegalArgumentException("malformed signing share");
        }
        this.sid = sid;
        this.from = from;
        this.to = to;
        this.values = new byte[128];
        BigInteger[] all = {k, a, b, c};
        for (int i = 0; i < 4; i++) {
            if (all[i] == null || all[i].signum() < 0 || all[i].compareTo(Secp256k1.Q) >= 0) {
                throw new IllegalArgumentException("signing share out of range");
            }
            System.arraycopy(Secp256k1.toBytes32(all[i]), 0, values, 32 * i, 32);
        }
    }

    public SessionId sid() {
        return sid;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    /** {@code k_from(to)}. */
    public BigInteger k() {
        return value(0);
    }

    /** {@code a_from(to)}. */
    public BigInteger a() {
        return value(1);
    }

    /** {@code b_from(to)}. */
    public BigInteger b() {
        return value(2);
    }

    /** {@code c_from(to)}. */
    public BigInteger c() {
        return value(3);
    }

    private BigInteger value(int i) {
        if (destroyed) {
            throw new IllegalStateException("signing share was destroyed");
        }
        return new BigInteger(1, Arrays.copyOfRange(values, 32 * i, 32 * i + 32));
    }

    public byte[] toBytes() {
        return new Wire.Writer(TAG).fixed(sid.bytes()).u16(from).u16(to)
                .scalar(k()).scalar(a()).scalar(b()).scalar(c()).toBytes();
    }

    public static Round1Share fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "signing share");
        Round1Share m = new Round1Share(new SessionId(r.fixed(32)), r.u16(), r.u16(),
                r.scalar(), r.scalar(), r.scalar(), r.scalar());
        r.end();
        return m;
    }

    boolean sameValues(Round1Share other) {
        return Arrays.equals(values, other.values);
    }

    @Override
    public void destroy() {
        Arrays.fill(values, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "Round1Share[sid=" + sid + ", from=" + from + ", to=" + to + ", <redacted>]";
    }
}
