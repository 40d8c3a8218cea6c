package io.sigil.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class EcdsaSignatureTest {

    private static final BigInteger R = new BigInteger("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", 16);
    private static final BigInteger S = new BigInteger("2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5", 16);

    @Test
    void wireFormIsRsV() {
        EcdsaSignature sig = new EcdsaSignature(R, S, 1);
        byte[] bytes = sig.toBytes();
        assertEquals(65, bytes.length);
        assertEquals(28, bytes[64]);
        assertEquals("0x934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8"
                + "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e51c", sig.toHex());
        assertEquals(sig, EcdsaSignature.fromBytes(bytes));
        assertEquals(sig, EcdsaSignature.fromHex(sig.toHex()));
        bytes[64] = 1;
        assertEquals(sig, EcdsaSignature.fromBytes(bytes));
        bytes[64] = 35;
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignature.fromBytes(bytes));
    }

    @Test
    void rangesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new EcdsaSignature(BigInteger.ZERO, S, 0));
        assertThrows(IllegalArgumentException.class, () -> new EcdsaSignature(R, Secp256k1.Q, 0));
        assertThrows(IllegalArgumentException.class, () -> new EcdsaSignature(R, S, 4));
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignature.fromBytes(new byte[64]));
    }

    @Test
    void normalizingSFlipsTheRecoveryBitAndKeepsTheKey() {
        byte[] digest = Sha256.hash("Satoshi Nakamoto".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        EcdsaSignature low = new EcdsaSignature(R, S, 0);
        EcdsaSignature recovered = low.recover(digest).equals(Secp256k1.G) ? low : new EcdsaSignature(R, S, 1);
        assertEquals(Secp256k1.G, recovered.recover(digest), "private key 1 has public key G");
        EcdsaSignature high = new EcdsaSignature(R, Secp256k1.Q.subtract(S), recovered.recid() ^ 1);
        assertEquals(Secp256k1.G, high.recover(digest));
        assertTrue(high.verify(Secp256k1.G, digest));
        assertEquals(recovered, high.normalizeS());
    }
}
