package io.sigil.crypto.tdh2;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Wire;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A TDH2 ciphertext {@code (c, label, u, u', e, f)} (THRESHOLD.md "Decryption"): {@code c} is the AES-256-GCM box
 * of the data under the derived key with {@code label} as AAD; {@code u = rG}, {@code u' = rH}; {@code (e, f)}
 * proves knowledge of {@code r} and binds {@code c} and {@code label}.
 *
 * <p>Wire form ({@link Wire}): tag 0x31, version, label(32), u(33), u'(33), e(32), f(32), c (u32 length + bytes).
 *
 * @param c     nonce(12) || ciphertext || tag(16), see {@link io.sigil.crypto.AesGcm}
 * @param label SHA-256 of the canonical JSON of the access-control conditions
 */
public record Tdh2Ciphertext(byte[] c, byte[] label, ECPoint u, ECPoint uBar, BigInteger e, BigInteger f) {

    static final int TAG = 0x31;

    public Tdh2Ciphertext {
        if (c == null || label == null || label.length != 32 || u == null || uBar == null
                || u.isInfinity() || uBar.isInfinity() || !u.isValid() || !uBar.isValid()
                || e == null || f == null || e.signum() < 0 || f.signum() < 0
                || e.compareTo(Secp256k1.Q) >= 0 || f.compareTo(Secp256k1.Q) >= 0) {
            throw new IllegalArgumentException("malformed TDH2 ciphertext");
        }
        c = c.clone();
        label = label.clone();
        u = u.normalize();
        uBar = uBar.normalize();
    }

    @Override
    public byte[] c() {
        return c.clone();
    }

    @Override
    public byte[] label() {
        return label.clone();
    }

    public byte[] toBytes() {
        return new Wire.Writer(TAG).fixed(label).point(u).point(uBar).scalar(e).scalar(f).bytes(c).toBytes();
    }

    public static Tdh2Ciphertext fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "TDH2 ciphertext");
        byte[] label = r.fixed(32);
        ECPoint u = r.point();
        ECPoint uBar = r.point();
        BigInteger e = r.scalar();
        BigInteger f = r.scalar();
        byte[] c = r.bytes();
        r.end();
        return new Tdh2Ciphertext(c, label, u, uBar, e, f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tdh2Ciphertext x && Arrays.equals(x.c, c) && Arrays.equals(x.label, label)
                && x.u.equals(u) && x.uBar.equals(uBar) && x.e.equals(e) && x.f.equals(f);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(label) * 31 + e.hashCode();
    }

    @Override
    public String toString() {
        return "Tdh2Ciphertext[label=" + Hex.encode(label) + ", bytes=" + c.length + "]";
    }
}
