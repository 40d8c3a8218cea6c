package io.sigil.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through the JDK (AES-NI and CLMUL intrinsics), as {@code nonce(12) || ciphertext || tag(16)}.
 *
 * <p>Nonces are random 96-bit values: safe for up to about 2^32 messages per key, far beyond any Sigil key's use
 * (identity keys derive a fresh key per sealed box; storage keys encrypt one record per share).
 */
public final class AesGcm {

    /** Bytes of the random nonce prefix. */
    public static final int NONCE_LENGTH = 12;
    /** Bytes of the authentication tag suffix. */
    public static final int TAG_LENGTH = 16;

    private AesGcm() {
    }

    /** Encrypts and authenticates {@code plaintext} and {@code aad} (null means empty). */
    public static byte[] encrypt(byte[] key32, byte[] plaintext, byte[] aad, SecureRandom random) {
        checkKey(key32);
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key32, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            byte[] out = new byte[NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
            return out;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("encryption failed", e);
        }
    }

    /**
     * Checks and decrypts a box from {@link #encrypt}.
     *
     * @throws CryptoException if the box is too short, was altered, or the key or aad differ
     */
    public static byte[] decrypt(byte[] key32, byte[] box, byte[] aad) {
        checkKey(key32);
        if (box == null || box.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new CryptoException("ciphertext is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key32, "AES"),
                    new GCMParameterSpec(TAG_LENGTH * 8, box, 0, NONCE_LENGTH));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(box, NONCE_LENGTH, box.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new CryptoException("decryption failed");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("decryption failed", e);
        }
    }

    private static void checkKey(byte[] key32) {
        if (key32 == null || key32.length != 32) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes");
        }
    }
}
