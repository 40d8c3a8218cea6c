package io.sigil.transport;

import java.util.List;

/**
 * One node-to-node message as it travels in {@code POST /internal/v1/messages}: the copy of one broadcast that one of
 * its recipients gets. A sender signs a round's broadcast once, whatever the number of recipients: the signature
 * covers every field but {@code sealed} and {@code signature} (see {@link EnvelopeCodec}), and {@code sealed} is
 * covered through its digest in {@code boxes}. {@code payload} is public (base64); {@code sealed} is a private payload
 * sealed to this recipient's identity key (base64, optional).
 *
 * @param v         format version, 2
 * @param protocol  which protocol the message belongs to, e.g. {@code ping}, {@code dkg}
 * @param sessionId the protocol session (64 hex digits)
 * @param round     the protocol round, 0 and up
 * @param from      the sender's node index
 * @param to        every recipient of the broadcast, ascending; the receiving node must be one of them
 * @param timestamp sender's clock, milliseconds since the epoch; stale messages are refused
 * @param nonce     16 random bytes as 32 hex digits, one per broadcast; each recipient accepts it once
 * @param payload   public payload, base64 (may be empty)
 * @param boxes     null if no recipient gets a private payload; else one entry per recipient, in the order of
 *                  {@code to}: the SHA-256 (64 hex digits) of that recipient's {@code sealed} text, or empty for none
 * @param sealed    private payload sealed to the receiving node, base64, or null
 * @param signature 65-byte recoverable secp256k1 signature, {@code 0x} hex
 */
public record Envelope(int v, String protocol, String sessionId, int round, int from, List<Integer> to, long timestamp,
                       String nonce, String payload, List<String> boxes, String sealed, String signature) {

    /** The same envelope with a signature. */
    public Envelope withSignature(String signature) {
        return new Envelope(v, protocol, sessionId, round, from, to, timestamp, nonce, payload, boxes, sealed, signature);
    }

    /** The same envelope carrying another private payload (the copy for another recipient). */
    public Envelope withSealed(String sealed) {
        return new Envelope(v, protocol, sessionId, round, from, to, timestamp, nonce, payload, boxes, sealed, signature);
    }

    @Override
    public String toString() {
        return "Envelope[" + protocol + " session " + sessionId + " round " + round + " " + from + "->" + to + "]";
    }
}
