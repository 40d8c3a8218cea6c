package io.sigil.crypto.dkg;

import io.sigil.crypto.ProtocolAbortedException;

/** The DKG stopped (THRESHOLD.md "Key generation" step 2): nothing may be stored; {@link #culprit()} names who. */
public final class DkgAbortedException extends ProtocolAbortedException {

    private static final long serialVersionUID = 1L;

    /** Why the run stopped; each has a fixed message. */
    public enum Reason {
        /** {@code f_i(j)*G != sum_k j^k C_ik}: dealer {@code i} sent a share that does not match its commitments. */
        BAD_SHARE("DKG share does not match its dealer's commitments"),
        /** A node sent two different round 1 broadcasts or shares. */
        EQUIVOCATION("DKG participant sent conflicting messages"),
        /** A node's echo differs from ours: someone showed different commitments to different nodes. */
        ECHO_MISMATCH("DKG participants saw different commitments"),
        /** A commitment of the wrong degree. */
        BAD_COMMITMENT("DKG commitment has the wrong degree"),
        /** The summed key or a summed commitment is the point at infinity (only a rushing adversary gets here). */
        DEGENERATE_KEY("DKG produced a degenerate key");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public DkgAbortedException(Reason reason, int culprit) {
        super(reason.message, culprit);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
