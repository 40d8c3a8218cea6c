package io.sigil.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.Hex;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.node.NodeIndex;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbound checks of THRESHOLD.md's last invariant: unsigned, mis-signed, replayed, stale, foreign: refused. */
class TransportTest {
    @TempDir
    Path dir;

    InMemoryNetwork net;
    final List<InboundMessage> received = new ArrayList<>();

    @BeforeEach
    void start() {
        net = InMemoryNetwork.start(3, dir, t -> List.of(new Recorder()));
    }

    @AfterEach
    void stop() {
        net.close();
    }

    /** Records every first message and declines to join, like the ping protocol. */
    final class Recorder implements Protocol {
        @Override public String name() { return "test"; }
        @Override public boolean onFirstMessage(InboundMessage m) {
            received.add(m);
            return false;
        }
    }

    Envelope from2to1(byte[] payload, byte[] secret) {
        return net.node(2).transport.seal("test", SessionId.random(), 1, NodeIndex.of(1), payload, secret);
    }

    ProblemType refusal(Envelope e) {
        return assertThrows(SigilException.class, () -> net.node(1).transport.receive(e)).type();
    }

    @Test
    void authenticMessageIsDelivered() {
        net.node(1).transport.receive(from2to1("hello".getBytes(StandardCharsets.UTF_8), null));
        assertEquals(1, received.size());
        assertEquals(NodeIndex.of(2), received.get(0).from());
        assertEquals("hello", new String(received.get(0).payload(), StandardCharsets.UTF_8));
        assertNull(received.get(0).secret());
    }

    @Test
    void secretIsSealedToTheRecipientAndOpened() {
        byte[] secret = "a share".getBytes(StandardCharsets.UTF_8);
        Envelope e = from2to1(new byte[0], secret);
        assertTrue(!new String(Base64.getDecoder().decode(e.sealed()), StandardCharsets.ISO_8859_1).contains("a share"));
        net.node(1).transport.receive(e);
        assertArrayEquals(secret, received.get(0).secret());
        assertTrue(received.get(0).toString().contains("<redacted>"));
    }

