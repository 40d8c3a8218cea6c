package io.sigil.crypto.identity;

import io.sigil.crypto.AesGcm;
import io.sigil.crypto.CryptoException;
import io.sigil.crypto.Hkdf;
import io.sigil.crypto.Secp256k1;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Encryption to an identity public key (THRESHOLD.md "Setting": ECDH + HKDF-SHA256 + AES-256-GCM): an ephemeral
 * key agrees a secret with the recipient, HKDF turns it into a one-time AES key.
 *
 * <p>Format: {@code ephemeralPub(65, uncompressed) || nonce(12) || ciphertext || tag(16)}. The HKDF salt binds
 * both public keys so a box cannot be re-targeted; the caller's {@code aad} (for example the envelope header)
 * binds the context.
 */
public final class SealedBox {

    /** HKDF info: names the scheme and version, so keys derived here are never reused by another scheme. */
    static final byte[] INFO = "sigil/sealed-box/v1".getBytes(StandardCharsets.US_ASCII);

    private static final int EPHEMERAL_LENGTH = 65;

    private SealedBox() {
    }

    /** Encrypts {@code plaintext} so only the holder of {@code recipient}'s private key can read it. */
    public static byte[] seal(ECPoint recipient, byte[] plaintext, byte[] aad, SecureRandom random) {
        if (recipient == null || recipient.isInfinity() || !recipient.isValid()) {
            throw new IllegalArgumentException("recipient is not a point on secp256k1");
        }
        BigInteger ephemeral = Secp256k1.randomScalar(random);
        byte[] ephemeralPub = Secp256k1.encode(Secp256k1.mulG(ephemeral));
        byte[] shared = recipient.multiply(ephemeral).normalize().getAffineXCoord().getEncoded();
        byte[] key = deriveKey(shared, ephemeralPub, Secp256k1.encode(recipient));
        try {
            byte[] box = AesGcm.encrypt(key, plaintext, aad, random);
            byte[] out = new byte[EPHEMERAL_LENGTH + box.length];
            System.arraycopy(ephemeralPub, 0, out, 0, EPHEMERAL_LENGTH);
            System.arraycopy(box, 0, out, EPHEMERAL_LENGTH, box.length);
            return out;
        } finally {
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Opens a box sealed to {@code recipient}'s public key.
     *
     * @throws CryptoException if the box is malformed, altered, sealed to another key, or {@code aad} differs
     */
    public static byte[] open(IdentityKey recipient, byte[] box, byte[] aad) {
        if (box == null || box.length < EPHEMERAL_LENGTH + AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH
                || box[0] != 0x04) {
            throw new CryptoException("sealed box is malformed");
        }
        byte[] ephemeralPub = Arrays.copyOfRange(box, 0, EPHEMERAL_LENGTH);
        ECPoint ephemeral;
        try {
            ephemeral = Secp256k1.decodePoint(ephemeralPub);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("sealed box is malformed");
        }
        byte[] shared = recipient.ecdh(ephemeral);
        byte[] key = deriveKey(shared, ephemeralPub, Secp256k1.encode(recipient.publicKey()));
        try {
            return AesGcm.decrypt(key, Arrays.copyOfRange(box, EPHEMERAL_LENGTH, box.length), aad);
        } finally {
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] deriveKey(byte[] shared, byte[] ephemeralPub, byte[] recipientPub) {
        byte[] salt = new byte[ephemeralPub.length + recipientPub.length];
        System.arraycopy(ephemeralPub, 0, salt, 0, ephemeralPub.length);
        System.arraycopy(recipientPub, 0, salt, ephemeralPub.length, recipientPub.length);
        return Hkdf.sha256(shared, salt, INFO, 32);
    }
}
