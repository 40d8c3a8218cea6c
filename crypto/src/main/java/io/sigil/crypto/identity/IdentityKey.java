package io.sigil.crypto.identity;

import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.eth.EthAddress;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A node's or wallet's secp256k1 private key (THRESHOLD.md "Setting"): signs protocol messages and authSigs,
 * and opens sealed boxes sent to it.
 *
 * <p>The scalar is kept as a byte array so {@link #destroy()} can zero it. The {@link BigInteger}s built from it
 * for each operation cannot be wiped (immutable, the JVM may copy them); they are short-lived and unreachable
 * after the call, which is the best plain Java offers.
 */
public final class IdentityKey implements Destroyable {

    private final byte[] secret;
    private final ECPoint publicKey;
    private volatile boolean destroyed;

    private IdentityKey(byte[] secret32) {
        this.secret = secret32;
        this.publicKey = Secp256k1.mulG(new BigInteger(1, secret32));
    }

    /** A fresh uniformly random key. */
    public static IdentityKey generate(SecureRandom random) {
        return new IdentityKey(Secp256k1.toBytes32(Secp256k1.randomScalar(random)));
    }

    /**
     * A key from its 32 big-endian bytes (copied).
     *
     * @throws IllegalArgumentException unless the value is in {@code [1, q-1]}
     */
    public static IdentityKey fromBytes(byte[] secret32) {
        if (secret32 == null || secret32.length != 32) {
            throw new IllegalArgumentException("private key must be 32 bytes");
        }
        BigInteger d = new BigInteger(1, secret32);
        if (d.signum() == 0 || d.compareTo(Secp256k1.Q) >= 0) {
            throw new IllegalArgumentException("private key out of range");
        }
        return new IdentityKey(secret32.clone());
    }

    /** A copy of the 32 secret bytes, for encrypted storage only; the caller wipes it. */
    public byte[] toBytes() {
        checkAlive();
        return secret.clone();
    }

    /** The public key {@code d*G}. */
    public ECPoint publicKey() {
        return publicKey;
    }

    /** The Ethereum address of the public key. */
    public EthAddress address() {
        return EthAddress.of(publicKey);
    }

    /**
     * Signs a 32-byte digest with RFC 6979 deterministic nonces (no RNG to fail), low-s (EIP-2), with the recovery
     * id that makes {@code ecrecover} return this key.
     */
    public EcdsaSignature sign(byte[] digest32) {
        if (digest32 == null || digest32.length != 32) {
            throw new IllegalArgumentException("digest must be 32 bytes");
        }
        checkAlive();
        // ECDSA as SEC1 4.1.3 with RFC 6979 nonces (Bouncy Castle's HMacDSAKCalculator, so signatures are the ones
        // BC's ECDSASigner gives), done here rather than by ECDSASigner because that hides R: the recovery id is
        // R.y's parity (and whether R.x overflowed q), where recovering it afterwards cost a double multiplication
        // per candidate, more than the signature itself.
        BigInteger d = new BigInteger(1, secret);
        BigInteger e = new BigInteger(1, digest32);
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(Secp256k1.Q, d, digest32);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint bigR = Secp256k1.mulG(k);
            BigInteger rx = bigR.getAffineXCoord().toBigInteger();
            BigInteger r = rx.mod(Secp256k1.Q);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(Secp256k1.Q).multiply(e.add(d.multiply(r))).mod(Secp256k1.Q);
            if (s.signum() == 0) {
                continue;
            }
            int recid = (bigR.getAffineYCoord().testBitZero() ? 1 : 0) | (rx.compareTo(Secp256k1.Q) >= 0 ? 2 : 0);
            if (s.compareTo(Secp256k1.HALF_Q) > 0) {
                s = Secp256k1.Q.subtract(s); // low s (EIP-2): -s signs with -R, whose y has the other parity
                recid ^= 1;
            }
            return new EcdsaSignature(r, s, recid);
        }
    }

    /** The 32-byte x coordinate of {@code d*peer} (the ECDH shared secret; hash it before use as a key). */
    public byte[] ecdh(ECPoint peer) {
        checkAlive();
        if (peer == null || peer.isInfinity() || !peer.isValid()) {
            throw new IllegalArgumentException("peer key is not a point on secp256k1");
        }
        ECPoint shared = peer.multiply(new BigInteger(1, secret)).normalize();
        if (shared.isInfinity()) {
            throw new IllegalArgumentException("peer key is not a point on secp256k1");
        }
        return shared.getAffineXCoord().getEncoded();
    }

    /** Zeroes the secret; every later secret operation throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        Arrays.fill(secret, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "IdentityKey[<redacted>]";
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("identity key was destroyed");
        }
    }
}
