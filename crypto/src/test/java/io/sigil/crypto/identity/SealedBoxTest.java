package io.sigil.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigil.crypto.CryptoException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SealedBoxTest {

    private final SecureRandom random = new SecureRandom();
    private final IdentityKey recipient = IdentityKey.generate(random);
    private final byte[] aad = "dkg/round1/from=1/to=2".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsAndOpens() {
        byte[] plaintext = "f_1(2)".getBytes(StandardCharsets.UTF_8);
        byte[] box = SealedBox.seal(recipient.publicKey(), plaintext, aad, random);
        assertEquals(65 + 12 + plaintext.length + 16, box.length);
        assertEquals(0x04, box[0]);
        assertArrayEquals(plaintext, SealedBox.open(recipient, box, aad));
        assertArrayEquals(new byte[0], SealedBox.open(recipient, SealedBox.seal(recipient.publicKey(), new byte[0], null, random), null));
    }

    @Test
    void detectsTamperingAnywhere() {
        byte[] box = SealedBox.seal(recipient.publicKey(), new byte[40], aad, random);
        for (int i = 0; i < box.length; i++) {
            byte[] tampered = box.clone();
            tampered[i] ^= 0x02;
            assertThrows(CryptoException.class, () -> SealedBox.open(recipient, tampered, aad), "byte " + i);
        }
    }

    @Test
    void refusesOtherRecipientOtherAadAndShortBoxes() {
        byte[] box = SealedBox.seal(recipient.publicKey(), new byte[40], aad, random);
        assertThrows(CryptoException.class, () -> SealedBox.open(IdentityKey.generate(random), box, aad));
        assertThrows(CryptoException.class, () -> SealedBox.open(recipient, box, new byte[0]));
        assertThrows(CryptoException.class, () -> SealedBox.open(recipient, new byte[92], aad));
        assertThrows(CryptoException.class, () -> SealedBox.open(recipient, null, aad));
    }
}
