package io.sigil.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class Secp256k1Test {

    private static final String G_HEX = "0x0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    @Test
    void generatorAndOrderAreSecp256k1s() {
        assertEquals(G_HEX, Hex.encode(Secp256k1.encode(Secp256k1.G)));
        assertEquals(new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16), Secp256k1.Q);
        assertEquals(Secp256k1.G, Secp256k1.mulG(BigInteger.ONE));
        assertTrue(Secp256k1.mulG(Secp256k1.Q).isInfinity());
        BigInteger k = new BigInteger("123456789abcdef", 16);
        assertEquals(Secp256k1.G.multiply(k).normalize(), Secp256k1.mulG(k));
    }

    @Test
    void decodesBothEncodingsAndRejectsBadPoints() {
        ECPoint p = Secp256k1.mulG(BigInteger.valueOf(7));
        assertEquals(p, Secp256k1.decodePoint(Secp256k1.encode(p)));
        assertEquals(p, Secp256k1.decodePoint(Secp256k1.encodeCompressed(p)));
        assertEquals(65, Secp256k1.encode(p).length);

        assertThrows(IllegalArgumentException.class, () -> Secp256k1.decodePoint(new byte[] {0}));
        byte[] offCurve = Secp256k1.encode(p);
        offCurve[64] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.decodePoint(offCurve));
        byte[] hybrid = Secp256k1.encode(p);
        hybrid[0] = 0x06;
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.decodePoint(hybrid));
        byte[] noX = new byte[33];
        noX[0] = 0x02;
        noX[32] = 5; // x = 5: x^3 + 7 = 132 is not a square mod p
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.decodePoint(noX));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.encode(Secp256k1.G.getCurve().getInfinity()));
    }

    @Test
    void randomScalarsAreInRange() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            BigInteger k = Secp256k1.randomScalar(random);
            assertTrue(k.signum() > 0 && k.compareTo(Secp256k1.Q) < 0);
        }
    }

    @Test
    void scalarBytesRoundTrip() {
        BigInteger v = Secp256k1.Q.subtract(BigInteger.ONE);
        assertEquals(v, Secp256k1.scalarFromBytes(Secp256k1.toBytes32(v)));
        assertArrayEquals(new byte[32], Secp256k1.toBytes32(BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.scalarFromBytes(Secp256k1.toBytes32(Secp256k1.Q)));
    }
}