    @Test
    void unsignedMessageIsRefused() {
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(from2to1(new byte[0], null).withSignature(null)));
        assertTrue(received.isEmpty());
    }

    @Test
    void messageSignedByAnotherKeyIsRefused() {
        Envelope genuine = from2to1(new byte[0], null);
        IdentityKey impostor = IdentityKey.generate(new SecureRandom());
        Envelope forged = genuine.withSignature(impostor.sign(EnvelopeCodec.signingDigest(genuine)).toHex());
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(forged));
        assertTrue(received.isEmpty());
    }

    @Test
    void messageSignedByAnotherMemberClaimingToBeThirdIsRefused() {
        Envelope real = from2to1(new byte[0], null);
        Envelope claimsNode3 = copy(real, e -> new Envelope(e.v(), e.protocol(), e.sessionId(), e.round(), 3, e.to(),
                e.timestamp(), e.nonce(), e.payload(), e.boxes(), e.sealed(), e.signature()));
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(claimsNode3));
    }

    @Test
    void garbageSignatureIsRefused() {
        Envelope e = from2to1(new byte[0], null).withSignature("0x" + "ab".repeat(65));
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(e));
    }

    @Test
    void tamperedPayloadIsRefused() {
        Envelope e = from2to1("pay 1".getBytes(StandardCharsets.UTF_8), null);
        Envelope tampered = copy(e, x -> new Envelope(x.v(), x.protocol(), x.sessionId(), x.round(), x.from(), x.to(),
                x.timestamp(), x.nonce(), Base64.getEncoder().encodeToString("pay 9".getBytes(StandardCharsets.UTF_8)),
                x.boxes(), x.sealed(), x.signature()));
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(tampered));
    }

    @Test
    void secondCopyOfADeliveredMessageIsAcceptedButNotDeliveredAgain() {
        Envelope e = from2to1(new byte[0], null);
        net.node(1).transport.receive(e);
        net.node(1).transport.receive(e); // the sender's retry after a lost answer
        assertEquals(1, received.size());
    }

    @Test
    void nonceReusedForOtherContentIsRefused() {
        Envelope first = from2to1("one".getBytes(StandardCharsets.UTF_8), null);
        net.node(1).transport.receive(first);
        Envelope other = new Envelope(first.v(), first.protocol(), first.sessionId(), first.round(), 2, List.of(1),
                first.timestamp(), first.nonce(), Base64.getEncoder().encodeToString("two".getBytes(StandardCharsets.UTF_8)),
                null, null, null);
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(other.withSignature(signAs(2, other))));
        assertEquals(1, received.size());
    }

    @Test
    void aBroadcastIsSignedOnceAndEachRecipientOpensOnlyItsOwnSecret() {
        Map<NodeIndex, byte[]> secrets = new LinkedHashMap<>();
        secrets.put(NodeIndex.of(3), "for three".getBytes(StandardCharsets.UTF_8));
        secrets.put(NodeIndex.of(1), "for one".getBytes(StandardCharsets.UTF_8));
        Map<NodeIndex, Envelope> copies = net.node(2).transport.broadcast("test", SessionId.random(), 1,
                "public".getBytes(StandardCharsets.UTF_8), secrets);
        Envelope to1 = copies.get(NodeIndex.of(1));
        Envelope to3 = copies.get(NodeIndex.of(3));
        assertEquals(List.of(1, 3), to1.to());
        assertEquals(to1.signature(), to3.signature(), "one signature for the whole broadcast");
        assertEquals(List.of(EnvelopeCodec.boxDigest(to1.sealed()), EnvelopeCodec.boxDigest(to3.sealed())), to1.boxes());

        net.node(1).transport.receive(to1);
        assertArrayEquals("for one".getBytes(StandardCharsets.UTF_8), received.get(0).secret());
        net.node(3).transport.receive(to3);
        assertArrayEquals("for three".getBytes(StandardCharsets.UTF_8), received.get(1).secret());
    }

    @Test
    void anotherRecipientsCopyIsRefused() {
        Map<NodeIndex, byte[]> secrets = new LinkedHashMap<>();
        secrets.put(NodeIndex.of(1), "for one".getBytes(StandardCharsets.UTF_8));
        secrets.put(NodeIndex.of(3), "for three".getBytes(StandardCharsets.UTF_8));
        Map<NodeIndex, Envelope> copies = net.node(2).transport.broadcast("test", SessionId.random(), 1, new byte[0],
                secrets);
        // node 3 forwards its copy to node 1, which must not take it for its own (nor burn the nonce)
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(copies.get(NodeIndex.of(3))));
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE,
                refusal(copies.get(NodeIndex.of(1)).withSealed(copies.get(NodeIndex.of(3)).sealed())));
        assertTrue(received.isEmpty());
        net.node(1).transport.receive(copies.get(NodeIndex.of(1)));
        assertArrayEquals("for one".getBytes(StandardCharsets.UTF_8), received.get(0).secret());
    }

    @Test
    void aPublicBroadcastIsTheSameMessageForEveryRecipient() {
        Map<NodeIndex, byte[]> none = new LinkedHashMap<>();
        none.put(NodeIndex.of(1), null);
        none.put(NodeIndex.of(3), null);
        Map<NodeIndex, Envelope> copies = net.node(2).transport.broadcast("test", SessionId.random(), 1, new byte[] {7},
                none);
        assertNull(copies.get(NodeIndex.of(1)).boxes());
        assertEquals(copies.get(NodeIndex.of(1)), copies.get(NodeIndex.of(3)));
        // a copy node 3 forwards first is the message node 2 sent node 1, and node 2's own copy is then a duplicate
        net.node(1).transport.receive(copies.get(NodeIndex.of(3)));
        net.node(1).transport.receive(copies.get(NodeIndex.of(1)));
        assertEquals(1, received.size());
    }

    @Test
    void staleMessageIsRefused() {
        Envelope fresh = from2to1(new byte[0], null);
        Envelope old = new Envelope(fresh.v(), "test", fresh.sessionId(), 1, 2, List.of(1),
                System.currentTimeMillis() - 60_000, fresh.nonce(), fresh.payload(), null, null, null);
        Envelope signedOld = old.withSignature(signAs(2, old));
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(signedOld));
    }

    @Test
    void messageForAnotherNodeIsRefused() {
        Envelope to3 = net.node(2).transport.seal("test", SessionId.random(), 1, NodeIndex.of(3), new byte[0], null);
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(to3));
    }

    @Test
    void nonMemberIsRefusedWith403() {
        Envelope e = from2to1(new byte[0], null);
        Envelope stranger = copy(e, x -> new Envelope(x.v(), x.protocol(), x.sessionId(), x.round(), 7, x.to(),
                x.timestamp(), x.nonce(), x.payload(), x.boxes(), x.sealed(), x.signature()));
        assertEquals(ProblemType.NOT_A_MEMBER, refusal(stranger));
        Envelope self = copy(e, x -> new Envelope(x.v(), x.protocol(), x.sessionId(), x.round(), 1, x.to(),
                x.timestamp(), x.nonce(), x.payload(), x.boxes(), x.sealed(), x.signature()));
        assertEquals(ProblemType.NOT_A_MEMBER, refusal(self));
    }

    @Test
    void sealedPayloadMovedToAnotherMessageDoesNotOpen() {
        Envelope carrier = from2to1(new byte[0], "secret".getBytes(StandardCharsets.UTF_8));
        Envelope other = from2to1(new byte[0], null);
        Envelope moved = new Envelope(other.v(), "test", other.sessionId(), 1, 2, List.of(1), other.timestamp(),
                other.nonce(), other.payload(), List.of(EnvelopeCodec.boxDigest(carrier.sealed())), carrier.sealed(), null);
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(moved.withSignature(signAs(2, moved))));
        assertTrue(received.isEmpty());
    }

    @Test
    void malformedFieldsAreNamed() {
        Envelope e = from2to1(new byte[0], null);
        assertField("protocol", with(e, "protocol", "NOT valid"));
        assertField("sessionId", with(e, "sessionId", "xyz"));
        assertField("nonce", with(e, "nonce", "00"));
        assertField("payload", with(e, "payload", "***"));
        assertField("v", with(e, "v", 1));
        assertField("round", with(e, "round", -1));
        assertField("signature", with(e, "signature", "0x12"));
        assertField("to", with(e, "to", List.of()));
        assertField("to", with(e, "to", List.of(3, 1)));
        assertField("to", with(e, "to", List.of(1, 1)));
        assertField("boxes", with(e, "boxes", List.of("", "")));
        assertField("boxes", with(e, "boxes", List.of("not a digest")));
    }

    /** {@code e} with one field replaced (by record component name). */
    private static Envelope with(Envelope e, String field, Object value) {
        Object v = field.equals("v") ? value : e.v();
        return new Envelope((int) v, field.equals("protocol") ? (String) value : e.protocol(),
                field.equals("sessionId") ? (String) value : e.sessionId(), field.equals("round") ? (int) value : e.round(),
                e.from(), field.equals("to") ? cast(value) : e.to(), e.timestamp(),
                field.equals("nonce") ? (String) value : e.nonce(), field.equals("payload") ? (String) value : e.payload(),
                field.equals("boxes") ? cast(value) : e.boxes(), e.sealed(),
                field.equals("signature") ? (String) value : e.signature());
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list) {
        return (List<T>) list;
    }

    @Test
    void unknownProtocolIsRefused() {
        Envelope e = net.node(2).transport.seal("nope", SessionId.random(), 1, NodeIndex.of(1), new byte[0], null);
        assertEquals(ProblemType.MALFORMED_REQUEST, refusal(e));
    }

    private void assertField(String field, Envelope e) {
        SigilException ex = assertThrows(SigilException.class, () -> net.node(1).transport.receive(e));
        assertEquals(ProblemType.MALFORMED_REQUEST, ex.type());
        assertEquals(field, ex.extensions().get("field"));
    }

    private String signAs(int node, Envelope e) {
        return net.node(node).identity.sign(EnvelopeCodec.signingDigest(e)).toHex();
    }

    private static Envelope copy(Envelope e, UnaryOperator<Envelope> change) {
        return change.apply(e);
    }

    @Test
    void signatureCoversEveryFieldButTheSealedCopy() {
        Envelope e = from2to1(new byte[] {1}, "secret".getBytes(StandardCharsets.UTF_8));
        byte[] base = EnvelopeCodec.signingDigest(e);
        List<Envelope> variants = List.of(
                with(e, "v", 3), with(e, "protocol", "test2"), with(e, "sessionId", SessionId.random().hex()),
                with(e, "round", e.round() + 1), with(e, "to", List.of(3)), with(e, "to", List.of(1, 3)),
                with(e, "nonce", Hex.encodeBare(new byte[16])), with(e, "payload", ""),
                with(e, "boxes", List.of("")), with(e, "boxes", null),
                new Envelope(e.v(), e.protocol(), e.sessionId(), e.round(), 3, e.to(), e.timestamp(), e.nonce(),
                        e.payload(), e.boxes(), e.sealed(), null),
                new Envelope(e.v(), e.protocol(), e.sessionId(), e.round(), e.from(), e.to(), e.timestamp() + 1,
                        e.nonce(), e.payload(), e.boxes(), e.sealed(), null));
        for (Envelope v : variants) {
            assertTrue(!java.util.Arrays.equals(base, EnvelopeCodec.signingDigest(v)), "digest ignores a field: " + v);
        }
        assertArrayEquals(base, EnvelopeCodec.signingDigest(e.withSealed("AA==")), "sealed is covered by its box digest");
    }
}
