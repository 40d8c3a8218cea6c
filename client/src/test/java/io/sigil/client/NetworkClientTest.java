package io.sigil.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.CombinedSignature;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Keccak256;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.eth.EthAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.Test;

/** The client combines and verifies signatures itself and routes around nodes that fail or lie. */
class NetworkClientTest {
    static final Map<String, Object> PARAMS = Map.of("message", "hello");
    static final byte[] DIGEST = Keccak256.hash("hello".getBytes(StandardCharsets.UTF_8));

    NetworkExecuteResponse execute(FakeNetwork net) {
        try (NetworkClient client = new NetworkClient(URI.create(net.url(1)), Duration.ofSeconds(10))) {
            return client.execute("code", null, PARAMS, null);
        }
    }

    void assertValid(FakeNetwork net, CombinedSignature sig) {
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(net.keys.get(0).publicKey(), Secp256k1.DOMAIN));
        EcdsaSignature parsed = EcdsaSignature.fromHex(sig.signature());
        assertTrue(verifier.verifySignature(DIGEST, parsed.r(), parsed.s()), "a standard verifier accepts it");
        assertEquals(EthAddress.of(net.keys.get(0).publicKey()).toString(), EthAddress.of(parsed.recover(DIGEST)).toString());
        assertEquals(sig.ethAddress(), EthAddress.of(parsed.recover(DIGEST)).toString());
        assertEquals(27 + sig.recid(), parsed.toBytes()[64]);
    }

    @Test
    void combinesAndVerifiesThreeShares() throws Exception {
        try (FakeNetwork net = new FakeNetwork(3, 1)) {
            NetworkExecuteResponse r = execute(net);
            assertEquals("signed", r.response());
            assertValid(net, r.signatures().get("sig"));
            assertEquals(3, r.nodes().size());
            assertTrue(r.nodes().stream().allMatch(NetworkExecuteResponse.NodeOutcome::success));
        }
    }

    @Test
    void aLyingNodeIsRoutedAround() throws Exception {
        try (FakeNetwork net = new FakeNetwork(4, 1)) {
            net.liars.add(2);
            NetworkExecuteResponse r = execute(net);
            assertValid(net, r.signatures().get("sig"));
            List<Integer> used = net.participantSets.get(net.participantSets.size() - 1);
            assertTrue(!used.contains(2), "the set that worked leaves the liar out: " + used);
        }
    }

    @Test
    void aDownNodeIsReplaced() throws Exception {
        try (FakeNetwork net = new FakeNetwork(4, 1)) {
            net.down.add(1);
            NetworkExecuteResponse r = execute(net);
            assertValid(net, r.signatures().get("sig"));
            assertEquals(List.of(List.of(1, 2, 3), List.of(2, 3, 4)), net.participantSets,
                    "one retry, without the node that failed");
        }
    }

    @Test
    void withNoSpareNodeALiarMeansNoSignature() throws Exception {
        try (FakeNetwork net = new FakeNetwork(3, 1)) {
            net.liars.add(3);
            SigilClientException e = assertThrows(SigilClientException.class, () -> execute(net));
            assertTrue(e.getMessage().contains("do not combine"), e.getMessage());
        }
    }

    @Test
    void aStoppedNodeIsReplacedThoughTheOthersFailedWaitingForIt() throws Exception {
        try (FakeNetwork net = new FakeNetwork(4, 1)) {
            net.stop(2);
            NetworkExecuteResponse r = execute(net);
            assertValid(net, r.signatures().get("sig"));
            assertEquals(List.of(List.of(1, 2, 3), List.of(1, 3, 4)), net.participantSets,
                    "only the node that did not answer is left out, not the ones that waited for it");
        }
    }

    @Test
    void aNodeAnsweringGarbageIsRoutedAround() throws Exception {
        try (FakeNetwork net = new FakeNetwork(4, 1)) {
            net.garbled.add(3);
            NetworkExecuteResponse r = execute(net);
            assertValid(net, r.signatures().get("sig"));
            assertEquals(List.of(List.of(1, 2, 3), List.of(1, 2, 4)), net.participantSets);
        }
    }

    @Test
    void theActionsOwnFailureIsPassedOnWithoutRetry() throws Exception {
        try (FakeNetwork net = new FakeNetwork(4, 1)) {
            net.actionFails = true;
            SigilClientException e = assertThrows(SigilClientException.class, () -> execute(net));
            assertEquals(422, e.status());
            assertEquals("https://sigil.dev/problems/action/script-error", e.type());
            assertEquals("trying", e.problem().get("logs"));
            assertTrue(e.getMessage().contains("Error: no"), e.getMessage());
            assertEquals(1, net.participantSets.size(), "not retried");
        }
    }

    @Test
    void participantsThatDisagreeAre502AndNotRetried() throws Exception {
        try (FakeNetwork net = new FakeNetwork(4, 1)) {
            net.contrarians.add(2);
            SigilClientException e = assertThrows(SigilClientException.class, () -> execute(net));
            assertEquals(502, e.status());
            assertEquals("https://sigil.dev/problems/participants-disagree", e.type());
            assertEquals(1, net.participantSets.size(), "not retried");
        }
    }

    @Test
    void nextSetSkipsTriedSetsAndFailedNodes() {
        List<Integer> nodes = List.of(1, 2, 3, 4);
        assertEquals(List.of(1, 2, 3), NetworkClient.nextSet(nodes, 3, Set.of(), Set.of()));
        assertEquals(List.of(1, 2, 4), NetworkClient.nextSet(nodes, 3, Set.of(), Set.of(Set.of(1, 2, 3))));
        assertEquals(List.of(2, 3, 4), NetworkClient.nextSet(nodes, 3, Set.of(1), Set.of()));
        assertEquals(null, NetworkClient.nextSet(nodes, 3, Set.of(1, 2), Set.of()));
    }
}
