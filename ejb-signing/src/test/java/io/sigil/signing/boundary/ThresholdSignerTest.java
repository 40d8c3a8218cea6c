package io.sigil.signing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.AuthSig;
import io.sigil.api.model.SignedShare;
import io.sigil.auth.AuthSigVerifier;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.ecdsa.SessionId;
import io.sigil.crypto.ecdsa.SignatureCombiner;
import io.sigil.crypto.ecdsa.SignatureShare;
import io.sigil.crypto.eth.Eip191;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.pkp.control.PkpState;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.signing.control.SigningProtocol;
import io.sigil.signing.control.SigningRequest;
import io.sigil.testing.TestAuth;
import io.sigil.testing.TestKeys;
import io.sigil.testing.TestNetwork;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing over real transports, identities and databases, with the rule that every participant states the same e. */
class ThresholdSignerTest {
    static final String ACTION = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
    static final String OTHER_ACTION = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

    @TempDir
    Path dir;

    final IdentityKey wallet = TestKeys.wallet();

    PkpState mint(TestNetwork net) {
        AuthSig a = TestAuth.authSig(wallet);
        PkpState pkp = net.node(1).dkg.lead(a, new AuthSigVerifier().verify(a, "authSig"), List.of(ACTION), false);
        for (TestNetwork.TestNode n : net.nodes()) {
            for (int i = 0; i < 100 && n.store.find(pkp.tokenId()).isEmpty(); i++) {
                sleep(50);
            }
        }
        return pkp;
    }

    static ThresholdSigner signer(TestNetwork.TestNode n) {
        return new ThresholdSigner(n.store, n.signing);
    }

    static byte[] requestId() {
        byte[] id = new byte[16];
        TestKeys.RANDOM.nextBytes(id);
        return id;
    }

    /** Every participant signs {@code digests.get(i)} concurrently; returns each node's share or its failure. */
    static Map<Integer, Object> signAll(TestNetwork net, PkpState pkp, byte[] requestId, List<Integer> participants,
                                        Map<Integer, byte[]> digests, SigningCaller caller) throws InterruptedException {
        Map<Integer, CompletableFuture<SignedShare>> running = new ConcurrentHashMap<>();
        for (int i : participants) {
            SigningRequest r = new SigningRequest(requestId, pkp.tokenId(), "sig1", digests.get(i), participants);
            running.put(i, CompletableFuture.supplyAsync(() -> signer(net.node(i)).sign(r, caller)));
        }
        Map<Integer, Object> out = new ConcurrentHashMap<>();
        for (var e : running.entrySet()) {
            try {
                out.put(e.getKey(), e.getValue().get());
            } catch (ExecutionException failed) {
                out.put(e.getKey(), failed.getCause());
            }
        }
        return out;
    }

    static EcdsaSignature combine(PkpState pkp, byte[] digest, byte[] requestId, List<SignedShare> shares) {
        List<SignatureShare> values = new ArrayList<>();
        SessionId sid = SessionId.derive(requestId, pkp.tokenId().bytes(), "sig1", digest);
        for (SignedShare s : shares) {
            assertEquals(SignedShare.K256, s.sigType());
            assertEquals(Hex.encode(digest), s.dataSigned());
            assertEquals(Hex.encode(Secp256k1.encode(pkp.publicKey())), s.publicKey());
            assertEquals("sig1", s.sigName());
            values.add(new SignatureShare(sid, s.shareIndex(), new BigInteger(1, Hex.decode(s.signatureShare())),
                    Secp256k1.decodePoint(Hex.decode(s.bigR()))));
        }
        return SignatureCombiner.combine(pkp.publicKey(), digest, values);
    }

