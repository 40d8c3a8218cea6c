package io.sigil.pkp.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.eth.TokenId;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.problem.SigilException;
import io.sigil.testing.TestKeys;
import org.junit.jupiter.api.Test;

class PkpsTest {
    @Test
    void pubkeyToTokenIdIsKeccakOfTheUncompressedKey() {
        IdentityKey k = TestKeys.wallet();
        String uncompressed = Hex.encode(Secp256k1.encode(k.publicKey()));
        assertEquals(TokenId.of(k.publicKey()).toString(), Pkps.pubkeyToTokenId(uncompressed));
        assertEquals(Pkps.pubkeyToTokenId(uncompressed),
                Pkps.pubkeyToTokenId(Hex.encode(Secp256k1.encodeCompressed(k.publicKey()))));
        assertThrows(SigilException.class, () -> Pkps.pubkeyToTokenId("0x1234"));
    }
}
