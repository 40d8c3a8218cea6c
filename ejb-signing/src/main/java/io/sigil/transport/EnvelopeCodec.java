package io.sigil.transport;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The canonical bytes of an envelope: what the sender signs and what a sealed payload is bound to. Fields are
 * length-prefixed in a fixed order, so no two different envelopes share an encoding. The text fields are signed
 * as transmitted (base64 and hex text), so verification never depends on how a decoder normalises them.
 */
public final class EnvelopeCodec {
    private static final byte[] SIGNING_DOMAIN = "sigil/envelope/v2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEALING_DOMAIN = "sigil/envelope-seal/v2".getBytes(StandardCharsets.US_ASCII);

    private EnvelopeCodec() { }

    /**
     * SHA-256 of the canonical encoding of everything but {@code sealed} and the signature: the same for every
     * recipient of a broadcast. Each recipient's {@code sealed} is covered through its entry in {@code boxes}.
     */
    public static byte[] signingDigest(Envelope e) {
        ByteArrayOutputStream out = header(SIGNING_DOMAIN, e);
        text(out, e.payload() == null ? "" : e.payload());
        List<String> boxes = e.boxes();
        int32(out, boxes == null ? -1 : boxes.size());
        if (boxes != null) {
            boxes.forEach(b -> text(out, b == null ? "" : b));
        }
        return Sha256.hash(out.toByteArray());
    }

    /** The entry of {@code boxes} for a {@code sealed} text: its SHA-256 in hex, or empty for none. */
    public static String boxDigest(String sealed) {
        return sealed == null ? "" : Hex.encodeBare(Sha256.hash(sealed.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Associated data for the private payload to {@code recipient}: the header and the recipient, so a sealed payload
     * cannot be moved to another message.
     */
    public static byte[] sealingAad(Envelope e, int recipient) {
        ByteArrayOutputStream out = header(SEALING_DOMAIN, e);
        int32(out, recipient);
        return out.toByteArray();
    }

    private static ByteArrayOutputStream header(byte[] domain, Envelope e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(domain);
        int32(out, e.v());
        text(out, e.protocol());
        text(out, e.sessionId());
        int32(out, e.round());
        int32(out, e.from());
        List<Integer> to = e.to() == null ? List.of() : e.to();
        int32(out, to.size());
        to.forEach(i -> int32(out, i == null ? -1 : i));
        out.writeBytes(ByteBuffer.allocate(8).putLong(e.timestamp()).array());
        text(out, e.nonce());
        return out;
    }

    private static void text(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int32(out, b.length);
        out.writeBytes(b);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
    }
}
