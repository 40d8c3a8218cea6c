package io.sigil.transport;

import io.sigil.crypto.Hex;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A protocol session's 32-byte identifier, as 64 lowercase hex digits (no {@code 0x}). */
public record SessionId(String hex) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SessionId {
        if (hex == null || !FORMAT.matcher(hex).matches()) {
            throw new IllegalArgumentException("a session id is 64 lowercase hex digits");
        }
    }

    public static SessionId random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return of(b);
    }

    /** A session id from 32 bytes, e.g. {@code SHA-256(requestId || keyId || sigName || e)} for signing. */
    public static SessionId of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a session id is 32 bytes");
        }
        return new SessionId(Hex.encodeBare(bytes));
    }

    public static boolean isValid(String hex) {
        return hex != null && FORMAT.matcher(hex).matches();
    }

    @Override
    public String toString() { return hex; }
}
