package io.sigil.crypto.ecdsa;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A signing session id {@code sid = SHA-256(requestId || keyId || sigName || e)} (THRESHOLD.md "Signing").
 *
 * <p>The concatenation is unambiguous because only {@code sigName} varies in length: {@code requestId} is
 * 16 bytes, {@code keyId} and {@code e} 32 bytes each, and {@code e} comes last.
 *
 * @param bytes 32 bytes (copied in and out)
 */
public record SessionId(byte[] bytes) {

    public SessionId {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("session id must be 32 bytes");
        }
        bytes = bytes.clone();
    }

    /**
     * Derives the sid.
     *
     * @param requestId the client's random 128-bit request id (16 bytes)
     * @param keyId     the PKP token id (32 bytes, {@link io.sigil.crypto.eth.TokenId})
     * @param sigName   the action's name for this signature, UTF-8
     * @param e         the 32-byte digest to sign
     */
    public static SessionId derive(byte[] requestId, byte[] keyId, String sigName, byte[] e) {
        if (requestId == null || requestId.length != 16) {
            throw new IllegalArgumentException("request id must be 16 bytes");
        }
        if (keyId == null || keyId.length != 32) {
            throw new IllegalArgumentException("key id must be 32 bytes");
        }
        if (e == null || e.length != 32) {
            throw new IllegalArgumentException("digest must be 32 bytes");
        }
        if (sigName == null) {
            throw new IllegalArgumentException("signature name is missing");
        }
        return new SessionId(Sha256.hash(requestId, keyId, sigName.getBytes(StandardCharsets.UTF_8), e));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
