package io.sigil.crypto.dkg;

import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Sha256;
import io.sigil.crypto.Wire;
import io.sigil.crypto.shamir.FeldmanCommitment;
import io.sigil.crypto.shamir.Polynomial;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.security.auth.Destroyable;

/**
 * One node's run of the Joint-Feldman DKG (THRESHOLD.md "Key generation" steps 1-3), as a state machine over
 * message values. Thread-safe: messages may arrive concurrently and in any order.
 *
 * <p>Two kinds of failure: a message that belongs elsewhere (another run, another recipient, a bad sender index)
 * is refused with {@link IllegalArgumentException} and leaves the run untouched, since a replayed or misrouted
 * message proves nothing about its sender; evidence of misbehaviour aborts the run for good with
 * {@link DkgAbortedException} naming the culprit.
 */
public final class DkgSession implements Destroyable {

    private static final int COMMITMENTS_TAG = 0x15;

    private final DkgParameters params;
    private final int self;
    private final SecureRandom random;

    private final SortedMap<Integer, FeldmanCommitment> commitments = new TreeMap<>();
    private final SortedMap<Integer, BigInteger> shares = new TreeMap<>();
    private final SortedMap<Integer, byte[]> echoes = new TreeMap<>();
    private boolean dealt;
    private byte[] ownEcho;
    private DkgAbortedException aborted;
    private boolean finished;
    private boolean destroyed;

    public DkgSession(DkgParameters params, int self, SecureRandom random) {
        if (self < 1 || self > params.n()) {
            throw new IllegalArgumentException("node index out of range");
        }
        this.params = params;
        this.self = self;
        this.random = random;
    }

    public DkgParameters parameters() {
        return params;
    }

    public int self() {
        return self;
    }

    /** What round 1 sends: one broadcast and one private share per other node. */
    public record Round1Output(DkgRound1 broadcast, Map<Integer, DkgRound1Share> shares) {
        public Round1Output {
            shares = Collections.unmodifiableMap(new TreeMap<>(shares));
        }
    }

    /**
     * Step 1: draws {@code f_self} of degree t, keeps {@code f_self(self)}, and returns the commitments to broadcast
     * and {@code f_self(j)} for every other node {@code j} (to be sealed to {@code j}'s identity key). Once only.
     */
    public synchronized Round1Output round1() {
        checkLive();
        if (dealt) {
            throw new IllegalStateException("round 1 was already dealt");
        }
        Polynomial f = Polynomial.random(params.t(), random);
        try {
            FeldmanCommitment c = f.commit();
            byte[] id = params.dkgId();
            Map<Integer, DkgRound1Share> out = new TreeMap<>();
            for (int j = 1; j <= params.n(); j++) {
                if (j == self) {
                    shares.put(j, f.evaluate(j));
                } else {
                    out.put(j, new DkgRound1Share(id, self, j, f.evaluate(j)));
                }
            }
            commitments.put(self, c);
            dealt = true;
            return new Round1Output(new DkgRound1(id, self, c), out);
        } finally {
            f.destroy();
        }
    }

    /** Accepts node {@code m.from()}'s commitments; checks its share if already here. */
    public synchronized void receive(DkgRound1 m) {
        checkLive();
        checkRun(m.dkgId(), m.from());
        if (m.from() == self) {
            if (!dealt || !commitments.get(self).equals(m.commitment())) {
                throw new IllegalArgumentException("DKG round 1 claims to come from this node");
            }
            return;
        }
        if (m.commitment().degree() != params.t()) {
            throw abort(DkgAbortedException.Reason.BAD_COMMITMENT, m.from());
        }
        FeldmanCommitment previous = commitments.get(m.from());
        if (previous != null) {
            if (!previous.equals(m.commitment())) {
                throw abort(DkgAbortedException.Reason.EQUIVOCATION, m.from());
            }
            return;
        }
        commitments.put(m.from(), m.commitment());
        checkShare(m.from());
    }

    /** Accepts {@code f_from(self)}; checks it against the dealer's commitments if already here. */
    public synchronized void receive(DkgRound1Share m) {
        checkLive();
        checkRun(m.dkgId(), m.from());
        if (m.to() != self) {
            throw new IllegalArgumentException("DKG share is for another node");
        }
        if (m.from() == self) {
            throw new IllegalArgumentException("DKG share claims to come from this node");
        }
        BigInteger value = m.share();
        BigInteger previous = shares.get(m.from());
        if (previous != null) {
            if (!previous.equals(value)) {
                throw abort(DkgAbortedException.Reason.EQUIVOCATION, m.from());
            }
            return;
        }
        shares.put(m.from(), value);
        checkShare(m.from());
    }

    /** True once every node's commitments and share are here (and checked) and round 1 was dealt. */
    public synchronized boolean readyForRound2() {
        return aborted == null && dealt && commitments.size() == params.n() && shares.size() == params.n();
    }

