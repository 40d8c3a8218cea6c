package io.sigil.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PeerBoxTest {

    private final SecureRandom random = new SecureRandom();
    private final IdentityKey alice = IdentityKey.generate(random);
    private final IdentityKey bob = IdentityKey.generate(random);
    private final IdentityKey mallory = IdentityKey.generate(random);
    private final byte[] aad = "sign/round1/from=1/to=2".getBytes(StandardCharsets.UTF_8);

    @Test
    void eachSideOpensWhatTheOtherSealed() {
        PeerBox ab = PeerBox.agree(alice, bob.publicKey());
        PeerBox ba = PeerBox.agree(bob, alice.publicKey());
        byte[] plaintext = "k_1(2), a_1(2), b_1(2), c_1(2)".getBytes(StandardCharsets.UTF_8);
        byte[] box = ab.seal(plaintext, aad, random);
        assertEquals(16 + 12 + plaintext.length + 16, box.length);
        assertArrayEquals(plaintext, ba.open(box, aad));
        assertArrayEquals(plaintext, ab.open(ba.seal(plaintext, aad, random), aad));
        assertArrayEquals(new byte[0], ba.open(ab.seal(new byte[0], null, random), null));
    }

    @Test
    void everyBoxHasItsOwnKeyAndNonce() {
        PeerBox ab = PeerBox.agree(alice, bob.publicKey());
        byte[] plaintext = new byte[32];
        byte[] one = ab.seal(plaintext, aad, random);
        byte[] two = ab.seal(plaintext, aad, random);
        assertFalse(Hex.encode(one).equals(Hex.encode(two)));
    }

    @Test
    void aBoxOpensOnlyInItsDirectionBetweenItsTwoKeys() {
        PeerBox ab = PeerBox.agree(alice, bob.publicKey());
        byte[] box = ab.seal(new byte[40], aad, random);
        // the sender cannot pass its own box off as one from the peer (no reflection)
        assertThrows(CryptoException.class, () -> ab.open(box, aad));
        // a third key, with either party, opens nothing
        assertThrows(CryptoException.class, () -> PeerBox.agree(mallory, alice.publicKey()).open(box, aad));
        assertThrows(CryptoException.class, () -> PeerBox.agree(mallory, bob.publicKey()).open(box, aad));
        // nor does another context
        PeerBox ba = PeerBox.agree(bob, alice.publicKey());
        assertThrows(CryptoException.class, () -> ba.open(box, "sign/round1/from=1/to=3".getBytes(StandardCharsets.UTF_8)));
        assertThrows(CryptoException.class, () -> ba.open(new byte[16 + 12 + 15], aad));
        assertThrows(CryptoException.class, () -> ba.open(null, aad));
    }

    @Test
    void detectsTamperingAnywhere() {
        byte[] box = PeerBox.agree(alice, bob.publicKey()).seal(new byte[40], aad, random);
        PeerBox ba = PeerBox.agree(bob, alice.publicKey());
        for (int i = 0; i < box.length; i++) {
            byte[] tampered = box.clone();
            tampered[i] ^= 0x02;
            assertThrows(CryptoException.class, () -> ba.open(tampered, aad), "byte " + i);
        }
    }

    @Test
    void redactedRefusesItselfAndIsUnusableOnceDestroyed() {
        PeerBox ab = PeerBox.agree(alice, bob.publicKey());
        assertEquals("PeerBox[<redacted>]", ab.toString());
        assertThrows(IllegalArgumentException.class, () -> PeerBox.agree(alice, alice.publicKey()));
        ab.destroy();
        assertThrows(IllegalStateException.class, () -> ab.seal(new byte[1], aad, random));
    }
}
