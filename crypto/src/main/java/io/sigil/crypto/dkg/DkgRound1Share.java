package io.sigil.crypto.dkg;

import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Wire;
import java.math.BigInteger;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * DKG round 1 private message (THRESHOLD.md "Key generation" step 1): {@code f_from(to)}, sent only to node
 * {@code to}, inside a sealed box to its identity key.
 *
 * <p>Wire form ({@link Wire}): tag 0x12, version, dkgId(32), from(u16), to(u16), share(32). The bytes are secret:
 * seal them, never log them.
 */
public final class DkgRound1Share implements Destroyable {

    static final int TAG = 0x12;

    private final byte[] dkgId;
    private final int from;
    private final int to;
    private final byte[] share;
    private boolean destroyed;

    public DkgRound1Share(byte[] dkgId, int from, int to, BigInteger share) {
        this(dkgId, from, to, Secp256k1.toBytes32(checkScalar(share)));
    }

    private DkgRound1Share(byte[] dkgId, int from, int to, byte[] share32) {
        if (dkgId == null || dkgId.length != 32) {
            throw new IllegalArgumentException("dkg id must be 32 bytes");
        }
        if (from < 1 || to < 1 || from > 0xffff || to > 0xffff) {
            throw new IllegalArgumentException("malformed DKG share");
        }
        this.dkgId = dkgId.clone();
        this.from = from;
        this.to = to;
        this.share = share32;
    }

    private static BigInteger checkScalar(BigInteger v) {
        if (v == null || v.signum() < 0 || v.compareTo(Secp256k1.Q) >= 0) {
            throw new IllegalArgumentException("share out of range");
        }
        return v;
    }

    public byte[] dkgId() {
        return dkgId.clone();
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    /** {@code f_from(to)}. */
    public BigInteger share() {
        if (destroyed) {
            throw new IllegalStateException("share was destroyed");
        }
        return new BigInteger(1, share);
    }

    public byte[] toBytes() {
        return new Wire.Writer(TAG).fixed(dkgId).u16(from).u16(to).scalar(share()).toBytes();
    }

    public static DkgRound1Share fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "DKG share");
        DkgRound1Share m = new DkgRound1Share(r.fixed(32), r.u16(), r.u16(), r.scalar());
        r.end();
        return m;
    }

    @Override
    public void destroy() {
        Arrays.fill(share, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "DkgRound1Share[from=" + from + ", to=" + to + ", share=<redacted>]";
    }
}
