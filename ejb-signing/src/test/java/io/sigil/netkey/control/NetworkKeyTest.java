package io.sigil.netkey.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.tdh2.DecryptionShare;
import io.sigil.crypto.tdh2.Tdh2;
import io.sigil.crypto.tdh2.Tdh2Ciphertext;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.storage.SecretSealer;
import io.sigil.storage.StorageKey;
import io.sigil.testing.TestNetwork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network key: made once by DKG on the lowest-index node's initiative, sealed, kept, learnt from peers. */
class NetworkKeyTest {
    @TempDir
    Path dir;

    @Test
    void madeOnceByTheLowestNodeSharedByAllAndDecryptsWithTPlusOneShares() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            assertFalse(net.node(2).netkey.ensure(), "only node 1 starts the DKG");
            assertThrows(SigilException.class, () -> net.node(2).netkeyStore.require());
            assertTrue(net.node(1).netkey.ensure());
            NetworkKey key = net.node(1).netkeyStore.require();
            for (TestNetwork.TestNode n : net.nodes()) {
                waitFor(() -> n.netkeyStore.hasShare());
                assertEquals(key, n.netkeyStore.require());
            }
            assertTrue(net.node(1).netkey.ensure(), "idempotent");
            assertEquals(key, net.node(1).netkeyStore.require());

            byte[] label = Tdh2.label("[]".getBytes(StandardCharsets.UTF_8));
            Tdh2Ciphertext ct = Tdh2.encrypt(key.publicKey(), "secret".getBytes(StandardCharsets.UTF_8), label,
                    new SecureRandom());
            List<DecryptionShare> shares = new ArrayList<>();
            for (int i : new int[] {3, 1}) {
                KeyShare s = net.node(i).netkeyStore.share();
                shares.add(Tdh2.decryptionShare(s, ct, label, new SecureRandom()));
                s.destroy();
            }
            assertEquals(1, key.t());
            assertEquals("secret", new String(Tdh2.combine(ct, shares, key.commitments()), StandardCharsets.UTF_8));
            assertThrows(CryptoException.class, () -> Tdh2.combine(ct, shares.subList(0, 1), key.commitments()));
        }
    }

    @Test
    void sealedAtRestSurvivesRestartAndALostRecordIsLearntFromPeers() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            assertTrue(net.node(1).netkey.ensure());
            NetworkKey key = net.node(1).netkeyStore.require();
            TestNetwork.TestNode n2 = net.node(2);
            waitFor(() -> n2.netkeyStore.hasShare());
            Path keyDir = n2.node.config.dataDirectory().resolve("network-key");
            byte[] sealed = Files.readAllBytes(keyDir.resolve("share.sealed"));
            KeyShare share = n2.netkeyStore.share();
            assertFalse(contains(sealed, share.toBytes()), "the share is sealed at rest");
            share.destroy();

            // restart: a fresh store over the same directory reads the same key
            NetworkKeyStore restarted = new NetworkKeyStore(n2.node.config,
                    new SecretSealer(new StorageKey(n2.node.config, Optional.empty())));
            assertEquals(key, restarted.require());
            assertTrue(restarted.hasShare());

            // a node that lost its record learns the public key from a peer (it holds no share then)
            Files.delete(keyDir.resolve("share.sealed"));
            Files.delete(keyDir.resolve("public.bin"));
            NetworkKeyStore empty = new NetworkKeyStore(n2.node.config,
                    new SecretSealer(new StorageKey(n2.node.config, Optional.empty())));
            NetKeyWiring.replaceStore(n2.netkey, empty);
            assertTrue(n2.netkey.ensure());
            assertEquals(key, empty.require());
            assertFalse(empty.hasShare());
            SigilException e = assertThrows(SigilException.class, empty::share);
            assertEquals(ProblemType.NOT_READY, e.type());
        }
    }

    @Test
    void aNodeDownMeansNoKeyYetAndNothingStored() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "3s")) {
            net.net.down(3);
            assertFalse(net.node(1).netkey.ensure());
            Thread.sleep(300);
            for (TestNetwork.TestNode n : net.nodes()) {
                assertTrue(n.netkeyStore.key().isEmpty());
                assertFalse(n.netkeyStore.hasShare());
            }
            net.net.up(3);
            assertTrue(net.node(1).netkey.ensure());
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        for (int i = 0; i < 100 && !c.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(c.getAsBoolean());
    }
}
