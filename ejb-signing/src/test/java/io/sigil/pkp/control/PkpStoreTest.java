package io.sigil.pkp.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.eth.TokenId;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.node.NodeConfig;
import io.sigil.pkp.entity.PkpRecord;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.storage.SecretSealer;
import io.sigil.storage.StorageKey;
import io.sigil.testing.TestAuth;
import io.sigil.testing.TestDatabase;
import io.sigil.testing.TestKeys;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against a real H2 file: sealing at rest, prepare/activate/discard, restart, permission versions. */
class PkpStoreTest {
    static final String CID_A = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
    static final String CID_B = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

    @TempDir
    Path dir;

    SecretSealer sealer() {
        NodeConfig config = new NodeConfig(1, List.of("http://127.0.0.1:9"), Optional.empty(), dir.toString());
        return new SecretSealer(new StorageKey(config, Optional.empty()));
    }

    @Test
    void shareIsSealedAtRestAndSurvivesARestart() throws Exception {
        KeyShare share = TestKeys.dkg(3, 1).get(0);
        TokenId tokenId = share.tokenId();
        IdentityKey owner = TestKeys.wallet();
        SecretSealer sealer = sealer();
        try (TestDatabase db = new TestDatabase(dir)) {
            PkpStore store = db.pkpStore(sealer);
            store.prepare("0x" + "11".repeat(32), share, owner.address(), List.of(CID_B, CID_A), false, new byte[] {1});
            assertTrue(store.find(tokenId).isEmpty(), "a prepared PKP is not shown");
            assertThrows(SigilException.class, () -> store.keyShare(tokenId, any -> true).orElseThrow(), "nor usable");
            assertTrue(store.activate(tokenId, new byte[] {2}));

            // what is in the table, read with plain JDBC: no plaintext share, no secret scalar
            byte[] plain = share.toBytes();
            byte[] secret = Secp256k1.toBytes32(share.secretShare());
            try (Connection c = db.jdbc(); ResultSet rs = c.createStatement()
                    .executeQuery("select token_id, share_index, sealed_share from sigil_key_share")) {
                assertTrue(rs.next());
                assertEquals(tokenId.toString(), rs.getString(1));
                assertEquals(1, rs.getInt(2));
                byte[] stored = rs.getBytes(3);
                assertFalse(contains(stored, plain), "the plaintext share is not in the table");
                assertFalse(contains(stored, secret), "the secret scalar is not in the table");
                assertFalse(Hex.encode(stored).contains(Hex.encodeBare(secret)));
                assertFalse(rs.next());
            }
            try (Connection c = db.jdbc(); ResultSet rs = c.createStatement().executeQuery("select * from sigil_pkp")) {
                assertTrue(rs.next());
                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                    String v = rs.getString(col);
                    assertTrue(v == null || !v.toLowerCase().contains(Hex.encodeBare(secret)), "no secret in column " + col);
                }
            }
        }
        // restart: a new database handle and a new sealer over the same data directory
        try (TestDatabase db = new TestDatabase(dir)) {
            PkpStore store = db.pkpStore(sealer());
            PkpState pkp = store.find(tokenId).orElseThrow();
            assertEquals(owner.address(), pkp.owner());
            assertEquals(List.of(CID_B, CID_A).stream().sorted().toList(), pkp.permittedActions());
            assertEquals(share.publicKey(), pkp.publicKey());
            assertEquals(share.address(), pkp.ethAddress());
            assertEquals(0, pkp.version());
            assertTrue(store.keyShare(tokenId, state -> !state.permits(CID_A)).isEmpty(),
                    "a caller the PKP does not permit gets no share");
            KeyShare loaded = store.keyShare(tokenId, state -> state.permits(CID_A)).orElseThrow();
            assertEquals(share.secretShare(), loaded.secretShare());
            assertEquals(share.commitments(), loaded.commitments());
            loaded.destroy();
        }
    }

    @Test
    void shareMovedToAnotherRowDoesNotOpen() throws Exception {
        List<KeyShare> a = TestKeys.dkg(3, 1);
        List<KeyShare> b = TestKeys.dkg(3, 1);
        try (TestDatabase db = new TestDatabase(dir)) {
            PkpStore store = db.pkpStore(sealer());
            IdentityKey owner = TestKeys.wallet();
            store.prepare("0x" + "01".repeat(32), a.get(0), owner.address(), List.of(), false, new byte[0]);
            store.prepare("0x" + "02".repeat(32), b.get(0), owner.address(), List.of(), false, new byte[0]);
            store.activate(a.get(0).tokenId(), new byte[0]);
            store.activate(b.get(0).tokenId(), new byte[0]);
            try (Connection c = db.jdbc()) {
                c.createStatement().executeUpdate("update sigil_key_share set sealed_share = (select sealed_share from"
                        + " sigil_key_share where token_id = '" + a.get(0).tokenId() + "') where token_id = '"
                        + b.get(0).tokenId() + "'");
            }
            SigilException e = assertThrows(SigilException.class, () -> store.keyShare(b.get(0).tokenId(), any -> true));
            assertEquals(ProblemType.INTERNAL, e.type());
            store.keyShare(a.get(0).tokenId(), any -> true).orElseThrow().destroy();
        }
    }

    @Test
    void discardRemovesOnlyPreparedPkps() throws Exception {
        KeyShare share = TestKeys.dkg(3, 1).get(1);
        try (TestDatabase db = new TestDatabase(dir)) {
            PkpStore store = db.pkpStore(sealer());
            store.prepare("0x" + "03".repeat(32), share, TestKeys.wallet().address(), List.of(), false, new byte[0]);
            assertEquals(1, store.preparedMints().size());
            assertEquals(PkpRecord.State.PREPARED, store.mintOfRun("0x" + "03".repeat(32)).orElseThrow().state());
            assertTrue(store.discard(share.tokenId()));
            assertTrue(store.mint(share.tokenId()).isEmpty());
            try (Connection c = db.jdbc(); ResultSet rs = c.createStatement().executeQuery(
                    "select (select count(*) from sigil_key_share) + (select count(*) from sigil_pkp)")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "nothing left of a discarded mint");
            }
            store.prepare("0x" + "04".repeat(32), share, TestKeys.wallet().address(), List.of(), false, new byte[0]);
            store.activate(share.tokenId(), new byte[0]);
            assertFalse(store.discard(share.tokenId()), "an active PKP is never discarded");
            assertTrue(store.find(share.tokenId()).isPresent());
        }
    }

    @Test
    void permissionChangesFollowVersionsOwnerAndSeal() throws Exception {
        KeyShare share = TestKeys.dkg(3, 1).get(2);
        TokenId id = share.tokenId();
        IdentityKey owner = TestKeys.wallet();
        try (TestDatabase db = new TestDatabase(dir)) {
            PkpStore store = db.pkpStore(sealer());
            store.prepare("0x" + "05".repeat(32), share, owner.address(), List.of(CID_A), false, new byte[0]);
            store.activate(id, new byte[0]);

            PermissionChange first = PermissionChange.of(id,
                    TestAuth.change(owner, id.toString(), 0, List.of(CID_B), List.of(CID_A), false));
            PkpState after = store.apply(first);
            assertEquals(List.of(CID_B), after.permittedActions());
            assertEquals(1, after.version());

            // replaying the same signed change: stale version
            SigilException stale = assertThrows(SigilException.class, () -> store.apply(first));
            assertEquals(ProblemType.CONFLICT, stale.type());
            assertEquals(PkpStore.Offer.ALREADY_APPLIED, store.offer(first));

            // signed by someone else
            PermissionChange foreign = PermissionChange.of(id,
                    TestAuth.change(TestKeys.wallet(), id.toString(), 1, List.of(CID_A), List.of(), false));
            assertEquals(ProblemType.NOT_PERMITTED, assertThrows(SigilException.class, () -> store.apply(foreign)).type());

            // a change for a version this node has not reached
            PermissionChange ahead = PermissionChange.of(id,
                    TestAuth.change(owner, id.toString(), 5, List.of(CID_A), List.of(), false));
            assertEquals(PkpStore.Offer.AHEAD, store.offer(ahead));

            // seal, then nothing changes any more
            store.apply(PermissionChange.of(id, TestAuth.change(owner, id.toString(), 1, List.of(), List.of(), true)));
            PermissionChange afterSeal = PermissionChange.of(id,
                    TestAuth.change(owner, id.toString(), 2, List.of(CID_A), List.of(), false));
            SigilException sealed = assertThrows(SigilException.class, () -> store.apply(afterSeal));
            assertEquals(ProblemType.NOT_PERMITTED, sealed.type());
            assertEquals("the PKP is sealed: its permissions cannot change", sealed.detail());

            PkpState end = store.find(id).orElseThrow();
            assertTrue(end.sealed());
            assertEquals(2, end.version());
            List<byte[]> log = store.changesFrom(id, 0);
            assertEquals(2, log.size());
            assertArrayEquals(first.toBytes(), log.get(0));
            assertEquals(PermissionChange.fromBytes(log.get(1)).fromVersion(), 1);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
