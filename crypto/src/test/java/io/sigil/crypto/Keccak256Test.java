package io.sigil.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Keccak256Test {

    /** One known answer: {@code input} as UTF-8, or {@code inputHex}. */
    public static class Case {
        public String input;
        public String inputHex;
        public String hash;
    }

    public static class File {
        public List<Case> cases;
    }

    @Test
    void matchesKnownAnswers() {
        File file = Vectors.load("keccak256.json", File.class);
        for (Case c : file.cases) {
            byte[] in = c.inputHex != null ? Hex.decode(c.inputHex) : c.input.getBytes(StandardCharsets.UTF_8);
            assertEquals(c.hash, Hex.encode(Keccak256.hash(in)), () -> "keccak of " + c.input);
        }
    }

    @Test
    void hashesTheConcatenationOfParts() {
        assertEquals(Hex.encode(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII))),
                Hex.encode(Keccak256.hash("a".getBytes(StandardCharsets.US_ASCII), new byte[0],
                        "bc".getBytes(StandardCharsets.US_ASCII))));
    }
}
