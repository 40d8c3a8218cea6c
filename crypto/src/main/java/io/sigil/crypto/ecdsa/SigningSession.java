package io.sigil.crypto.ecdsa;

import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.shamir.FeldmanCommitment;
import io.sigil.crypto.shamir.Lagrange;
import io.sigil.crypto.shamir.Polynomial;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.security.auth.Destroyable;
import org.bouncycastle.math.ec.ECPoint;

/**
 * One participant's run of a threshold ECDSA signing session (THRESHOLD.md "Signing", rounds 1-3), as a state
 * machine over message values. Thread-safe; messages may arrive in any order.
 *
 * <p>The safety rule: nothing derived from the key or the nonce ({@code v_j}, {@code s_j}) leaves this object
 * before every participant's round 1 statement has been received and found equal to ours. Round 1 itself only
 * reveals fresh random shares, so it is safe to send first.
 *
 * <p>Routing note for the caller: the sid hashes {@code e}, so a participant stating another {@code e} also
 * states another sid. Deliver round 1 broadcasts to this session by something that does not depend on
 * {@code e} (the request id and signature name), so that such a participant causes a
 * {@link SigningAbortedException} here rather than a silent timeout. Either way nothing is released.
 *
 * <p>Failures as in {@link io.sigil.crypto.dkg.DkgSession}: misrouted messages (wrong sid on private shares or
 * round 2, wrong recipient, a sender outside S) throw {@link IllegalArgumentException} and change nothing;
 * evidence of misbehaviour aborts for good with {@link SigningAbortedException}. After {@link #round3()} or an
 * abort, the session is wiped: every random value serves exactly one session.
 */
public final class SigningSession implements Destroyable {

    private final KeyShare key;
    private final SigningStatement statement;
    private final int self;
    private final int t;
    private final List<Integer> participants;
    private final SecureRandom random;

    private final SortedMap<Integer, Round1> round1s = new TreeMap<>();
    private final SortedMap<Integer, Round1Share> deals = new TreeMap<>();
    private final SortedMap<Integer, BigInteger> vs = new TreeMap<>();
    /**
     * Dealers whose nonce share passed the Feldman check. Each is checked once, when the second of its broadcast and
     * its deal arrives; round 2 re-checks only a dealer that somehow was not. The check costs a scalar
     * multiplication ({@code k*G}); it ran again for every dealer in round 2, this node's own deal included.
     */
    private final Set<Integer> nonceChecked = new HashSet<>();
    private boolean dealt;
    private BigInteger kShare;
    private BigInteger aShare;
    private BigInteger gammaShare;
    private ECPoint bigR;
    private SigningAbortedException aborted;
    private boolean over;

    /**
     * @param key       this node's share of the key to sign with; its index is this participant's index
     * @param statement what the request asks to sign: sid, keyId (must be {@code key}'s), e and S (2t+1 nodes
     *                  including this one)
     */
    public SigningSession(KeyShare key, SigningStatement statement, SecureRandom random) {
        this.key = key;
        this.statement = statement;
        this.self = key.index();
        this.t = key.t();
        this.participants = statement.participants();
        this.random = random;
        if (!Arrays.equals(statement.keyId(), key.keyId())) {
            throw new IllegalArgumentException("statement names another key");
        }
        if (participants.size() != 2 * t + 1) {
            throw new IllegalArgumentException("a signing session needs exactly 2t+1 participants");
        }
        if (!participants.contains(self)) {
            throw new IllegalArgumentException("this node is not a participant");
        }
        if (participants.get(participants.size() - 1) > key.n()) {
            throw new IllegalArgumentException("participant index out of range");
        }
    }

    public SigningStatement statement() {
        return statement;
    }

    /** What round 1 sends: one broadcast, and one private share per other participant. */
    public record Round1Output(Round1 broadcast, Map<Integer, Round1Share> shares) {
        public Round1Output {
            shares = Collections.unmodifiableMap(new TreeMap<>(shares));
        }
    }

