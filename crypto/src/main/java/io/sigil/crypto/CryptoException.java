package io.sigil.crypto;

/**
 * A cryptographic operation failed on its input (bad tag, malformed ciphertext, failed proof).
 *
 * <p>Messages are fixed strings chosen by the caller of the constructor, never derived from secrets or from
 * the offending input, so they are safe to log and to map to an error response.
 */
public class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    /** The cause is kept for debugging; its message must not be echoed to clients by callers. */
    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
