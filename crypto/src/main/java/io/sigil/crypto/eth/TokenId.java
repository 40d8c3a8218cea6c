package io.sigil.crypto.eth;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Keccak256;
import io.sigil.crypto.Secp256k1;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A PKP token id: {@code keccak256(Y uncompressed without 0x04)} read as an unsigned 256-bit integer, as Lit
 * does (THRESHOLD.md "Key generation"). It is also the {@code keyId} of signing sessions.
 *
 * @param bytes the 32 hash bytes (copied in and out)
 */
public record TokenId(byte[] bytes) {

    public TokenId {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("a token id is 32 bytes");
        }
        bytes = bytes.clone();
    }

    /** The token id of a PKP public key. */
    public static TokenId of(ECPoint publicKey) {
        byte[] encoded = Secp256k1.encode(publicKey);
        return new TokenId(Keccak256.hash(Arrays.copyOfRange(encoded, 1, 65)));
    }

    /** Parses {@code 0x} + 64 hex digits, or a decimal integer below 2^256 (how contracts print it). */
    public static TokenId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("token id is missing");
        }
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return new TokenId(Hex.decode(text, 32));
        }
        if (text.isEmpty() || text.length() > 78 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("token id must be 0x-hex or decimal");
        }
        BigInteger v = new BigInteger(text);
        if (v.bitLength() > 256) {
            throw new IllegalArgumentException("token id must be below 2^256");
        }
        return new TokenId(Secp256k1.toBytes32(v));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public BigInteger toBigInteger() {
        return new BigInteger(1, bytes);
    }

    public String toDecimalString() {
        return toBigInteger().toString();
    }

    /** {@code 0x} + 64 lowercase hex digits (what {@code pubkeyToTokenId} returns). */
    @Override
    public String toString() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
