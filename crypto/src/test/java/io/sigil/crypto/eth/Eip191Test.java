package io.sigil.crypto.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Vectors;
import io.sigil.crypto.identity.IdentityKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class Eip191Test {

    public static class HashCase {
        public String message;
        public String messageHex;
        public String hash;
    }

    public static class SignedCase {
        public String message;
        public String privateKey;
        public String address;
        public String signature;
    }

    public static class File {
        public List<HashCase> eip191;
        public List<SignedCase> signed;
    }

    private final File file = Vectors.load("eth.json", File.class);

    @Test
    void hashMessageMatchesEthers() {
        assertEquals("0xa1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2",
                Hex.encode(Eip191.hashMessage("Hello World")), "ethers' documented example");
        for (HashCase c : file.eip191) {
            byte[] hash = c.messageHex != null ? Eip191.hashMessage(Hex.decode(c.messageHex)) : Eip191.hashMessage(c.message);
            assertEquals(c.hash, Hex.encode(hash));
        }
    }

    @Test
    void recoversTheSignerAndSignsLikeEthers() {
        for (SignedCase c : file.signed) {
            assertEquals(c.address, Eip191.recoverAddress(c.message, c.signature).toString());
            // RFC 6979 + low-s is what ethers does too, so the signatures are byte-identical
            IdentityKey key = IdentityKey.fromBytes(Hex.decode(c.privateKey));
            EcdsaSignature ours = key.sign(Eip191.hashMessage(c.message));
            assertEquals(c.signature, ours.toHex());
        }
    }
}
