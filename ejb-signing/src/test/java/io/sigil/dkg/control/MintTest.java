package io.sigil.dkg.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.AuthSig;
import io.sigil.auth.AuthSigVerifier;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.pkp.control.PkpState;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.testing.TestAuth;
import io.sigil.testing.TestKeys;
import io.sigil.testing.TestNetwork;
import io.sigil.transport.PeerUnavailableException;
import io.sigil.transport.TamperingTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Minting over real transports, identities and databases: the DKG, the commit step and every way it can fail. */
class MintTest {
    static final String CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";

    @TempDir
    Path dir;

    final IdentityKey wallet = TestKeys.wallet();

    PkpState mint(TestNetwork net, int leader) {
        AuthSig a = TestAuth.authSig(wallet);
        return net.node(leader).dkg.lead(a, new AuthSigVerifier().verify(a, "authSig"), List.of(CID), false);
    }

    @Test
    void everyNodeStoresTheSameActivePkp() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            PkpState pkp = mint(net, 2);
            assertEquals(wallet.address(), pkp.owner());
            assertEquals(List.of(CID), pkp.permittedActions());
            for (TestNetwork.TestNode n : net.nodes()) {
                PkpState there = waitActive(n, pkp);
                assertEquals(pkp, there);
                KeyShare share = n.store.keyShare(pkp.tokenId(), any -> true).orElseThrow();
                assertEquals(n.index(), share.index());
                assertEquals(pkp.publicKey(), share.publicKey());
                share.destroy();
            }
        }
    }

    @Test
    void aNodeDownFailsTheMintNamingItAndNothingIsStored() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "5s")) {
            net.net.down(3);
            SigilException e = assertThrows(SigilException.class, () -> mint(net, 1));
            assertEquals(ProblemType.PEER_UNAVAILABLE, e.type());
            assertTrue(e.detail().startsWith("node 3 "), e.detail());
            Thread.sleep(500); // node 2 hears "stop" from the leader
            for (TestNetwork.TestNode n : net.nodes()) {
                assertEquals(0, n.storedRows(), "node " + n.index() + " stored nothing");
            }
        }
    }

    @Test
    void aBadShareAbortsNamingTheDealerAndNothingIsStored() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "3s")) {
            // node 3 deals node 1 a share that does not match its commitments
            net.node(3).transport.hook = m -> {
                if (m.protocol().equals(DkgProtocol.NAME) && m.round() == DkgProtocol.DEAL && m.to().value() == 1) {
                    byte[] secret = m.secret().clone();
                    secret[secret.length - 1] ^= 1;
                    return new TamperingTransport.Outgoing(m.protocol(), m.round(), m.to(), m.payload(), secret);
                }
                return m;
            };
            SigilException e = assertThrows(SigilException.class, () -> mint(net, 1));
            assertEquals(ProblemType.PROTOCOL_ABORTED, e.type());
            assertEquals(3, e.extensions().get("node"));
            assertEquals("node 3 DKG share does not match its dealer's commitments", e.detail());
            Thread.sleep(3500); // the others reach their deadline
            for (TestNetwork.TestNode n : net.nodes()) {
                assertEquals(0, n.storedRows(), "node " + n.index() + " stored nothing");
            }
        }
    }

    @Test
    void aNodeThatRefusesTheAuthSigStopsTheMintBeforeTheDkg() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "5s")) {
            // node 2's clock is two hours ahead: the authSig has expired there
            net.node(2).clock.offset = Duration.ofHours(2);
            SigilException e = assertThrows(SigilException.class, () -> mint(net, 1));
            assertEquals(ProblemType.PROTOCOL_ABORTED, e.type());
            assertEquals("node 2 refused to join the mint (the authSig has expired)", e.detail());
            Thread.sleep(300);
            for (TestNetwork.TestNode n : net.nodes()) {
                assertEquals(0, n.storedRows());
            }
        }
    }

    @Test
    void parallelMintsFromEveryNodeAllSucceed() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "20s")) {
            List<CompletableFuture<PkpState>> mints = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int leader = 1 + i % 3;
                mints.add(CompletableFuture.supplyAsync(() -> mint(net, leader)));
            }
            HashSet<Object> ids = new HashSet<>();
            for (CompletableFuture<PkpState> f : mints) {
                PkpState pkp = f.get();
                ids.add(pkp.tokenId());
                for (TestNetwork.TestNode n : net.nodes()) {
                    assertEquals(pkp, waitActive(n, pkp));
                }
            }
            assertEquals(6, ids.size());
        }
    }

    @Test
    void aLostPreparedStatementIsRecoveredFromAPeerThatCommitted() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "3s")) {
            // node 3's prepared statement never reaches node 1 (the leader); nodes 2 and 3 get everything and commit
            net.node(3).transport.hook = m -> {
                if (m.protocol().equals(DkgProtocol.NAME) && m.round() == DkgProtocol.PREPARED && m.to().value() == 1) {
                    throw new PeerUnavailableException(m.to(), "did not accept a dkg message (test)");
                }
                return m;
            };
            PkpState pkp = mint(net, 1); // the leader settles with its peers and still answers with the PKP
            for (TestNetwork.TestNode n : net.nodes()) {
                assertEquals(pkp, waitActive(n, pkp));
            }
        }
    }

    @Test
    void aNodeThatCouldNotStoreItsShareMakesEveryoneDiscard() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "2s")) {
            net.node(3).store.failPrepare = true;
            SigilException e = assertThrows(SigilException.class, () -> mint(net, 1));
            assertEquals(ProblemType.PEER_UNAVAILABLE, e.type(), e.detail());
            Thread.sleep(2500);
            // node 2 may still hold its prepared share (it settles on its own schedule): settle now
            for (TestNetwork.TestNode n : net.nodes()) {
                n.outcomes.settlePending();
            }
            for (TestNetwork.TestNode n : net.nodes()) {
                assertEquals(0, n.storedRows(), "node " + n.index() + " kept nothing");
            }
        }
    }

    @Test
    void preparedButUndecidedWhileThePeersAreUnreachableStaysPreparedThenCommits() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "3s")) {
            // node 3's statement never reaches node 1, and node 1 cannot ask anyone about the outcome for now
            net.node(3).transport.hook = m -> {
                if (m.protocol().equals(DkgProtocol.NAME) && m.round() == DkgProtocol.PREPARED && m.to().value() == 1) {
                    throw new PeerUnavailableException(m.to(), "did not accept a dkg message (test)");
                }
                return m;
            };
            java.util.concurrent.atomic.AtomicBoolean cutOff = new java.util.concurrent.atomic.AtomicBoolean(true);
            net.node(1).transport.hook = m -> {
                if (m.protocol().equals(MintOutcomes.NAME) && cutOff.get()) {
                    throw new PeerUnavailableException(m.to(), "is unreachable (test)");
                }
                return m;
            };
            SigilException e = assertThrows(SigilException.class, () -> mint(net, 1));
            assertEquals(ProblemType.PEER_UNAVAILABLE, e.type());
            assertEquals(List.of(3), e.extensions().get("missingNodes"));
            var mint = net.node(1).store.preparedMints().get(0);
            assertTrue(net.node(1).store.find(mint.tokenId()).isEmpty(), "undecided: kept, but neither shown nor usable");
            assertThrows(SigilException.class, () -> net.node(1).store.keyShare(mint.tokenId(), any -> true).orElseThrow());
            // node 2 commits on its own thread once it holds every statement, not before node 1 answers
            for (int i = 0; i < 100 && net.node(2).store.find(mint.tokenId()).isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertTrue(net.node(2).store.find(mint.tokenId()).isPresent(), "node 2 committed");
            net.node(1).outcomes.settlePending();
            assertTrue(net.node(1).store.find(mint.tokenId()).isEmpty(), "still undecided while nobody answers");
            cutOff.set(false);
            net.node(1).outcomes.settlePending();
            assertTrue(net.node(1).store.find(mint.tokenId()).isPresent(), "node 1 committed from node 2's certificate");
        }
    }

    private static PkpState waitActive(TestNetwork.TestNode n, PkpState pkp) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var found = n.store.find(pkp.tokenId());
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("node " + n.index() + " has no active " + pkp.tokenId());
    }

}
