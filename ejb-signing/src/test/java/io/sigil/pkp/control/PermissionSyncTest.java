package io.sigil.pkp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigil.api.model.AuthSig;
import io.sigil.auth.AuthSigVerifier;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.testing.TestAuth;
import io.sigil.testing.TestKeys;
import io.sigil.testing.TestNetwork;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-signed changes reach every node; a node that missed some catches up from a peer and verifies each itself. */
class PermissionSyncTest {
    static final String A = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
    static final String B = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

    @TempDir
    Path dir;

    @Test
    void forwardedChangesReachEveryNodeAndAMissedOneIsCaughtUp() throws Exception {
        IdentityKey owner = TestKeys.wallet();
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            AuthSig a = TestAuth.authSig(owner);
            PkpState pkp = net.node(1).dkg.lead(a, new AuthSigVerifier().verify(a, "authSig"), List.of(A), false);
            Thread.sleep(300);
            String id = pkp.tokenId().toString();

            // change 0 -> 1 accepted by node 1 while node 3 is down: nodes 1 and 2 have it
            net.net.down(3);
            PermissionChange c0 = PermissionChange.of(pkp.tokenId(), TestAuth.change(owner, id, 0, List.of(B), List.of(), false));
            net.node(1).store.apply(c0);
            net.node(1).sync.forward(c0);
            waitVersion(net.node(2), pkp, 1);
            net.net.up(3);
            assertEquals(0, net.node(3).store.find(pkp.tokenId()).orElseThrow().version());

            // change 1 -> 2 accepted by node 2 and forwarded: node 3 is not ready for it, fetches change 0 first
            PermissionChange c1 = PermissionChange.of(pkp.tokenId(), TestAuth.change(owner, id, 1, List.of(), List.of(A), true));
            net.node(2).store.apply(c1);
            net.node(2).sync.forward(c1);
            for (TestNetwork.TestNode n : net.nodes()) {
                PkpState s = waitVersion(n, pkp, 2);
                assertEquals(List.of(B), s.permittedActions());
                assertEquals(true, s.sealed());
            }
        }
    }

    @Test
    void thePeriodicCheckCatchesUpANodeThatWasDown() throws Exception {
        IdentityKey owner = TestKeys.wallet();
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            AuthSig a = TestAuth.authSig(owner);
            PkpState pkp = net.node(1).dkg.lead(a, new AuthSigVerifier().verify(a, "authSig"), List.of(A), false);
            Thread.sleep(300);
            net.net.down(3);
            PermissionChange c0 = PermissionChange.of(pkp.tokenId(),
                    TestAuth.change(owner, pkp.tokenId().toString(), 0, List.of(B), List.of(), false));
            net.node(1).store.apply(c0);
            net.node(1).sync.forward(c0);
            Thread.sleep(300);
            net.net.up(3);
            net.node(3).sync.checkPeers();
            assertEquals(1, net.node(3).store.find(pkp.tokenId()).orElseThrow().version());
        }
    }

    private static PkpState waitVersion(TestNetwork.TestNode n, PkpState pkp, long version) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            PkpState s = n.store.find(pkp.tokenId()).orElseThrow();
            if (s.version() == version) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("node " + n.index() + " did not reach version " + version);
    }
}
