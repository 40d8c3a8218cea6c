package io.sigil.crypto.ipfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigil.crypto.Sha256;
import io.sigil.crypto.Vectors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidTest {

    /** A content recipe (literal text, or a string repeated to a length) and the CID {@code ipfs add} gives. */
    public static class Case {
        public String name;
        public String text;
        public String repeat;
        public Integer length;
        public String cid;

        byte[] content() {
            if (text != null) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            byte[] pattern = repeat.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[length];
            for (int i = 0; i < out.length; i++) {
                out[i] = pattern[i % pattern.length];
            }
            return out;
        }
    }

    public static class File {
        public List<Case> cases;
    }

    @Test
    void matchesIpfsAdd() throws IOException {
        File file = Vectors.load("cid.json", File.class);
        assertEquals(9, file.cases.size());
        for (Case c : file.cases) {
            byte[] content = c.content();
            assertEquals(c.cid, Cid.of(content).value(), c.name);
            assertEquals(c.cid, Cid.of(new ByteArrayInputStream(content)).value(), c.name);
        }
    }

    @Test
    void parsesAndValidates() {
        Cid cid = Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
        assertEquals("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", cid.toString());
        assertEquals(34, cid.multihash().length);
        assertEquals(cid, Cid.ofDigest(cid.digest()));
        assertThrows(IllegalArgumentException.class, () -> Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5"));
        assertThrows(IllegalArgumentException.class, () -> Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5O"));
        assertThrows(IllegalArgumentException.class, () -> Cid.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"));
        assertThrows(IllegalArgumentException.class, () -> Cid.parse(null));
        // a valid base58 string of the right length but the wrong multihash prefix
        byte[] wrong = new byte[34];
        wrong[0] = 0x12;
        wrong[1] = 0x21;
        assertThrows(IllegalArgumentException.class, () -> Cid.parse(Base58.encode(wrong)));
    }

    @Test
    void base58RoundTrips() {
        byte[] data = Sha256.hash(new byte[] {1, 2, 3});
        assertArrayEquals(data, Base58.decode(Base58.encode(data)));
        assertArrayEquals(new byte[] {0, 0, 5}, Base58.decode(Base58.encode(new byte[] {0, 0, 5})));
    }
}
