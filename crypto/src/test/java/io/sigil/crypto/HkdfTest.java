package io.sigil.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HkdfTest {

    @Test
    void rfc5869TestCase1() {
        byte[] ikm = Hex.decode("0x0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = Hex.decode("0x000102030405060708090a0b0c");
        byte[] info = Hex.decode("0xf0f1f2f3f4f5f6f7f8f9");
        assertEquals("0x3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                Hex.encode(Hkdf.sha256(ikm, salt, info, 42)));
    }

    @Test
    void rfc5869TestCase3EmptySaltAndInfo() {
        byte[] ikm = Hex.decode("0x0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        assertEquals("0x8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                Hex.encode(Hkdf.sha256(ikm, new byte[0], new byte[0], 42)));
    }
}
