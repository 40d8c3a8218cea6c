package io.sigil.decrypt.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.CanonicalJson;
import io.sigil.api.model.DecryptRequest;
import io.sigil.api.model.DecryptionShareResponse;
import io.sigil.api.model.EncryptedData;
import io.sigil.api.model.NetworkDecryptResponse;
import io.sigil.api.model.NetworkEncryptionKey;
import io.sigil.api.model.Tdh2Json;
import io.sigil.conditions.control.ChainReader;
import io.sigil.conditions.control.ConditionEvaluator;
import io.sigil.crypto.Hex;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.crypto.tdh2.DecryptionShare;
import io.sigil.node.NodeIndex;
import io.sigil.peer.PeerClient;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.testing.TestAuth;
import io.sigil.testing.TestKeys;
import io.sigil.testing.TestNetwork;
import io.sigil.transport.PeerUnavailableException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decryption boundary on 3 in-JVM nodes (t = 1): a node's share only for an admitted requester and the
 * conditions the ciphertext is bound to; the gateway verifies every share and routes around a liar or a dead node.
 * Peers are reached by calling their boundary directly instead of over HTTP.
 */
class DecryptionTest {
    @TempDir
    Path dir;

    final IdentityKey alice = TestKeys.wallet();
    final IdentityKey bob = TestKeys.wallet();
    final Set<Integer> down = new HashSet<>();
    final Set<Integer> liars = new HashSet<>();

    static final ChainReader NO_CHAINS = new ChainReader() {
        @Override public boolean knows(String chain) { return false; }
        @Override public BigInteger balance(String chain, String address) { throw new AssertionError(); }
        @Override public Optional<byte[]> call(String chain, String to, byte[] data) {
            throw new AssertionError();
        }
    };

