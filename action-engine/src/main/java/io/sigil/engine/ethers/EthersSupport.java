package io.sigil.engine.ethers;

import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Keccak256;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.eth.EthAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The cryptography behind the {@code ethers.utils} subset and {@code pubkeyToTokenId}: pure functions over 0x hex
 * strings, the only form bytes take across the sandbox boundary.
 */
public final class EthersSupport {

    private static final byte[] EIP191_PREFIX = "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.UTF_8);

    private EthersSupport() {
    }

    public static String keccak256(String hex) {
        return Hex.encode(Keccak256.hash(Hex.decode(hex)));
    }

    /** EIP-191 personal-message digest: keccak256("\x19Ethereum Signed Message:\n" + len + message). */
    public static byte[] hashMessage(byte[] message) {
        byte[] len = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
        return Keccak256.hash(EIP191_PREFIX, len, message);
    }

    public static String hashMessage(String messageHex) {
        return Hex.encode(hashMessage(Hex.decode(messageHex)));
    }

    /** The uncompressed public key (0x04...) that signed {@code digestHex} with the 65-byte {@code r||s||v}. */
    public static String recoverPublicKey(String digestHex, String signatureHex) {
        return Hex.encode(Secp256k1.encode(recover(digestHex, signatureHex)));
    }

    public static String recoverAddress(String digestHex, String signatureHex) {
        return EthAddress.of(recover(digestHex, signatureHex)).toString();
    }

    private static ECPoint recover(String digestHex, String signatureHex) {
        byte[] digest = Hex.decode(digestHex, 32);
        byte[] sig = Hex.decode(signatureHex, 65);
        int v = sig[64] & 0xff;
        int recid = v >= 27 ? v - 27 : v;
        return new EcdsaSignature(new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)), recid).recover(digest);
    }

    /** Address of a public key (65 or 33 bytes) or of a private key (32 bytes), EIP-55 checksummed. */
    public static String computeAddress(String keyHex) {
        byte[] key = Hex.decode(keyHex);
        ECPoint point = key.length == 32 ? Secp256k1.mulG(new BigInteger(1, key)) : Secp256k1.decodePoint(key);
        return EthAddress.of(point).toString();
    }

    public static String getAddress(String address) {
        return EthAddress.parse(address).toString();
    }

    /** Lit's PKP token id: 0x + keccak256 of the uncompressed public key without its 0x04 prefix. */
    public static String pubkeyToTokenId(String publicKeyHex) {
        byte[] encoded = Secp256k1.encode(Secp256k1.decodePoint(publicKeyHex));
        return Hex.encode(Keccak256.hash(Arrays.copyOfRange(encoded, 1, encoded.length)));
    }
}
