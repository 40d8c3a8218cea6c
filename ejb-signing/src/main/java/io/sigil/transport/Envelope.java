package io.sigil.transport;

/**
 * One node-to-node message as it travels in {@code POST /internal/v1/messages}. Everything but
 * {@code signature} is covered by the sender's identity-key signature (see {@link EnvelopeCodec});
 * {@code payload} is public (base64), {@code sealed} is a private payload sealed to the recipient's identity
 * key (base64, optional) with the header as associated data.
 *
 * @param v         format version, 1
 * @param protocol  which protocol the message belongs to, e.g. {@code ping}, {@code dkg}
 * @param sessionId the protocol session (64 hex digits)
 * @param round     the protocol round, 0 and up
 * @param from      the sender's node index
 * @param to        the recipient's node index
 * @param timestamp sender's clock, milliseconds since the epoch; stale messages are refused
 * @param nonce     16 random bytes as 32 hex digits; a nonce is accepted once
 * @param payload   public payload, base64 (may be empty)
 * @param sealed    private payload sealed to the recipient, base64, or null
 * @param signature 65-byte recoverable secp256k1 signature, {@code 0x} hex
 */
public record Envelope(int v, String protocol, String sessionId, int round, int from, int to, long timestamp,
                       String nonce, String payload, String sealed, String signature) {

    /** The same envelope with a signature. */
    public Envelope withSignature(String signature) {
        return new Envelope(v, protocol, sessionId, round, from, to, timestamp, nonce, payload, sealed, signature);
    }

    @Override
    public String toString() {
        return "Envelope[" + protocol + " session " + sessionId + " round " + round + " " + from + "->" + to + "]";
    }
}