    /**
     * Round 1: draws {@code k_i, a_i} (degree t) and {@code b_i, c_i} (degree 2t, zero constant), keeps its own
     * evaluations and returns the commitments of {@code k_i} with the statement, and the shares for the others.
     * Once only.
     */
    public synchronized Round1Output round1() {
        checkLive();
        if (dealt) {
            throw new IllegalStateException("round 1 was already dealt");
        }
        Polynomial k = Polynomial.random(t, random);
        Polynomial a = Polynomial.random(t, random);
        Polynomial b = Polynomial.random(2 * t, BigInteger.ZERO, random);
        Polynomial c = Polynomial.random(2 * t, BigInteger.ZERO, random);
        try {
            Round1 broadcast = new Round1(self, statement, k.commit());
            Map<Integer, Round1Share> out = new TreeMap<>();
            for (int j : participants) {
                Round1Share share = new Round1Share(statement.sid(), self, j,
                        k.evaluate(j), a.evaluate(j), b.evaluate(j), c.evaluate(j));
                if (j == self) {
                    deals.put(j, share);
                } else {
                    out.put(j, share);
                }
            }
            round1s.put(self, broadcast);
            dealt = true;
            return new Round1Output(broadcast, out);
        } finally {
            k.destroy();
            a.destroy();
            b.destroy();
            c.destroy();
        }
    }

    /** Accepts a participant's round 1 broadcast: its statement must equal ours, or the session aborts. */
    public synchronized void receive(Round1 m) {
        checkLive();
        checkParticipant(m.from());
        if (m.from() == self) {
            Round1 own = round1s.get(self);
            if (own == null || !own.equals(m)) {
                throw new IllegalArgumentException("round 1 claims to come from this node");
            }
            return;
        }
        if (!m.statement().equals(statement)) {
            throw abort(SigningAbortedException.Reason.STATEMENT_MISMATCH, m.from());
        }
        if (m.kCommitment().degree() != t) {
            throw abort(SigningAbortedException.Reason.BAD_COMMITMENT, m.from());
        }
        Round1 previous = round1s.get(m.from());
        if (previous != null) {
            if (!previous.equals(m)) {
                throw abort(SigningAbortedException.Reason.EQUIVOCATION, m.from());
            }
            return;
        }
        round1s.put(m.from(), m);
        checkNonceShare(m.from());
    }

    /** Accepts the private shares dealt to this node by {@code m.from()}. */
    public synchronized void receive(Round1Share m) {
        checkLive();
        checkSid(m.sid());
        checkParticipant(m.from());
        if (m.to() != self || m.from() == self) {
            throw new IllegalArgumentException("signing share is for another node");
        }
        Round1Share previous = deals.get(m.from());
        if (previous != null) {
            // After round 2 the dealt values are wiped; a late duplicate can no longer matter.
            if (!previous.isDestroyed() && !previous.sameValues(m)) {
                throw abort(SigningAbortedException.Reason.EQUIVOCATION, m.from());
            }
            return;
        }
        deals.put(m.from(), m);
        checkNonceShare(m.from());
    }

    /** True once every participant's round 1 broadcast and share are here and round 1 was dealt. */
    public synchronized boolean readyForRound2() {
        return aborted == null && !over && dealt && round1s.size() == participants.size()
                && deals.size() == participants.size();
    }

    /**
     * Round 2: sums the dealt shares into {@code k_j, a_j, beta_j, gamma_j}, computes {@code R = sum_i K_i0} and
     * returns {@code v_j = k_j*a_j + beta_j}. Only after every statement matched ours.
     */
    public synchronized Round2 round2() {
        checkLive();
        if (!readyForRound2()) {
            throw new IllegalStateException("round 1 is not complete");
        }
        if (bigR == null) {
            BigInteger k = BigInteger.ZERO;
            BigInteger a = BigInteger.ZERO;
            BigInteger beta = BigInteger.ZERO;
            BigInteger gamma = BigInteger.ZERO;
            ECPoint r = Secp256k1.G.getCurve().getInfinity();
            for (int i : participants) {
                Round1 broadcast = round1s.get(i);
                if (!broadcast.statement().equals(statement)) {
                    throw abort(SigningAbortedException.Reason.STATEMENT_MISMATCH, i);
                }
                checkNonceShare(i);
                Round1Share d = deals.get(i);
                k = k.add(d.k());
                a = a.add(d.a());
                beta = beta.add(d.b());
                gamma = gamma.add(d.c());
                r = r.add(broadcast.kCommitment().constantTerm());
            }
            r = r.normalize();
            if (r.isInfinity() || r.getAffineXCoord().toBigInteger().mod(Secp256k1.Q).signum() == 0) {
                throw abort(SigningAbortedException.Reason.DEGENERATE, 0);
            }
            kShare = k.mod(Secp256k1.Q);
            aShare = a.mod(Secp256k1.Q);
            gammaShare = gamma.mod(Secp256k1.Q);
            bigR = r;
            vs.put(self, kShare.multiply(aShare).add(beta).mod(Secp256k1.Q));
            // k_j is no longer needed: only a_j, gamma_j and R go into round 3.
            kShare = null;
            wipeDeals();
        }
        return new Round2(statement.sid(), self, vs.get(self));
    }

