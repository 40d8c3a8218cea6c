package io.sigil.dkg.control;

import io.sigil.crypto.Wire;

/**
 * Outcome round 1, the peer's answer: {@link Status#COMMITTED} (with the certificate), {@link Status#UNCERTAIN}
 * (prepared, undecided: with the statements it holds, which may complete the asker's certificate) or
 * {@link Status#REFUSED} (it never prepared and now never will, so no certificate can ever exist: discard).
 *
 * <p>Wire form: tag 0x47, version, status(u8), statements ({@link PreparedStatements} bytes, u32 length).
 */
public record OutcomeReply(Status status, PreparedStatements statements) {
    static final int TAG = 0x47;

    /** What the answering node knows. */
    public enum Status { COMMITTED, UNCERTAIN, REFUSED }

    public byte[] toBytes() {
        return new Wire.Writer(TAG).u8(status.ordinal()).bytes(statements.toBytes()).toBytes();
    }

    public static OutcomeReply fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "outcome reply");
        int status = r.u8();
        byte[] statements = r.bytes();
        r.end();
        if (status >= Status.values().length) {
            throw new IllegalArgumentException("malformed outcome reply");
        }
        return new OutcomeReply(Status.values()[status], PreparedStatements.fromBytes(statements));
    }
}
