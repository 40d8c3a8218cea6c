package io.sigil.crypto;

/**
 * A threshold protocol run stopped because a participant misbehaved (or a message was corrupted); nothing secret
 * was released after the point of detection.
 *
 * <p>{@link #culprit()} is the node index whose message exposed the problem, or 0 when no single node can be
 * named. The message is fixed per reason and safe to log.
 */
public abstract class ProtocolAbortedException extends CryptoException {

    private static final long serialVersionUID = 1L;

    private final int culprit;

    protected ProtocolAbortedException(String message, int culprit) {
        super(message);
        this.culprit = culprit;
    }

    /** The 1-based index of the node to blame, or 0 if none can be named. */
    public int culprit() {
        return culprit;
    }
}
