package io.sigil.crypto.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.shamir.Lagrange;
import io.sigil.crypto.shamir.Polynomial;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DkgSessionTest {

    private final SecureRandom random = new SecureRandom();

    @ParameterizedTest(name = "n={0}, t={1}")
    @CsvSource({"3,1", "4,1", "7,2"})
    void allNodesAgreeAndTPlusOneSharesGiveTheKey(int n, int t) {
        List<KeyShare> shares = DkgSimulation.run(n, t, random);
        KeyShare first = shares.get(0);
        for (KeyShare s : shares) {
            assertEquals(first.publicKey(), s.publicKey());
            assertEquals(first.commitments(), s.commitments());
            assertEquals(Secp256k1.mulG(s.secretShare()), first.publicShare(s.index()), "X_j = x_j*G");
            assertEquals(t, s.t());
            assertEquals(n, s.n());
        }
        // any t+1 shares interpolate to the secret key of Y (unit test only: Sigil never reconstructs)
        for (int start = 0; start + t < n; start++) {
            Map<Integer, BigInteger> subset = new TreeMap<>();
            for (int k = start; k <= start + t; k++) {
                subset.put(shares.get(k).index(), shares.get(k).secretShare());
            }
            assertEquals(first.publicKey(), Secp256k1.mulG(Lagrange.interpolateAtZero(subset)));
        }
        // t shares interpolate to something else
        Map<Integer, BigInteger> tooFew = new TreeMap<>();
        for (int k = 0; k < t; k++) {
            tooFew.put(shares.get(k).index(), shares.get(k).secretShare());
        }
        assertNotEquals(first.publicKey(), Secp256k1.mulG(Lagrange.interpolateAtZero(tooFew)));
    }

    @Test
    void tamperedShareNamesTheDealer() {
        DkgAbortedException e = assertThrows(DkgAbortedException.class,
                () -> DkgSimulation.run(4, 1, random, (from, to, share) -> from == 3 && to == 2
                        ? DkgSimulation.plusOne().apply(share) : share));
        assertEquals(DkgAbortedException.Reason.BAD_SHARE, e.reason());
        assertEquals(3, e.culprit());
        assertEquals("DKG share does not match its dealer's commitments", e.getMessage());
    }

    @Test
    void equivocatingDealerIsCaughtByTheEcho() {
        // Dealer 1 shows node 3 a different polynomial (with matching share) than everyone else.
        byte[] id = new byte[32];
        DkgParameters params = new DkgParameters(id, 3, 1);
        DkgSession[] nodes = {null, new DkgSession(params, 1, random), new DkgSession(params, 2, random),
            new DkgSession(params, 3, random)};
        DkgSession.Round1Output[] out = new DkgSession.Round1Output[4];
        for (int i = 1; i <= 3; i++) {
            out[i] = nodes[i].round1();
        }
        Polynomial other = Polynomial.random(1, random);
        for (int i = 1; i <= 3; i++) {
            for (int j = 1; j <= 3; j++) {
                if (i == j) {
                    continue;
                }
                if (i == 1 && j == 3) {
                    nodes[3].receive(new DkgRound1(id, 1, other.commit()));
                    nodes[3].receive(new DkgRound1Share(id, 1, 3, other.evaluate(3)));
                } else {
                    nodes[j].receive(out[i].broadcast());
                    nodes[j].receive(out[i].shares().get(j));
                }
            }
        }
        DkgRound2 echo2 = nodes[2].round2();
        DkgRound2 echo3 = nodes[3].round2();
        assertFalse(java.util.Arrays.equals(echo2.commitmentsHash(), echo3.commitmentsHash()));
        DkgAbortedException e = assertThrows(DkgAbortedException.class, () -> nodes[2].receive(echo3));
        assertEquals(DkgAbortedException.Reason.ECHO_MISMATCH, e.reason());
        assertEquals(3, e.culprit());
        // the run stays aborted and yields no key
        assertThrows(DkgAbortedException.class, nodes[2]::finish);
        assertFalse(nodes[2].readyToFinish());
    }

    @Test
    void conflictingBroadcastsAreEquivocation() {
        byte[] id = new byte[32];
        DkgParameters params = new DkgParameters(id, 3, 1);
        DkgSession node = new DkgSession(params, 1, random);
        node.round1();
        node.receive(new DkgRound1(id, 2, Polynomial.random(1, random).commit()));
        DkgAbortedException e = assertThrows(DkgAbortedException.class,
                () -> node.receive(new DkgRound1(id, 2, Polynomial.random(1, random).commit())));
        assertEquals(DkgAbortedException.Reason.EQUIVOCATION, e.reason());
        assertEquals(2, e.culprit());
    }

    @Test
    void wrongDegreeIsBlamed() {
        byte[] id = new byte[32];
        DkgSession node = new DkgSession(new DkgParameters(id, 3, 1), 1, random);
        DkgAbortedException e = assertThrows(DkgAbortedException.class,
                () -> node.receive(new DkgRound1(id, 2, Polynomial.random(2, random).commit())));
        assertEquals(DkgAbortedException.Reason.BAD_COMMITMENT, e.reason());
    }

    @Test
    void misroutedMessagesAreRefusedWithoutAborting() {
        byte[] id = new byte[32];
        byte[] otherId = new byte[32];
        otherId[0] = 1;
        DkgSession node = new DkgSession(new DkgParameters(id, 3, 1), 1, random);
        node.round1();
        assertThrows(IllegalArgumentException.class,
                () -> node.receive(new DkgRound1(otherId, 2, Polynomial.random(1, random).commit())));
        assertThrows(IllegalArgumentException.class,
                () -> node.receive(new DkgRound1(id, 4, Polynomial.random(1, random).commit())));
        assertThrows(IllegalArgumentException.class,
                () -> node.receive(new DkgRound1Share(id, 2, 3, BigInteger.TEN)));
        assertThrows(IllegalArgumentException.class,
                () -> node.receive(new DkgRound1(id, 1, Polynomial.random(1, random).commit())), "forged self message");
        node.receive(new DkgRound1(id, 2, Polynomial.random(1, random).commit()));
        assertThrows(IllegalStateException.class, node::round2, "not ready, but not aborted either");
    }

    @Test
    void parametersFollowThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new DkgParameters(new byte[32], 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new DkgParameters(new byte[32], 5, 0));
        assertEquals(1, DkgParameters.defaultThreshold(3));
        assertEquals(1, DkgParameters.defaultThreshold(4));
        assertEquals(2, DkgParameters.defaultThreshold(7));
        assertEquals(3, DkgParameters.defaultThreshold(10));
    }

    @Test
    void messagesRoundTripAndSecretsAreRedacted() {
        List<KeyShare> shares = DkgSimulation.run(3, 1, random);
        KeyShare share = shares.get(0);
        KeyShare copy = KeyShare.fromBytes(share.toBytes());
        assertEquals(share.secretShare(), copy.secretShare());
        assertEquals(share.publicKey(), copy.publicKey());
        assertTrue(share.toString().contains("<redacted>"));
        assertFalse(share.toString().contains(share.secretShare().toString(16)));
        byte[] tampered = share.toBytes();
        tampered[9] ^= 1; // inside x: no longer matches the commitments
        assertThrows(IllegalArgumentException.class, () -> KeyShare.fromBytes(tampered));
        // from this node's own sealed storage the x*G check is not repeated, the shape still is
        KeyShare restored = KeyShare.restore(share.toBytes());
        assertEquals(share.secretShare(), restored.secretShare());
        assertEquals(share.publicKey(), restored.publicKey());
        assertThrows(IllegalArgumentException.class, () -> KeyShare.restore(java.util.Arrays.copyOf(tampered, 20)));
        copy.destroy();
        assertThrows(IllegalStateException.class, copy::secretShare);

        DkgRound1Share s = new DkgRound1Share(new byte[32], 1, 2, BigInteger.valueOf(12345));
        assertEquals(BigInteger.valueOf(12345), DkgRound1Share.fromBytes(s.toBytes()).share());
        assertFalse(s.toString().contains("12345"));
        assertFalse(s.toString().contains("3039"));
        DkgRound2 echo = new DkgRound2(new byte[32], 2, new byte[32]);
        assertEquals(echo, DkgRound2.fromBytes(echo.toBytes()));
        assertArrayEquals(echo.commitmentsHash(), DkgRound2.fromBytes(echo.toBytes()).commitmentsHash());
        assertThrows(IllegalArgumentException.class, () -> DkgRound2.fromBytes(s.toBytes()), "wrong tag");
        assertEquals(share.tokenId().bytes().length, share.keyId().length);
    }
}
