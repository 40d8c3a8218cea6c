package io.sigil.crypto.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EthAddressTest {

    /** The examples of EIP-55 itself. */
    private static final String[] EIP55 = {
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    };

    @Test
    void checksumsMatchEip55() {
        for (String address : EIP55) {
            EthAddress parsed = EthAddress.parse(address.toLowerCase(Locale.ROOT));
            assertEquals(address, parsed.toString());
            assertEquals(parsed, EthAddress.parse(address));
        }
    }

    @Test
    void rejectsWrongChecksumAndMalformed() {
        assertThrows(IllegalArgumentException.class,
                () -> EthAddress.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        assertThrows(IllegalArgumentException.class, () -> EthAddress.parse("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        assertThrows(IllegalArgumentException.class, () -> EthAddress.parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea"));
        assertThrows(IllegalArgumentException.class, () -> EthAddress.parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beazz"));
        assertThrows(IllegalArgumentException.class, () -> new EthAddress(new byte[19]));
    }

    @Test
    void addressOfGeneratorIsKnown() {
        // private key 1 -> the well-known address 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf
        assertEquals("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", EthAddress.of(Secp256k1.mulG(BigInteger.ONE)).toString());
    }

    @Test
    void valueEqualityAndDefensiveCopies() {
        byte[] raw = Hex.decode("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        EthAddress a = new EthAddress(raw);
        raw[0] = 0;
        assertEquals(EthAddress.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), a);
        assertEquals(EthAddress.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").hashCode(), a.hashCode());
        a.bytes()[0] = 0;
        assertNotEquals(0, a.bytes()[0]);
        assertEquals("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", a.toLowerHex());
    }
}
