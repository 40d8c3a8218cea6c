package io.sigil.execute.control;

import io.sigil.crypto.Hex;
import io.sigil.problem.SigilException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;

/** A request's random 128-bit id (THRESHOLD.md "Signing"): the same on every participant, fresh per request. */
public record RequestId(byte[] bytes) {
    private static final Pattern FORMAT = Pattern.compile("0x[0-9a-fA-F]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public RequestId {
        if (bytes == null || bytes.length != 16) {
            throw new IllegalArgumentException("a request id is 16 bytes");
        }
        bytes = bytes.clone();
    }

    /** {@code 0x} + 32 hex digits; 400 naming {@code requestId} otherwise. */
    public static RequestId parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw SigilException.malformed("requestId", "must be 0x and 32 hex digits (16 random bytes)");
        }
        return new RequestId(Hex.decode(text.toLowerCase(java.util.Locale.ROOT)));
    }

    public static RequestId random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return new RequestId(b);
    }

    @Override
    public byte[] bytes() { return bytes.clone(); }

    /** {@code 0x} + 32 lowercase hex digits. */
    public String hex() { return Hex.encode(bytes); }

    @Override
    public boolean equals(Object o) { return o instanceof RequestId r && Arrays.equals(bytes, r.bytes); }

    @Override
    public int hashCode() { return Arrays.hashCode(bytes); }

    @Override
    public String toString() { return hex(); }
}
