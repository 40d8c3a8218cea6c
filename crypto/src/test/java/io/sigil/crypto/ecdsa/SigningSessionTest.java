package io.sigil.crypto.ecdsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Vectors;
import io.sigil.crypto.dkg.DkgSimulation;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.eth.EthAddress;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigningSessionTest {

    private final SecureRandom random = new SecureRandom();

    private Map<Integer, KeyShare> pickSigners(List<KeyShare> all, int t) {
        List<KeyShare> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);
        Map<Integer, KeyShare> chosen = new TreeMap<>();
        for (KeyShare k : shuffled.subList(0, 2 * t + 1)) {
            chosen.put(k.index(), k);
        }
        return chosen;
    }

    private byte[] random32() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }

    private byte[] requestId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    @ParameterizedTest(name = "n={0}, t={1}")
    @CsvSource({"3,1", "4,1", "7,2"})
    void thresholdSignatureVerifiesAndRecoversToTheKeysAddress(int n, int t) {
        List<KeyShare> keys = DkgSimulation.run(n, t, random);
        ECPoint y = keys.get(0).publicKey();
        for (int round = 0; round < 3; round++) {
            Map<Integer, KeyShare> signers = pickSigners(keys, t);
            byte[] e = random32();
            SigningStatement st = SigningSimulation.statement(keys.get(0), requestId(), "sig1", e,
                    new ArrayList<>(signers.keySet()));
            SigningSimulation.Result result = SigningSimulation.run(signers, i -> st, random, new SigningSimulation.Tamper() { });
            assertTrue(result.aborted.isEmpty(), () -> "aborted: " + result.aborted);
            assertEquals(2 * t + 1, result.shares.size());

            EcdsaSignature sig = SignatureCombiner.combine(y, e, result.shares.values());
            assertTrue(sig.isLowS());
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(y, Secp256k1.DOMAIN));
            assertTrue(verifier.verifySignature(e, sig.r(), sig.s()), "standard verifier accepts it");
            assertEquals(EthAddress.of(y), EthAddress.of(EcdsaSignature.fromBytes(sig.toBytes()).recover(e)),
                    "ecrecover gives the PKP's address");
            assertEquals(keys.get(0).address(), EthAddress.of(sig.recover(e)));
        }
    }

    @Test
    void aParticipantStatingAnotherDigestMakesEveryoneAbortBeforeReleasing() {
        List<KeyShare> keys = DkgSimulation.run(4, 1, random);
        Map<Integer, KeyShare> signers = pickSigners(keys, 1);
        List<Integer> s = new ArrayList<>(signers.keySet());
        byte[] requestId = requestId();
        byte[] e = random32();
        byte[] otherE = random32();
        int odd = s.get(1);
        SigningStatement honest = SigningSimulation.statement(keys.get(0), requestId, "sig1", e, s);
        SigningStatement other = SigningSimulation.statement(keys.get(0), requestId, "sig1", otherE, s);
        SigningSimulation.Result result = SigningSimulation.run(signers, i -> i == odd ? other : honest, random,
                new SigningSimulation.Tamper() { });
        assertEquals(signers.keySet(), result.aborted.keySet(), "every participant aborted");
        assertTrue(result.released2.isEmpty(), "no v_j was released");
        assertTrue(result.shares.isEmpty(), "no signature share was released");
        for (Map.Entry<Integer, SigningAbortedException> a : result.aborted.entrySet()) {
            assertEquals(SigningAbortedException.Reason.STATEMENT_MISMATCH, a.getValue().reason());
            if (a.getKey() != odd) {
                assertEquals(odd, a.getValue().culprit(), "honest nodes blame the odd one");
            }
        }
    }

    @Test
    void aParticipantStatingAnotherRequestAlsoAborts() {
        List<KeyShare> keys = DkgSimulation.run(4, 1, random);
        Map<Integer, KeyShare> signers = new TreeMap<>(Map.of(1, keys.get(0), 2, keys.get(1), 3, keys.get(2)));
        byte[] e = random32();
        SigningStatement honest = SigningSimulation.statement(keys.get(0), requestId(), "sig1", e, List.of(1, 2, 3));
        SigningStatement replay = SigningSimulation.statement(keys.get(0), requestId(), "sig1", e, List.of(1, 2, 3));
        SigningSimulation.Result result = SigningSimulation.run(signers, i -> i == 3 ? replay : honest, random,
                new SigningSimulation.Tamper() { });
        assertEquals(signers.keySet(), result.aborted.keySet());
        assertTrue(result.released2.isEmpty() && result.shares.isEmpty());
        assertEquals(3, result.aborted.get(1).culprit());
    }

    @Test
    void participantsAreASet() {
        byte[] e = random32();
        SessionId sid = new SessionId(random32());
        byte[] keyId = random32();
        assertEquals(new SigningStatement(sid, keyId, e, List.of(1, 2, 3)), new SigningStatement(sid, keyId, e, List.of(3, 1, 2)));
        assertFalse(new SigningStatement(sid, keyId, e, List.of(1, 2, 3)).equals(new SigningStatement(sid, keyId, e, List.of(1, 2, 4))));
        assertThrows(IllegalArgumentException.class, () -> new SigningStatement(sid, keyId, e, List.of(1, 1, 2)));
    }

    @Test
    void aWrongSignatureShareMakesCombinationFail() {
        List<KeyShare> keys = DkgSimulation.run(3, 1, random);
        Map<Integer, KeyShare> signers = pickSigners(keys, 1);
        byte[] e = random32();
        SigningStatement st = SigningSimulation.statement(keys.get(0), requestId(), "sig", e, new ArrayList<>(signers.keySet()));
        SigningSimulation.Result result = SigningSimulation.run(signers, i -> st, random, new SigningSimulation.Tamper() { });
        List<SignatureShare> shares = new ArrayList<>(result.shares.values());
        ECPoint y = keys.get(0).publicKey();
        SignatureCombiner.combine(y, e, shares);

        SignatureShare bad = shares.get(1);
        shares.set(1, new SignatureShare(bad.sid(), bad.index(), bad.s().add(BigInteger.ONE).mod(Secp256k1.Q), bad.bigR()));
        CryptoException ex = assertThrows(CryptoException.class, () -> SignatureCombiner.combine(y, e, shares));
        assertEquals("combined signature does not verify", ex.getMessage());
        assertThrows(CryptoException.class, () -> SignatureCombiner.combine(y, random32(), result.shares.values()));
        assertThrows(CryptoException.class,
                () -> SignatureCombiner.combine(y, e, new ArrayList<>(result.shares.values()).subList(0, 2)));
    }

    @Test
    void aWrongVMakesCombinationFail() {
        List<KeyShare> keys = DkgSimulation.run(3, 1, random);
        Map<Integer, KeyShare> signers = pickSigners(keys, 1);
        byte[] e = random32();
        SigningStatement st = SigningSimulation.statement(keys.get(0), requestId(), "sig", e, new ArrayList<>(signers.keySet()));
        int liar = st.participants().get(0);
        SigningSimulation.Result result = SigningSimulation.run(signers, i -> st, random, new SigningSimulation.Tamper() {
            @Override
            public Round2 round2(Round2 m) {
                return m.from() == liar ? new Round2(m.sid(), m.from(), m.v().add(BigInteger.ONE).mod(Secp256k1.Q)) : m;
            }
        });
        assertEquals(3, result.shares.size());
        assertThrows(CryptoException.class,
                () -> SignatureCombiner.combine(keys.get(0).publicKey(), e, result.shares.values()));
    }

    @Test
    void aTamperedNonceShareNamesTheDealer() {
        List<KeyShare> keys = DkgSimulation.run(4, 1, random);
        Map<Integer, KeyShare> signers = pickSigners(keys, 1);
        byte[] e = random32();
        SigningStatement st = SigningSimulation.statement(keys.get(0), requestId(), "sig", e, new ArrayList<>(signers.keySet()));
        int dealer = st.participants().get(2);
        int victim = st.participants().get(0);
        SigningSimulation.Result result = SigningSimulation.run(signers, i -> st, random, new SigningSimulation.Tamper() {
            @Override
            public Round1Share share(int from, int to, Round1Share s) {
                return from == dealer && to == victim
                        ? new Round1Share(s.sid(), from, to, s.k().add(BigInteger.ONE).mod(Secp256k1.Q), s.a(), s.b(), s.c())
                        : s;
            }
        });
        SigningAbortedException ex = result.aborted.get(victim);
        assertEquals(SigningAbortedException.Reason.BAD_NONCE_SHARE, ex.reason());
        assertEquals(dealer, ex.culprit());
        assertFalse(result.released2.containsKey(victim));
        assertFalse(result.shares.containsKey(victim));
    }

    @Test
    void aTamperedNonceShareArrivingBeforeItsCommitmentIsCaughtWhenTheCommitmentArrives() {
        List<KeyShare> keys = DkgSimulation.run(3, 1, random);
        byte[] e = random32();
        SigningStatement st = SigningSimulation.statement(keys.get(0), requestId(), "sig", e, List.of(1, 2, 3));
        SigningSession victim = new SigningSession(keys.get(0), st, random);
        SigningSession honest = new SigningSession(keys.get(1), st, random);
        SigningSession dealer = new SigningSession(keys.get(2), st, random);
        victim.round1();
        SigningSession.Round1Output fromHonest = honest.round1();
        SigningSession.Round1Output fromDealer = dealer.round1();
        victim.receive(fromHonest.shares().get(1));
        victim.receive(fromHonest.broadcast());
        Round1Share s = fromDealer.shares().get(1);
        victim.receive(new Round1Share(s.sid(), 3, 1, s.k().add(BigInteger.ONE).mod(Secp256k1.Q), s.a(), s.b(), s.c()));
        SigningAbortedException ex = assertThrows(SigningAbortedException.class, () -> victim.receive(fromDealer.broadcast()));
        assertEquals(SigningAbortedException.Reason.BAD_NONCE_SHARE, ex.reason());
        assertEquals(3, ex.culprit());
        assertFalse(victim.readyForRound2());
    }

    @Test
    void sessionChecksItsInputsAndIsSingleUse() {
        List<KeyShare> keys = DkgSimulation.run(4, 1, random);
        byte[] e = random32();
        SigningStatement st = SigningSimulation.statement(keys.get(0), requestId(), "sig", e, List.of(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new SigningSession(keys.get(3), st, random), "not a participant");
        SigningStatement four = SigningSimulation.statement(keys.get(0), requestId(), "sig", e, List.of(1, 2, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new SigningSession(keys.get(0), four, random), "needs 2t+1");
        SigningStatement otherKey = new SigningStatement(st.sid(), random32(), e, List.of(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new SigningSession(keys.get(0), otherKey, random));

        SigningSession session = new SigningSession(keys.get(0), st, random);
        assertThrows(IllegalStateException.class, session::round2, "round 2 before round 1");
        SigningSession.Round1Output out = session.round1();
        assertThrows(IllegalStateException.class, session::round1, "a nonce is dealt once");
        assertEquals(2, out.shares().size());
        assertTrue(out.shares().get(2).toString().contains("<redacted>"));
        assertTrue(session.toString().contains("<redacted>"));
        Round1Share share = out.shares().get(2);
        Round1Share copy = Round1Share.fromBytes(share.toBytes());
        assertEquals(share.k(), copy.k());
        assertEquals(share.c(), copy.c());
        assertEquals(out.broadcast(), Round1.fromBytes(out.broadcast().toBytes()));
        assertEquals(st, SigningStatement.fromBytes(st.toBytes()));
        assertThrows(IllegalArgumentException.class, () -> session.receive(share), "share for another node");
        session.destroy();
        assertThrows(IllegalStateException.class, session::round2);
    }

    public static class SidCase {
        public String requestId;
        public String keyId;
        public String sigName;
        public String e;
        public String sid;
    }

    public static class SidFile {
        public List<SidCase> cases;
    }

    @Test
    void sessionIdMatchesKnownAnswers() {
        SidFile file = Vectors.load("sid.json", SidFile.class);
        for (SidCase c : file.cases) {
            SessionId sid = SessionId.derive(Hex.decode(c.requestId), Hex.decode(c.keyId), c.sigName, Hex.decode(c.e));
            assertEquals(c.sid, sid.toString());
            assertArrayEquals(Hex.decode(c.sid), sid.bytes());
        }
        assertThrows(IllegalArgumentException.class, () -> SessionId.derive(new byte[15], new byte[32], "", new byte[32]));
    }
}