    /**
     * Step 2: after every share has passed the Feldman check, echoes the hash of all commitments received.
     * Echoes that arrived early are compared now.
     */
    public synchronized DkgRound2 round2() {
        checkLive();
        if (!readyForRound2()) {
            throw new IllegalStateException("round 1 is not complete");
        }
        if (ownEcho == null) {
            for (int i = 1; i <= params.n(); i++) {
                checkShare(i);
            }
            ownEcho = commitmentsHash(params.dkgId(), commitments);
            for (Map.Entry<Integer, byte[]> e : echoes.entrySet()) {
                compareEcho(e.getKey(), e.getValue());
            }
        }
        return new DkgRound2(params.dkgId(), self, ownEcho);
    }

    /** Accepts node {@code m.from()}'s echo; a hash different from ours aborts naming that node. */
    public synchronized void receive(DkgRound2 m) {
        checkLive();
        checkRun(m.dkgId(), m.from());
        if (m.from() == self) {
            return;
        }
        byte[] previous = echoes.get(m.from());
        if (previous != null) {
            if (!MessageDigest.isEqual(previous, m.commitmentsHash())) {
                throw abort(DkgAbortedException.Reason.EQUIVOCATION, m.from());
            }
            return;
        }
        echoes.put(m.from(), m.commitmentsHash());
        if (ownEcho != null) {
            compareEcho(m.from(), m.commitmentsHash());
        }
    }

    /** True once our echo is out and every other node's echo matched it. */
    public synchronized boolean readyToFinish() {
        return aborted == null && ownEcho != null && echoes.size() == params.n() - 1;
    }

    /**
     * Step 3: {@code x_self = sum_i f_i(self)}, {@code A_k = sum_i C_ik}, {@code Y = A_0}. Wipes the run's
     * state; the returned share is the only thing left to store.
     */
    public synchronized KeyShare finish() {
        checkLive();
        if (!readyToFinish()) {
            throw new IllegalStateException("round 2 is not complete");
        }
        BigInteger x = BigInteger.ZERO;
        for (BigInteger s : shares.values()) {
            x = x.add(s);
        }
        x = x.mod(Secp256k1.Q);
        FeldmanCommitment sum = null;
        try {
            for (FeldmanCommitment c : commitments.values()) {
                sum = sum == null ? c : sum.add(c);
            }
        } catch (IllegalArgumentException infinity) {
            throw abort(DkgAbortedException.Reason.DEGENERATE_KEY, 0);
        }
        if (x.signum() == 0) {
            throw abort(DkgAbortedException.Reason.DEGENERATE_KEY, 0);
        }
        KeyShare share = new KeyShare(self, params.n(), params.t(), x, sum);
        finished = true;
        destroy();
        return share;
    }

    /**
     * The round 2 echo value: SHA-256 of the wire encoding tag 0x15, version, dkgId(32), u16 count, then per node
     * in index order u16 index and its commitment (u16 count + 33-byte points).
     */
    public static byte[] commitmentsHash(byte[] dkgId, SortedMap<Integer, FeldmanCommitment> commitments) {
        Wire.Writer w = new Wire.Writer(COMMITMENTS_TAG).fixed(dkgId).u16(commitments.size());
        for (Map.Entry<Integer, FeldmanCommitment> e : commitments.entrySet()) {
            w.u16(e.getKey());
            e.getValue().writeTo(w);
        }
        return Sha256.hash(w.toBytes());
    }

    /** Drops every share held; the run can no longer produce anything. */
    @Override
    public synchronized void destroy() {
        shares.clear();
        destroyed = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "DkgSession[" + params + ", self=" + self + ", <redacted>]";
    }

    private void checkShare(int dealer) {
        FeldmanCommitment c = commitments.get(dealer);
        BigInteger s = shares.get(dealer);
        if (c != null && s != null && !c.verify(self, s)) {
            throw abort(DkgAbortedException.Reason.BAD_SHARE, dealer);
        }
    }

    private void compareEcho(int from, byte[] hash) {
        if (!MessageDigest.isEqual(ownEcho, hash)) {
            throw abort(DkgAbortedException.Reason.ECHO_MISMATCH, from);
        }
    }

    private void checkRun(byte[] dkgId, int from) {
        if (!params.sameRun(dkgId)) {
            throw new IllegalArgumentException("message belongs to another DKG run");
        }
        if (from < 1 || from > params.n()) {
            throw new IllegalArgumentException("message sender is not a DKG participant");
        }
    }

    private void checkLive() {
        if (finished || (destroyed && aborted == null)) {
            throw new IllegalStateException("DKG run is over");
        }
        if (aborted != null) {
            throw new DkgAbortedException(aborted.reason(), aborted.culprit());
        }
    }

    private DkgAbortedException abort(DkgAbortedException.Reason reason, int culprit) {
        aborted = new DkgAbortedException(reason, culprit);
        shares.clear();
        return aborted;
    }
}
