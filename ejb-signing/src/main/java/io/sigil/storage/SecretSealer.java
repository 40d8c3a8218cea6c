package io.sigil.storage;

import io.sigil.crypto.AesGcm;
import io.sigil.crypto.CryptoException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Encrypts secrets before they touch disk: AES-256-GCM under the storage key, with the secret's context (what it
 * is and whose it is, e.g. {@code key-share/<tokenId>}) as associated data, so a ciphertext copied into another
 * row or file does not open. Format: version byte {@code 1} || nonce || ciphertext || tag.
 */
@ApplicationScoped
public class SecretSealer {
    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    StorageKey storageKey;

    public SecretSealer() { }

    public SecretSealer(StorageKey storageKey) {
        this.storageKey = storageKey;
    }

    public byte[] seal(String context, byte[] secret) {
        byte[] box = AesGcm.encrypt(storageKey.bytes(), secret, aad(context), RANDOM);
        byte[] out = new byte[box.length + 1];
        out[0] = VERSION;
        System.arraycopy(box, 0, out, 1, box.length);
        return out;
    }

    /** Opens a sealed secret; throws {@link CryptoException} if it was tampered with, moved or sealed under another key. */
    public byte[] open(String context, byte[] sealed) {
        if (sealed == null || sealed.length < 2 || sealed[0] != VERSION) {
            throw new CryptoException("sealed secret has an unknown format");
        }
        byte[] box = new byte[sealed.length - 1];
        System.arraycopy(sealed, 1, box, 0, box.length);
        return AesGcm.decrypt(storageKey.bytes(), box, aad(context));
    }

    private static byte[] aad(String context) {
        return ("sigil/storage/v1|" + context).getBytes(StandardCharsets.UTF_8);
    }
}