    Decryption[] nodes(TestNetwork net) throws Exception {
        assertTrue(net.node(1).netkey.ensure());
        Decryption[] d = new Decryption[3];
        for (int i = 0; i < 3; i++) {
            TestNetwork.TestNode n = net.node(i + 1);
            for (int k = 0; k < 100 && !n.netkeyStore.hasShare(); k++) {
                Thread.sleep(50);
            }
            d[i] = new Decryption();
            d[i].config = n.node.config;
            d[i].keys = n.netkeyStore;
            d[i].authSigs = n.authSigs;
            d[i].conditions = new ConditionEvaluator(NO_CHAINS, Clock.systemUTC());
        }
        for (Decryption x : d) {
            x.peers = new PeerClient() {
                @Override
                public DecryptionShareResponse decryptionShare(NodeIndex peer, DecryptRequest request) {
                    if (down.contains(peer.value())) {
                        throw new PeerUnavailableException(peer, "is down");
                    }
                    DecryptionShareResponse r = d[peer.value() - 1].share(request);
                    if (liars.contains(peer.value())) { // a valid-looking share of the wrong value
                        DecryptionShare s = io.sigil.api.model.Tdh2Json.share(r, peer.value());
                        return Tdh2Json.toJson(new DecryptionShare(s.index(), s.ui().twice().normalize(), s.e(),
                                s.f()));
                    }
                    return r;
                }
            };
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    static List<Object> onlyFor(IdentityKey who) {
        return (List<Object>) CanonicalJson.parse("[{\"contractAddress\":\"\",\"standardContractType\":\"\","
                + "\"chain\":\"ethereum\",\"method\":\"\",\"parameters\":[\":userAddress\"],"
                + "\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"" + who.address() + "\"}}]");
    }

    static DecryptRequest request(EncryptedData e, List<Object> conditions, io.sigil.api.model.AuthSig a) {
        return new DecryptRequest(e.ciphertext(), e.dataToEncryptHash(), conditions, "ethereum", a);
    }

    @Test
    void allowedRequesterDecryptsOthersAreRefused() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            Decryption[] d = nodes(net);
            NetworkEncryptionKey key = d[1].encryptionKey();
            assertEquals(d[0].encryptionKey(), key);
            byte[] secret = new byte[100_000];
            new java.util.Random(1).nextBytes(secret);
            EncryptedData e = Tdh2Json.encrypt(key, secret, onlyFor(alice));

            NetworkDecryptResponse r = d[2].decryptAndCombine(request(e, onlyFor(alice), TestAuth.authSig(alice)));
            assertArrayEquals(secret, Base64.getDecoder().decode(r.decryptedData()));
            assertEquals(2, r.shareIndices().size());

            // the engine host's calls
            assertArrayEquals(secret, d[1].decryptAndCombine(onlyFor(alice), e.ciphertext(), e.dataToEncryptHash(),
                    TestAuth.authSig(alice)));
            assertTrue(d[0].checkConditions(onlyFor(alice), TestAuth.authSig(alice)));
            assertTrue(!d[0].checkConditions(onlyFor(alice), TestAuth.authSig(bob)));
            assertTrue(!d[0].checkConditions(onlyFor(alice), (io.sigil.api.model.AuthSig) null));
            EncryptedData onNode = d[2].encrypt("from an action".getBytes(), onlyFor(bob));
            assertEquals("from an action", new String(d[0].decryptAndCombine(onlyFor(bob), onNode.ciphertext(), null,
                    TestAuth.authSig(bob))));

            // ... and their JSON-text forms, as ActionHost passes them
            io.sigil.api.model.AuthSig a = TestAuth.authSig(alice);
            String aliceJson = CanonicalJson.write(java.util.Map.of("sig", a.sig(), "derivedVia", a.derivedVia(),
                    "signedMessage", a.signedMessage(), "address", a.address()));
            String conditionsJson = CanonicalJson.write(onlyFor(alice));
            assertTrue(d[0].checkConditions(conditionsJson, aliceJson));
            assertTrue(!d[0].checkConditions(conditionsJson, "null"));
            String enc = d[1].encrypt(conditionsJson, "text from an action".getBytes());
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> encMap = (java.util.Map<String, Object>) CanonicalJson.parse(enc);
            assertEquals("text from an action", d[2].decryptAndCombine("{\"accessControlConditions\":" + conditionsJson
                    + ",\"ciphertext\":\"" + encMap.get("ciphertext") + "\",\"dataToEncryptHash\":\""
                    + encMap.get("dataToEncryptHash") + "\",\"authSig\":" + aliceJson + ",\"chain\":\"ethereum\"}"));
            assertEquals(ProblemType.MALFORMED_REQUEST, assertThrows(SigilException.class,
                    () -> d[0].checkConditions("not json", aliceJson)).type());

            // bob: 403 and no share from any node
            for (Decryption x : d) {
                SigilException no = assertThrows(SigilException.class,
                        () -> x.share(request(e, onlyFor(alice), TestAuth.authSig(bob))));
                assertEquals(ProblemType.NOT_PERMITTED, no.type());
            }
            // bob sends weaker conditions (his own address) with alice's ciphertext: 403, bound to other conditions
            SigilException swapped = assertThrows(SigilException.class,
                    () -> d[0].share(request(e, onlyFor(bob), TestAuth.authSig(bob))));
            assertEquals(ProblemType.NOT_PERMITTED, swapped.type());
            assertTrue(swapped.detail().contains("other access-control conditions"), swapped.detail());
            // expired authSig: 401
            Instant past = Instant.now().minusSeconds(7200);
            SigilException expired = assertThrows(SigilException.class, () -> d[0].share(request(e, onlyFor(alice),
                    TestAuth.authSig(alice, past, past.plusSeconds(60), null))));
            assertEquals(ProblemType.INVALID_AUTH_SIG, expired.type());
            // a tampered ciphertext: 400
            byte[] ct = Base64.getDecoder().decode(e.ciphertext());
            ct[ct.length - 40] ^= 1;
            SigilException tampered = assertThrows(SigilException.class, () -> d[0].share(new DecryptRequest(
                    Base64.getEncoder().encodeToString(ct), null, onlyFor(alice), null, TestAuth.authSig(alice))));
            assertEquals(ProblemType.MALFORMED_REQUEST, tampered.type());
        }
    }

    @Test
    void aLyingNodeIsDetectedAndADeadOneRoutedAround() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            Decryption[] d = nodes(net);
            EncryptedData e = Tdh2Json.encrypt(d[0].encryptionKey(), "hello".getBytes(), onlyFor(alice));
            liars.add(2);
            NetworkDecryptResponse r = d[0].decryptAndCombine(request(e, onlyFor(alice), TestAuth.authSig(alice)));
            assertEquals("hello", new String(Base64.getDecoder().decode(r.decryptedData())));
            assertEquals(List.of(1, 3), r.shareIndices());
            assertTrue(r.rejected().get("2").contains("proof"), r.rejected().toString());

            liars.clear();
            down.add(3);
            r = d[0].decryptAndCombine(request(e, onlyFor(alice), TestAuth.authSig(alice)));
            assertEquals("hello", new String(Base64.getDecoder().decode(r.decryptedData())));

            down.add(2); // only the gateway's own share: 503
            SigilException few = assertThrows(SigilException.class,
                    () -> d[0].decryptAndCombine(request(e, onlyFor(alice), TestAuth.authSig(alice))));
            assertEquals(ProblemType.PEER_UNAVAILABLE, few.type());
        }
    }
}
