package io.sigil.crypto.eth;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Keccak256;
import io.sigil.crypto.Secp256k1;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A 20-byte Ethereum address: the last 20 bytes of {@code keccak256} of a public key's uncompressed x||y
 * (THRESHOLD.md "Key generation"). Prints with its EIP-55 checksum.
 *
 * @param bytes the 20 address bytes (copied in and out)
 */
public record EthAddress(byte[] bytes) {

    public EthAddress {
        if (bytes == null || bytes.length != 20) {
            throw new IllegalArgumentException("an Ethereum address is 20 bytes");
        }
        bytes = bytes.clone();
    }

    /** The address of a secp256k1 public key. */
    public static EthAddress of(ECPoint publicKey) {
        byte[] encoded = Secp256k1.encode(publicKey);
        byte[] hash = Keccak256.hash(Arrays.copyOfRange(encoded, 1, 65));
        return new EthAddress(Arrays.copyOfRange(hash, 12, 32));
    }

    /**
     * Parses {@code 0x} + 40 hex digits. All-lowercase and all-uppercase are taken as unchecksummed; a mixed-case
     * string must carry a correct EIP-55 checksum, since mixed case is how a typo gets caught.
     */
    public static EthAddress parse(String text) {
        if (text == null || !(text.startsWith("0x") || text.startsWith("0X")) || text.length() != 42) {
            throw new IllegalArgumentException("an Ethereum address is 0x followed by 40 hex digits");
        }
        EthAddress address = new EthAddress(Hex.decode(text));
        String digits = text.substring(2);
        boolean mixed = !digits.equals(digits.toLowerCase(java.util.Locale.ROOT))
                && !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
        if (mixed && !address.toString().substring(2).equals(digits)) {
            throw new IllegalArgumentException("Ethereum address has a wrong EIP-55 checksum");
        }
        return address;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code 0x} + 40 lowercase hex digits. */
    public String toLowerHex() {
        return Hex.encode(bytes);
    }

    /** The EIP-55 mixed-case checksummed form: a letter is uppercase where the nibble of keccak(lowercase) >= 8. */
    @Override
    public String toString() {
        String lower = Hex.encodeBare(bytes);
        byte[] hash = Keccak256.hash(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder(42).append("0x");
        for (int i = 0; i < 40; i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            sb.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
