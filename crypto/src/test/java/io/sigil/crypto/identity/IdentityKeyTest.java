package io.sigil.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Sha256;
import io.sigil.crypto.Vectors;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.Test;

class IdentityKeyTest {

    public static class Case {
        public String privateKey;
        public String k;
        public String message;
        public String r;
        public String s;
    }

    public static class File {
        public List<Case> cases;
    }

    @Test
    void signsRfc6979KnownAnswersLowS() {
        File file = Vectors.load("rfc6979.json", File.class);
        assertFalse(file.cases.isEmpty());
        for (Case c : file.cases) {
            IdentityKey key = IdentityKey.fromBytes(Hex.decode(c.privateKey));
            byte[] digest = Sha256.hash(c.message.getBytes(StandardCharsets.UTF_8));
            EcdsaSignature sig = key.sign(digest);
            assertEquals(new BigInteger(c.r.substring(2), 16), sig.r(), c.message);
            assertEquals(new BigInteger(c.s.substring(2), 16), sig.s(), c.message);
            assertEquals(Secp256k1.mulG(new BigInteger(c.k.substring(2), 16)).getAffineXCoord().toBigInteger().mod(Secp256k1.Q),
                    sig.r(), "r is the x of the RFC 6979 nonce point");
            assertTrue(sig.isLowS());
            assertTrue(sig.verify(key.publicKey(), digest));
            assertEquals(key.publicKey(), sig.recover(digest));
        }
    }

    @Test
    void knownEthereumKeyHasKnownAddress() {
        // The key and address from the web3.js accounts documentation.
        IdentityKey key = IdentityKey.fromBytes(
                Hex.decode("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));
        assertEquals("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", key.address().toString());
    }

    @Test
    void signThenRecoverAndVerifyWithBouncyCastle() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 20; i++) {
            IdentityKey key = IdentityKey.generate(random);
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            EcdsaSignature sig = key.sign(digest);
            assertTrue(sig.isLowS());
            assertEquals(key.publicKey(), sig.recover(digest));
            assertEquals(key.publicKey(), EcdsaSignature.fromBytes(sig.toBytes()).recover(digest));
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(key.publicKey(), Secp256k1.DOMAIN));
            assertTrue(verifier.verifySignature(digest, sig.r(), sig.s()));
            digest[0] ^= 1;
            assertFalse(sig.verify(key.publicKey(), digest));
        }
    }

    @Test
    void ecdhAgreesBothWays() {
        SecureRandom random = new SecureRandom();
        IdentityKey a = IdentityKey.generate(random);
        IdentityKey b = IdentityKey.generate(random);
        assertArrayEquals(a.ecdh(b.publicKey()), b.ecdh(a.publicKey()));
        assertEquals(32, a.ecdh(b.publicKey()).length);
    }

    @Test
    void bytesRoundTripAndRangeIsChecked() {
        IdentityKey key = IdentityKey.generate(new SecureRandom());
        assertEquals(key.publicKey(), IdentityKey.fromBytes(key.toBytes()).publicKey());
        assertThrows(IllegalArgumentException.class, () -> IdentityKey.fromBytes(new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> IdentityKey.fromBytes(Secp256k1.toBytes32(Secp256k1.Q)));
        assertThrows(IllegalArgumentException.class, () -> IdentityKey.fromBytes(new byte[31]));
    }

    @Test
    void secretIsRedactedAndWipedOnDestroy() {
        byte[] secret = Hex.decode("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        IdentityKey key = IdentityKey.fromBytes(secret);
        assertEquals("IdentityKey[<redacted>]", key.toString());
        assertFalse(key.toString().contains("4c0883"));
        key.destroy();
        assertTrue(key.isDestroyed());
        assertThrows(IllegalStateException.class, key::toBytes);
        assertThrows(IllegalStateException.class, () -> key.sign(new byte[32]));
        assertNotEquals(0, secret[0], "the caller's array was copied, not adopted");
    }
}
