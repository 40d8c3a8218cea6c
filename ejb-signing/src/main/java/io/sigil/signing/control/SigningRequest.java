package io.sigil.signing.control;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Sha256;
import io.sigil.crypto.eth.TokenId;
import io.sigil.problem.SigilException;
import io.sigil.transport.SessionId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * What one participant is asked to sign, as its action states it (THRESHOLD.md "Signing"): the client's request id
 * (16 random bytes, the same on every participant), the PKP, the action's signature name, the 32-byte digest and
 * the participant set S (2t+1 node indices, the same on every participant).
 */
public record SigningRequest(byte[] requestId, TokenId tokenId, String sigName, byte[] digest,
                             List<Integer> participants) {
    static final int MAX_SIG_NAME_BYTES = 128;
    private static final byte[] TRANSPORT_DOMAIN = "sigil/sign-session/v1".getBytes(StandardCharsets.US_ASCII);

    /** Validates (400 naming the field). */
    public SigningRequest {
        if (requestId == null || requestId.length != 16) {
            throw SigilException.malformed("requestId", "must be 16 bytes (32 hex digits)");
        }
        if (tokenId == null) {
            throw SigilException.malformed("publicKey", "must name a PKP");
        }
        if (sigName == null || sigName.isEmpty() || sigName.getBytes(StandardCharsets.UTF_8).length > MAX_SIG_NAME_BYTES) {
            throw SigilException.malformed("sigName", "must be 1 to " + MAX_SIG_NAME_BYTES + " bytes");
        }
        if (digest == null || digest.length != 32) {
            throw SigilException.malformed("toSign", "must be exactly 32 bytes");
        }
        if (participants == null || participants.isEmpty() || new TreeSet<>(participants).size() != participants.size()) {
            throw SigilException.malformed("participants", "must be distinct node indices");
        }
        requestId = requestId.clone();
        digest = digest.clone();
        participants = List.copyOf(new TreeSet<>(participants));
    }

    @Override
    public byte[] requestId() { return requestId.clone(); }

    @Override
    public byte[] digest() { return digest.clone(); }

    /**
     * The transport session: SHA-256("sigil/sign-session/v1" || requestId || keyId || u16 len || sigName). It leaves
     * out {@code e} on purpose (crypto/NOTES.md weak point 1): a participant that states another digest lands in the
     * same session, where the statement check aborts every honest participant at once, instead of in a session of its
     * own where the honest ones would merely time out.
     */
    public SessionId transportSession() {
        byte[] name = sigName.getBytes(StandardCharsets.UTF_8);
        return SessionId.of(Sha256.hash(TRANSPORT_DOMAIN, requestId, tokenId.bytes(),
                new byte[] {(byte) (name.length >>> 8), (byte) name.length}, name));
    }

    @Override
    public String toString() {
        return "SigningRequest[" + Hex.encode(requestId) + ", " + tokenId + ", " + sigName + ", S=" + participants + "]";
    }
}
