package io.sigil.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void roundTripsAndDetectsTampering() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] plaintext = "a key share".getBytes(StandardCharsets.UTF_8);
        byte[] aad = "context".getBytes(StandardCharsets.UTF_8);
        byte[] box = AesGcm.encrypt(key, plaintext, aad, random);
        assertEquals(12 + plaintext.length + 16, box.length);
        assertArrayEquals(plaintext, AesGcm.decrypt(key, box, aad));

        for (int i = 0; i < box.length; i++) {
            byte[] tampered = box.clone();
            tampered[i] ^= 0x01;
            assertThrows(CryptoException.class, () -> AesGcm.decrypt(key, tampered, aad));
        }
        assertThrows(CryptoException.class, () -> AesGcm.decrypt(key, box, "other".getBytes(StandardCharsets.UTF_8)));
        assertThrows(CryptoException.class, () -> AesGcm.decrypt(key, box, null));
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        assertThrows(CryptoException.class, () -> AesGcm.decrypt(otherKey, box, aad));
        assertThrows(CryptoException.class, () -> AesGcm.decrypt(key, new byte[27], aad));
    }

    @Test
    void emptyPlaintextAndNullAad() {
        byte[] key = new byte[32];
        byte[] box = AesGcm.encrypt(key, new byte[0], null, random);
        assertArrayEquals(new byte[0], AesGcm.decrypt(key, box, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> AesGcm.encrypt(new byte[16], new byte[0], null, random));
    }
}
