package io.sigil.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** The secp256k1 group every Sigil key lives in (THRESHOLD.md "Setting"), with its encodings. */
public final class Secp256k1 {

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

    /** Curve, generator and order as Bouncy Castle signers want them. */
    public static final ECDomainParameters DOMAIN =
            new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());

    /** The group order {@code q}; all scalars are mod {@code q}. */
    public static final BigInteger Q = PARAMS.getN();

    /** The generator {@code G}. */
    public static final ECPoint G = PARAMS.getG();

    /** The field prime {@code p} (x and y coordinates are mod {@code p}). */
    public static final BigInteger P = PARAMS.getCurve().getField().getCharacteristic();

    /** {@code floor(q/2)}: an s above it is "high" in the EIP-2 sense. */
    public static final BigInteger HALF_Q = Q.shiftRight(1);

    private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /**
     * {@code k*G}, normalised, with the fixed-point comb (precomputed tables for G make this several times faster
     * than a generic multiplication). {@code k} is reduced mod q first, so 0 gives the point at infinity.
     */
    public static ECPoint mulG(BigInteger k) {
        BigInteger reduced = k.mod(Q);
        if (reduced.signum() == 0) {
            return G.getCurve().getInfinity();
        }
        return COMB.multiply(G, reduced).normalize();
    }

    /**
     * Decodes a SEC1 point, compressed (33 bytes, 0x02/0x03) or uncompressed (65 bytes, 0x04).
     *
     * @throws IllegalArgumentException for any other length or prefix, the point at infinity, or a point not on
     *         the curve (Bouncy Castle checks the curve equation while decoding; we check again after)
     */
    public static ECPoint decodePoint(byte[] encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("point encoding is missing");
        }
        boolean compressed = encoded.length == 33 && (encoded[0] == 0x02 || encoded[0] == 0x03);
        boolean uncompressed = encoded.length == 65 && encoded[0] == 0x04;
        if (!compressed && !uncompressed) {
            throw new IllegalArgumentException("point must be a 33-byte compressed or 65-byte uncompressed encoding");
        }
        ECPoint p;
        try {
            p = PARAMS.getCurve().decodePoint(encoded);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("point is not on secp256k1");
        }
        if (p.isInfinity() || !p.isValid()) {
            throw new IllegalArgumentException("point is not on secp256k1");
        }
        return p.normalize();
    }

    /** Decodes a {@code 0x}-hex point; see {@link #decodePoint(byte[])}. */
    public static ECPoint decodePoint(String hex) {
        return decodePoint(Hex.decode(hex));
    }

    /** The 65-byte uncompressed encoding {@code 04 || x || y}. */
    public static byte[] encode(ECPoint p) {
        if (p.isInfinity()) {
            throw new IllegalArgumentException("the point at infinity has no encoding");
        }
        return p.normalize().getEncoded(false);
    }

    /** The 33-byte compressed encoding {@code 02|03 || x}. */
    public static byte[] encodeCompressed(ECPoint p) {
        if (p.isInfinity()) {
            throw new IllegalArgumentException("the point at infinity has no encoding");
        }
        return p.normalize().getEncoded(true);
    }

    /** A uniform scalar in {@code [1, q-1]} by rejection sampling (no modular bias). */
    public static BigInteger randomScalar(SecureRandom random) {
        while (true) {
            BigInteger k = new BigInteger(256, random);
            if (k.signum() > 0 && k.compareTo(Q) < 0) {
                return k;
            }
        }
    }

    /** A scalar as exactly 32 big-endian bytes; it must be in {@code [0, 2^256)}. */
    public static byte[] toBytes32(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new IllegalArgumentException("value does not fit in 32 bytes");
        }
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        if (raw.length > 32) {
            System.arraycopy(raw, raw.length - 32, out, 0, 32);
        } else {
            System.arraycopy(raw, 0, out, 32 - raw.length, raw.length);
        }
        return out;
    }

    /** Reads 32 big-endian bytes as an unsigned integer (not reduced). */
    public static BigInteger fromBytes32(byte[] b) {
        if (b == null || b.length != 32) {
            throw new IllegalArgumentException("scalar must be 32 bytes");
        }
        return new BigInteger(1, b);
    }

    /** Reads 32 bytes as a scalar and checks it is in {@code [0, q)}. */
    public static BigInteger scalarFromBytes(byte[] b) {
        BigInteger v = fromBytes32(b);
        if (v.compareTo(Q) >= 0) {
            throw new IllegalArgumentException("scalar is not below the group order");
        }
        return v;
    }
}
