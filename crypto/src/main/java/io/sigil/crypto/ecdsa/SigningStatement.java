package io.sigil.crypto.ecdsa;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Wire;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What a participant says it is signing (THRESHOLD.md "Signing" round 1): {@code (sid, keyId, e, S)}. Every
 * participant must state exactly the same statement, or every honest one aborts before releasing anything.
 *
 * <p>Wire form ({@link Wire}): tag 0x25, version, sid(32), keyId(32), e(32), u16 count, u16 indices ascending.
 *
 * @param sid          the session id
 * @param keyId        the PKP token id bytes (32)
 * @param e            the digest to sign (32)
 * @param participants the set S of node indices, stored ascending and duplicate-free
 */
public record SigningStatement(SessionId sid, byte[] keyId, byte[] e, List<Integer> participants) {

    static final int TAG = 0x25;

    public SigningStatement {
        if (sid == null || keyId == null || keyId.length != 32 || e == null || e.length != 32 || participants == null) {
            throw new IllegalArgumentException("malformed signing statement");
        }
        TreeSet<Integer> set = new TreeSet<>(participants);
        if (set.size() != participants.size() || set.isEmpty() || set.first() < 1 || set.last() > 0xffff) {
            throw new IllegalArgumentException("participants must be distinct node indices");
        }
        keyId = keyId.clone();
        e = e.clone();
        participants = List.copyOf(set);
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] e() {
        return e.clone();
    }

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG);
        writeTo(w);
        return w.toBytes();
    }

    public static SigningStatement fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "signing statement");
        SigningStatement s = read(r);
        r.end();
        return s;
    }

    void writeTo(Wire.Writer w) {
        w.fixed(sid.bytes()).fixed(keyId).fixed(e).u16(participants.size());
        for (int i : participants) {
            w.u16(i);
        }
    }

    static SigningStatement read(Wire.Reader r) {
        SessionId sid = new SessionId(r.fixed(32));
        byte[] keyId = r.fixed(32);
        byte[] e = r.fixed(32);
        int count = r.u16();
        List<Integer> participants = new ArrayList<>(count);
        int last = 0;
        for (int k = 0; k < count; k++) {
            int i = r.u16();
            if (i <= last) {
                throw new IllegalArgumentException("malformed signing statement");
            }
            participants.add(i);
            last = i;
        }
        return new SigningStatement(sid, keyId, e, participants);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningStatement s && s.sid.equals(sid) && Arrays.equals(s.keyId, keyId)
                && Arrays.equals(s.e, e) && s.participants.equals(participants);
    }

    @Override
    public int hashCode() {
        return sid.hashCode();
    }

    @Override
    public String toString() {
        return "SigningStatement[sid=" + sid + ", keyId=" + Hex.encode(keyId) + ", e=" + Hex.encode(e)
                + ", participants=" + participants + "]";
    }
}
