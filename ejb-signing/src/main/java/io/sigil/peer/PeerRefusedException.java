package io.sigil.peer;

/** The peer answered and refused the call (HTTP 4xx): retrying would not help. */
public class PeerRefusedException extends RuntimeException {
    private final int status;

    public PeerRefusedException(int status) {
        super("refused with HTTP " + status, null, false, false);
        this.status = status;
    }

    public int status() { return status; }
}