    @Test
    void threeNodesSignWhatThePermittedActionAsksAndEcrecoverGivesThePkpAddress() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            PkpState pkp = mint(net);
            byte[] digest = Eip191.hashMessage("hello from an action");
            byte[] requestId = requestId();
            Map<Integer, Object> results = signAll(net, pkp, requestId, List.of(1, 2, 3),
                    Map.of(1, digest, 2, digest, 3, digest), new SigningCaller(ACTION, null));
            List<SignedShare> shares = results.values().stream().map(SignedShare.class::cast).toList();
            EcdsaSignature sig = combine(pkp, digest, requestId, shares);
            assertTrue(sig.isLowS());
            assertEquals(pkp.ethAddress(), EthAddress.of(sig.recover(digest)), "ecrecover returns the PKP's address");
            assertEquals(pkp.ethAddress(), Eip191.recoverAddress("hello from an action".getBytes(StandardCharsets.UTF_8), sig));
        }
    }

    @Test
    void signAndCombineGivesEveryParticipantTheSameValidSignature() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            PkpState pkp = mint(net);
            byte[] digest = Eip191.hashMessage("combine me");
            byte[] requestId = requestId();
            List<CompletableFuture<EcdsaSignature>> sigs = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                SigningRequest r = new SigningRequest(requestId, pkp.tokenId(), "sig1", digest, List.of(1, 2, 3));
                int node = i;
                sigs.add(CompletableFuture.supplyAsync(() -> signer(net.node(node))
                        .signAndCombine(r, new SigningCaller(null, wallet.address()))));
            }
            EcdsaSignature first = sigs.get(0).get();
            for (CompletableFuture<EcdsaSignature> s : sigs) {
                assertEquals(first, s.get());
            }
            assertTrue(first.verify(pkp.publicKey(), digest));
        }
    }

    @Test
    void fourNodesWithOneDownStillSignWithTheOtherThree() throws Exception {
        try (TestNetwork net = TestNetwork.start(4, dir, "10s")) {
            PkpState pkp = mint(net);
            net.net.down(4);
            byte[] digest = Eip191.hashMessage("node 4 is down");
            byte[] requestId = requestId();
            Map<Integer, Object> results = signAll(net, pkp, requestId, List.of(1, 2, 3),
                    Map.of(1, digest, 2, digest, 3, digest), new SigningCaller(ACTION, null));
            EcdsaSignature sig = combine(pkp, digest, requestId,
                    results.values().stream().map(SignedShare.class::cast).toList());
            assertEquals(pkp.ethAddress(), EthAddress.of(sig.recover(digest)));
        }
    }

    @Test
    void aParticipantThatStatesAnotherDigestMakesEveryNodeAbortAndNoShareIsReleased() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            PkpState pkp = mint(net);
            // record every signing message any node sends
            List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
            for (TestNetwork.TestNode n : net.nodes()) {
                n.transport.hook = m -> {
                    if (m.protocol().equals(SigningProtocol.NAME)) {
                        sent.add(n.index() + "->" + m.to() + " round " + m.round());
                    }
                    return m;
                };
            }
            byte[] honest = Eip191.hashMessage("pay 1 ETH");
            byte[] lie = Eip191.hashMessage("pay 1000 ETH"); // node 3's action got other jsParams
            long started = System.nanoTime();
            Map<Integer, Object> results = signAll(net, pkp, requestId(), List.of(1, 2, 3),
                    Map.of(1, honest, 2, honest, 3, lie), new SigningCaller(ACTION, null));
            assertTrue(System.nanoTime() - started < 5_000_000_000L, "an explicit abort, not a timeout");
            for (int i = 1; i <= 3; i++) {
                Object r = results.get(i);
                assertTrue(r instanceof SigilException, "node " + i + " released nothing: " + r);
                SigilException e = (SigilException) r;
                assertEquals(ProblemType.STATEMENT_MISMATCH, e.type(), e.detail());
                assertEquals(409, e.type().status());
            }
            // the honest nodes name the liar
            assertEquals(3, ((SigilException) results.get(1)).extensions().get("node"));
            assertEquals(3, ((SigilException) results.get(2)).extensions().get("node"));
            assertFalse(sent.isEmpty());
            assertTrue(sent.stream().allMatch(s -> s.endsWith("round 1")),
                    "only round 1 (fresh random shares) ever left a node: " + sent);
        }
    }

    @Test
    void anActionThatIsNotPermittedCannotSignButTheOwnerCan() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            PkpState pkp = mint(net);
            ThresholdSigner signer = signer(net.node(1));
            assertTrue(ThresholdSigner.mayUse(pkp, ACTION, null));
            assertFalse(ThresholdSigner.mayUse(pkp, OTHER_ACTION, TestKeys.wallet().address()));
            assertTrue(ThresholdSigner.mayUse(pkp, OTHER_ACTION, wallet.address()));
            SigningRequest r = new SigningRequest(requestId(), pkp.tokenId(), "sig1", new byte[32], List.of(1, 2, 3));
            SigilException e = assertThrows(SigilException.class,
                    () -> signer.sign(r, new SigningCaller(OTHER_ACTION, null)));
            assertEquals(ProblemType.NOT_PERMITTED, e.type());
            assertEquals(403, e.type().status());
            assertTrue(e.detail().startsWith("the action is not a permitted action of PKP "), e.detail());
        }
    }

    @Test
    void aParticipantThatNeverJoinsIsNamedAfterTheDeadline() throws Exception {
        try (TestNetwork net = TestNetwork.start(3, dir, "2s")) {
            PkpState pkp = mint(net);
            byte[] digest = Eip191.hashMessage("node 3 is not permitted to join");
            SigningRequest r = new SigningRequest(requestId(), pkp.tokenId(), "sig1", digest, List.of(1, 2, 3));
            CompletableFuture<SignedShare> one = CompletableFuture.supplyAsync(
                    () -> signer(net.node(1)).sign(r, new SigningCaller(ACTION, null)));
            CompletableFuture<SignedShare> two = CompletableFuture.supplyAsync(
                    () -> signer(net.node(2)).sign(r, new SigningCaller(ACTION, null)));
            ExecutionException e = assertThrows(ExecutionException.class, one::get);
            SigilException problem = (SigilException) e.getCause();
            assertEquals(ProblemType.PEER_UNAVAILABLE, problem.type());
            assertEquals(List.of(3), problem.extensions().get("missingNodes"));
            assertThrows(ExecutionException.class, two::get);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