    /** Accepts a participant's {@code v_i}. */
    public synchronized void receive(Round2 m) {
        checkLive();
        checkSid(m.sid());
        checkParticipant(m.from());
        if (m.from() == self) {
            if (!m.v().equals(vs.get(self))) {
                throw new IllegalArgumentException("round 2 claims to come from this node");
            }
            return;
        }
        BigInteger previous = vs.get(m.from());
        if (previous != null) {
            if (!previous.equals(m.v())) {
                throw abort(SigningAbortedException.Reason.EQUIVOCATION, m.from());
            }
            return;
        }
        vs.put(m.from(), m.v());
    }

    /** True once our round 2 is out and every participant's {@code v_i} is here. */
    public synchronized boolean readyForRound3() {
        return aborted == null && !over && bigR != null && vs.size() == participants.size();
    }

    /**
     * Round 3: interpolates {@code v = k*a}, sets {@code kinv_j = a_j/v} and returns
     * {@code s_j = kinv_j*(e + r*x_j) + gamma_j} with {@code R}. Ends the session.
     */
    public synchronized SignatureShare round3() {
        checkLive();
        if (!readyForRound3()) {
            throw new IllegalStateException("round 2 is not complete");
        }
        BigInteger v = Lagrange.interpolateAtZero(vs);
        if (v.signum() == 0) {
            throw abort(SigningAbortedException.Reason.DEGENERATE, 0);
        }
        BigInteger q = Secp256k1.Q;
        BigInteger r = bigR.getAffineXCoord().toBigInteger().mod(q);
        BigInteger e = new BigInteger(1, statement.e());
        BigInteger kinv = aShare.multiply(v.modInverse(q)).mod(q);
        BigInteger s = kinv.multiply(e.add(r.multiply(key.secretShare()))).add(gammaShare).mod(q);
        SignatureShare share = new SignatureShare(statement.sid(), self, s, bigR);
        destroy();
        return share;
    }

    /** The session's nonce point {@code R}, once round 2 has run (public). */
    public synchronized ECPoint bigR() {
        if (bigR == null) {
            throw new IllegalStateException("R is known after round 2");
        }
        return bigR;
    }

    /** Wipes every share and sum; the session can produce nothing more. Does not touch the key share. */
    @Override
    public synchronized void destroy() {
        wipeDeals();
        kShare = null;
        aShare = null;
        gammaShare = null;
        vs.clear();
        over = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return over;
    }

    @Override
    public String toString() {
        return "SigningSession[sid=" + statement.sid() + ", self=" + self + ", <redacted>]";
    }

    /** The Feldman check of {@code dealer}'s nonce share, once both parts are here; this node's own deal needs none. */
    private void checkNonceShare(int dealer) {
        if (dealer == self || nonceChecked.contains(dealer)) {
            return;
        }
        Round1 broadcast = round1s.get(dealer);
        Round1Share d = deals.get(dealer);
        if (broadcast != null && d != null && !d.isDestroyed()) {
            FeldmanCommitment c = broadcast.kCommitment();
            if (!c.verify(self, d.k())) {
                throw abort(SigningAbortedException.Reason.BAD_NONCE_SHARE, dealer);
            }
            nonceChecked.add(dealer);
        }
    }

    private void checkSid(SessionId sid) {
        if (!statement.sid().equals(sid)) {
            throw new IllegalArgumentException("message belongs to another signing session");
        }
    }

    private void checkParticipant(int i) {
        if (!participants.contains(i)) {
            throw new IllegalArgumentException("message sender is not a participant");
        }
    }

    private void checkLive() {
        if (aborted != null) {
            throw new SigningAbortedException(aborted.reason(), aborted.culprit());
        }
        if (over) {
            throw new IllegalStateException("signing session is over");
        }
    }

    private void wipeDeals() {
        for (Round1Share d : deals.values()) {
            d.destroy();
        }
    }

    private SigningAbortedException abort(SigningAbortedException.Reason reason, int culprit) {
        aborted = new SigningAbortedException(reason, culprit);
        destroy();
        return aborted;
    }
}
