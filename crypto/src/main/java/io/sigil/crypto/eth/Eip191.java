package io.sigil.crypto.eth;

import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Keccak256;
import java.nio.charset.StandardCharsets;

/**
 * EIP-191 version 0x45 ({@code personal_sign}, ethers' {@code hashMessage}): the digest wallets sign for a
 * message, {@code keccak256("\x19Ethereum Signed Message:\n" + len(message) + message)} with the length in
 * decimal bytes. Used for authSigs (API.md) and {@code ethPersonalSignMessageEcdsa}.
 */
public final class Eip191 {

    private static final byte[] PREFIX = "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

    private Eip191() {
    }

    /** The 32-byte digest of a message given as bytes. */
    public static byte[] hashMessage(byte[] message) {
        byte[] length = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
        return Keccak256.hash(PREFIX, length, message);
    }

    /** The digest of a text message (UTF-8), as {@code ethers.utils.hashMessage(string)}. */
    public static byte[] hashMessage(String message) {
        return hashMessage(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The address whose key signed {@code message} with {@code personal_sign}.
     *
     * @throws IllegalArgumentException if the signature recovers to no key
     */
    public static EthAddress recoverAddress(byte[] message, EcdsaSignature signature) {
        return EthAddress.of(signature.recover(hashMessage(message)));
    }

    /** As {@link #recoverAddress(byte[], EcdsaSignature)} for a UTF-8 text message and a 65-byte hex signature. */
    public static EthAddress recoverAddress(String message, String signatureHex) {
        return recoverAddress(message.getBytes(StandardCharsets.UTF_8), EcdsaSignature.fromHex(signatureHex));
    }
}
