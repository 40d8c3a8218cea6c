package io.sigil.transport;

import io.sigil.crypto.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The canonical bytes of an envelope: what the sender signs and what a sealed payload is bound to. Fields are
 * length-prefixed in a fixed order, so no two different envelopes share an encoding. The text fields are signed
 * as transmitted (base64 and hex text), so verification never depends on how a decoder normalises them.
 */
public final class EnvelopeCodec {
    private static final byte[] SIGNING_DOMAIN = "sigil/envelope/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEALING_DOMAIN = "sigil/envelope-seal/v1".getBytes(StandardCharsets.US_ASCII);

    private EnvelopeCodec() { }

    /** SHA-256 of the canonical encoding of everything but the signature. */
    public static byte[] signingDigest(Envelope e) {
        ByteArrayOutputStream out = header(SIGNING_DOMAIN, e);
        text(out, e.payload() == null ? "" : e.payload());
        text(out, e.sealed() == null ? "" : e.sealed());
        return Sha256.hash(out.toByteArray());
    }

    /** Associated data for the sealed payload: the header, so a sealed payload cannot be moved to another message. */
    public static byte[] sealingAad(Envelope e) {
        return header(SEALING_DOMAIN, e).toByteArray();
    }

    private static ByteArrayOutputStream header(byte[] domain, Envelope e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(domain);
        int32(out, e.v());
        text(out, e.protocol());
        text(out, e.sessionId());
        int32(out, e.round());
        int32(out, e.from());
        int32(out, e.to());
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
