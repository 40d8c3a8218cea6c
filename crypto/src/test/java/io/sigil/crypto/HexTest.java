package io.sigil.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void encodesLowercaseWithPrefix() {
        assertEquals("0x00ff10ab", Hex.encode(new byte[] {0, (byte) 0xff, 0x10, (byte) 0xab}));
        assertEquals("0x", Hex.encode(new byte[0]));
    }

    @Test
    void decodesWithOrWithoutPrefixAnyCase() {
        byte[] expected = {0, (byte) 0xff, 0x10, (byte) 0xab};
        assertArrayEquals(expected, Hex.decode("0x00ff10ab"));
        assertArrayEquals(expected, Hex.decode("00FF10AB"));
        assertArrayEquals(expected, Hex.decode("0X00Ff10aB"));
        assertArrayEquals(new byte[0], Hex.decode("0x"));
    }

    @Test
    void rejectsOddLengthAndNonHexWithoutEchoingInput() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> Hex.decode("0xabc"));
        assertFalse(odd.getMessage().contains("abc"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Hex.decode("0xsecretzz"));
        assertFalse(bad.getMessage().contains("secret"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode(null));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("0x\uff11\uff12"), "fullwidth digits are not hex");
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("0x0g"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("0x0011", 3));
    }
}
