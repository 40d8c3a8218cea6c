package io.sigil.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The binary encoding of Sigil's protocol messages: canonical (one encoding per value, so hashes and signatures
 * over messages are well defined), big-endian, and strict on reading.
 *
 * <p>Every message starts with a one-byte type tag and a one-byte version ({@link #VERSION}); then its fields in
 * declaration order: node indices as u16, scalars as 32 bytes (must be below q), points as 33-byte SEC1
 * compressed encodings (must be on the curve, never infinity), fixed-size byte strings raw, variable byte strings
 * as u32 length + bytes, strings as u16 length + UTF-8, lists as u16 count + elements. A reader rejects wrong
 * tags, out-of-range values and trailing bytes with {@link IllegalArgumentException} (fixed messages).
 */
public final class Wire {

    /** The only encoding version so far. */
    public static final int VERSION = 1;

    private Wire() {
    }

    /** Appends fields; {@link #toBytes()} gives the message. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** Starts a message of type {@code tag}. */
        public Writer(int tag) {
            out.write(tag);
            out.write(VERSION);
        }

        public Writer u8(int v) {
            out.write(v);
            return this;
        }

        public Writer u16(int v) {
            if (v < 0 || v > 0xffff) {
                throw new IllegalArgumentException("value does not fit in u16");
            }
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        public Writer u32(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("value does not fit in u32");
            }
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        public Writer scalar(BigInteger v) {
            return fixed(Secp256k1.toBytes32(v));
        }

        public Writer point(ECPoint p) {
            return fixed(Secp256k1.encodeCompressed(p));
        }

        public Writer fixed(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        public Writer bytes(byte[] b) {
            u32(b.length);
            return fixed(b);
        }

        public Writer string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u16(b.length);
            return fixed(b);
        }

        public byte[] toBytes() {
            return out.toByteArray();
        }
    }

    /** Reads fields in order; call {@link #end()} to reject trailing bytes. */
    public static final class Reader {
        private final byte[] in;
        private final String what;
        private int pos;

        /** Starts reading a message that must have type {@code tag} and the current version. */
        public Reader(byte[] message, int tag, String what) {
            if (message == null || message.length < 2 || (message[0] & 0xff) != tag || (message[1] & 0xff) != VERSION) {
                throw new IllegalArgumentException("malformed " + what);
            }
            this.in = message;
            this.pos = 2;
            this.what = what;
        }

        private void need(int n) {
            if (n < 0 || in.length - pos < n) {
                throw new IllegalArgumentException("malformed " + what);
            }
        }

        public int u8() {
            need(1);
            return in[pos++] & 0xff;
        }

        public int u16() {
            need(2);
            int v = ((in[pos] & 0xff) << 8) | (in[pos + 1] & 0xff);
            pos += 2;
            return v;
        }

        public int u32() {
            need(4);
            int v = ((in[pos] & 0xff) << 24) | ((in[pos + 1] & 0xff) << 16) | ((in[pos + 2] & 0xff) << 8)
                    | (in[pos + 3] & 0xff);
            pos += 4;
            if (v < 0) {
                throw new IllegalArgumentException("malformed " + what);
            }
            return v;
        }

        public BigInteger scalar() {
            BigInteger v = new BigInteger(1, fixed(32));
            if (v.compareTo(Secp256k1.Q) >= 0) {
                throw new IllegalArgumentException("malformed " + what);
            }
            return v;
        }

        public ECPoint point() {
            try {
                return Secp256k1.decodePoint(fixed(33));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed " + what);
            }
        }

        public byte[] fixed(int n) {
            need(n);
            byte[] b = Arrays.copyOfRange(in, pos, pos + n);
            pos += n;
            return b;
        }

        public byte[] bytes() {
            return fixed(u32());
        }

        public String string() {
            byte[] b = fixed(u16());
            String s = new String(b, StandardCharsets.UTF_8);
            if (!Arrays.equals(b, s.getBytes(StandardCharsets.UTF_8))) {
                throw new IllegalArgumentException("malformed " + what);
            }
            return s;
        }

        /** Rejects trailing bytes: each value has exactly one encoding. */
        public void end() {
            if (pos != in.length) {
                throw new IllegalArgumentException("malformed " + what);
            }
        }
    }
}
