package io.sigil.crypto;

/** Hex strings as Sigil's API writes them: {@code 0x}-prefixed lowercase (API.md). */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Encodes {@code bytes} as {@code 0x} followed by two lowercase digits per byte. */
    public static String encode(byte[] bytes) {
        char[] out = new char[2 + bytes.length * 2];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[3 + 2 * i] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Encodes without the {@code 0x} prefix (for hashing into checksums and the like). */
    public static String encodeBare(byte[] bytes) {
        return encode(bytes).substring(2);
    }

    /**
     * Decodes a hex string with or without a {@code 0x}/{@code 0X} prefix, either case.
     *
     * @throws IllegalArgumentException on null, odd length or a non-hex digit; the message never repeats the
     *         input, which may be a secret
     */
    public static byte[] decode(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("hex string is missing");
        }
        int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
        int len = hex.length() - start;
        if ((len & 1) != 0) {
            throw new IllegalArgumentException("hex string has an odd number of digits");
        }
        byte[] out = new byte[len / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(hex.charAt(start + 2 * i));
            int lo = digit(hex.charAt(start + 2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("hex string has a non-hex digit");
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** ASCII hex digits only: {@link Character#digit} would also accept non-ASCII digits such as fullwidth ones. */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Decodes and checks the byte length, e.g. 32 for a digest. */
    public static byte[] decode(String hex, int expectedLength) {
        byte[] out = decode(hex);
        if (out.length != expectedLength) {
            throw new IllegalArgumentException("hex string must encode " + expectedLength + " bytes");
        }
        return out;
    }
}
