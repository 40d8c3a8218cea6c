package io.sigil.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A recoverable secp256k1 ECDSA signature {@code (r, s, recid)} over a 32-byte digest.
 *
 * <p>{@code recid} bit 0 is the parity of {@code R.y}; bit 1 says {@code R.x >= q} (so {@code r = R.x - q}),
 * which happens with probability about 2^-128. The wire form (API.md) is 65 bytes {@code r||s||v} with
 * {@code v = 27 + recid}.
 *
 * @param r     in {@code [1, q-1]}
 * @param s     in {@code [1, q-1]}; not forced low here so that any valid signature can be represented, see
 *              {@link #isLowS()}
 * @param recid in {@code [0, 3]}
 */
public record EcdsaSignature(BigInteger r, BigInteger s, int recid) {

    public EcdsaSignature {
        if (r == null || r.signum() <= 0 || r.compareTo(Secp256k1.Q) >= 0) {
            throw new IllegalArgumentException("signature r out of range");
        }
        if (s == null || s.signum() <= 0 || s.compareTo(Secp256k1.Q) >= 0) {
            throw new IllegalArgumentException("signature s out of range");
        }
        if (recid < 0 || recid > 3) {
            throw new IllegalArgumentException("signature recovery id out of range");
        }
    }

    /** 65 bytes {@code r(32) || s(32) || v} with {@code v = 27 + recid}. */
    public byte[] toBytes() {
        byte[] out = new byte[65];
        System.arraycopy(Secp256k1.toBytes32(r), 0, out, 0, 32);
        System.arraycopy(Secp256k1.toBytes32(s), 0, out, 32, 32);
        out[64] = (byte) (27 + recid);
        return out;
    }

    /**
     * Parses 65 bytes {@code r||s||v}. Accepts {@code v} as 27/28 (Ethereum) or 0/1 (raw recovery id), and also
     * 29/30 and 2/3 so that the rare {@code R.x >= q} signatures this class writes can be read back.
     */
    public static EcdsaSignature fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 65) {
            throw new IllegalArgumentException("signature must be 65 bytes");
        }
        byte[] rb = new byte[32];
        byte[] sb = new byte[32];
        System.arraycopy(bytes, 0, rb, 0, 32);
        System.arraycopy(bytes, 32, sb, 0, 32);
        int v = bytes[64] & 0xff;
        int recid;
        if (v >= 27 && v <= 30) {
            recid = v - 27;
        } else if (v <= 3) {
            recid = v;
        } else {
            throw new IllegalArgumentException("signature v must be 27 or 28");
        }
        return new EcdsaSignature(new BigInteger(1, rb), new BigInteger(1, sb), recid);
    }

    /** Parses a {@code 0x}-hex 65-byte signature. */
    public static EcdsaSignature fromHex(String hex) {
        return fromBytes(Hex.decode(hex));
    }

    /** The {@code 0x}-hex wire form. */
    public String toHex() {
        return Hex.encode(toBytes());
    }

    /** {@code v = 27 + recid}, as Ethereum tooling expects. */
    public int v() {
        return 27 + recid;
    }

    /** True when {@code s <= q/2} (EIP-2: Ethereum rejects high-s transaction signatures). */
    public boolean isLowS() {
        return s.compareTo(Secp256k1.HALF_Q) <= 0;
    }

    /**
     * The low-s twin of this signature: {@code (r, q-s)} verifies for the same key and digest, and negating s
     * negates the recovered R, so the y-parity bit of recid flips.
     */
    public EcdsaSignature normalizeS() {
        if (isLowS()) {
            return this;
        }
        return new EcdsaSignature(r, Secp256k1.Q.subtract(s), recid ^ 1);
    }

    /** Standard ECDSA verification with Bouncy Castle (recid plays no part). */
    public boolean verify(ECPoint publicKey, byte[] digest32) {
        checkDigest(digest32);
        if (publicKey == null || publicKey.isInfinity()) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(publicKey, Secp256k1.DOMAIN));
        return verifier.verifySignature(digest32, r, s);
    }

    /**
     * The public key that produced this signature over {@code digest32} (SEC1 v2 section 4.1.6, which is what
     * Ethereum's {@code ecrecover} does).
     *
     * @throws IllegalArgumentException when no point has the stated x coordinate or the result is infinity
     */
    public ECPoint recover(byte[] digest32) {
        checkDigest(digest32);
        BigInteger x = r.add(BigInteger.valueOf(recid >> 1).multiply(Secp256k1.Q));
        if (x.compareTo(Secp256k1.P) >= 0) {
            throw new IllegalArgumentException("signature does not recover to a public key");
        }
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (0x02 | (recid & 1));
        System.arraycopy(Secp256k1.toBytes32(x), 0, compressed, 1, 32);
        ECPoint bigR;
        try {
            bigR = Secp256k1.decodePoint(compressed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature does not recover to a public key");
        }
        BigInteger e = new BigInteger(1, digest32);
        BigInteger rInv = r.modInverse(Secp256k1.Q);
        BigInteger a = e.negate().multiply(rInv).mod(Secp256k1.Q);
        BigInteger b = s.multiply(rInv).mod(Secp256k1.Q);
        // Q = r^-1 (s*R - e*G)
        ECPoint key = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, a, bigR, b).normalize();
        if (key.isInfinity()) {
            throw new IllegalArgumentException("signature does not recover to a public key");
        }
        return key;
    }

    private static void checkDigest(byte[] digest32) {
        if (digest32 == null || digest32.length != 32) {
            throw new IllegalArgumentException("digest must be 32 bytes");
        }
    }
}
