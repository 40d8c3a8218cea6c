package io.sigil.client;

/** A call to a node failed: unreachable, or answered with a problem (its status and detail are kept). */
public class SigilClientException extends RuntimeException {
    private final int status;

    public SigilClientException(String message, int status) {
        super(message);
        this.status = status;
    }

    public SigilClientException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status of the problem answer, or 0 if the node did not answer. */
    public int status() { return status; }
}
