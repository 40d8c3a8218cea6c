package io.sigil.crypto.ecdsa;

import io.sigil.crypto.ProtocolAbortedException;

/** A signing session stopped (THRESHOLD.md "Signing"): no further share leaves it; {@link #culprit()} names who. */
public final class SigningAbortedException extends ProtocolAbortedException {

    private static final long serialVersionUID = 1L;

    /** Why the session stopped; each has a fixed message. */
    public enum Reason {
        /** A participant stated a different {@code (sid, keyId, e, S)}: maybe a client asking two signatures. */
        STATEMENT_MISMATCH("signing participants disagree on what to sign"),
        /** A dealt {@code k} share does not match the dealer's commitments. */
        BAD_NONCE_SHARE("signing nonce share does not match its dealer's commitments"),
        /** A participant sent two different messages for the same round. */
        EQUIVOCATION("signing participant sent conflicting messages"),
        /** A nonce commitment of the wrong degree. */
        BAD_COMMITMENT("signing nonce commitment has the wrong degree"),
        /** {@code R} is infinity, {@code r = 0} or {@code v = 0}: retry with a fresh session. */
        DEGENERATE("signing session produced a degenerate value");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public SigningAbortedException(Reason reason, int culprit) {
        super(reason.message, culprit);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
