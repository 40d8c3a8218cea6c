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
import java.util.List;
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
                e.timestamp(), e.nonce(), e.payload(), e.sealed(), e.signature()));
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
                x.sealed(), x.signature()));
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(tampered));
    }

    @Test
    void replayedMessageIsRefused() {
        Envelope e = from2to1(new byte[0], null);
        net.node(1).transport.receive(e);
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(e));
        assertEquals(1, received.size());
    }

    @Test
    void staleMessageIsRefused() {
        Envelope fresh = from2to1(new byte[0], null);
        Envelope old = new Envelope(1, "test", fresh.sessionId(), 1, 2, 1, System.currentTimeMillis() - 60_000,
                fresh.nonce(), fresh.payload(), null, null);
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
                x.timestamp(), x.nonce(), x.payload(), x.sealed(), x.signature()));
        assertEquals(ProblemType.NOT_A_MEMBER, refusal(stranger));
        Envelope self = copy(e, x -> new Envelope(x.v(), x.protocol(), x.sessionId(), x.round(), 1, x.to(),
                x.timestamp(), x.nonce(), x.payload(), x.sealed(), x.signature()));
        assertEquals(ProblemType.NOT_A_MEMBER, refusal(self));
    }

    @Test
    void sealedPayloadMovedToAnotherMessageDoesNotOpen() {
        Envelope carrier = from2to1(new byte[0], "secret".getBytes(StandardCharsets.UTF_8));
        Envelope other = from2to1(new byte[0], null);
        Envelope moved = new Envelope(1, "test", other.sessionId(), 1, 2, 1, other.timestamp(), other.nonce(),
                other.payload(), carrier.sealed(), null);
        assertEquals(ProblemType.UNAUTHENTICATED_MESSAGE, refusal(moved.withSignature(signAs(2, moved))));
        assertTrue(received.isEmpty());
    }

    @Test
    void malformedFieldsAreNamed() {
        Envelope e = from2to1(new byte[0], null);
        assertField("protocol", copy(e, x -> new Envelope(1, "NOT valid", x.sessionId(), 1, 2, 1, x.timestamp(), x.nonce(), x.payload(), null, x.signature())));
        assertField("sessionId", copy(e, x -> new Envelope(1, "test", "xyz", 1, 2, 1, x.timestamp(), x.nonce(), x.payload(), null, x.signature())));
        assertField("nonce", copy(e, x -> new Envelope(1, "test", x.sessionId(), 1, 2, 1, x.timestamp(), "00", x.payload(), null, x.signature())));
        assertField("payload", copy(e, x -> new Envelope(1, "test", x.sessionId(), 1, 2, 1, x.timestamp(), x.nonce(), "***", null, x.signature())));
        assertField("v", copy(e, x -> new Envelope(2, "test", x.sessionId(), 1, 2, 1, x.timestamp(), x.nonce(), x.payload(), null, x.signature())));
        assertField("round", copy(e, x -> new Envelope(1, "test", x.sessionId(), -1, 2, 1, x.timestamp(), x.nonce(), x.payload(), null, x.signature())));
        assertField("signature", copy(e, x -> new Envelope(1, "test", x.sessionId(), 1, 2, 1, x.timestamp(), x.nonce(), x.payload(), null, "0x12")));
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
    void signatureCoversEveryField() {
        Envelope e = from2to1(new byte[] {1}, null);
        byte[] base = EnvelopeCodec.signingDigest(e);
        List<Envelope> variants = List.of(
                new Envelope(1, "test2", e.sessionId(), e.round(), e.from(), e.to(), e.timestamp(), e.nonce(), e.payload(), e.sealed(), null),
                new Envelope(1, e.protocol(), SessionId.random().hex(), e.round(), e.from(), e.to(), e.timestamp(), e.nonce(), e.payload(), e.sealed(), null),
                new Envelope(1, e.protocol(), e.sessionId(), e.round() + 1, e.from(), e.to(), e.timestamp(), e.nonce(), e.payload(), e.sealed(), null),
                new Envelope(1, e.protocol(), e.sessionId(), e.round(), 3, e.to(), e.timestamp(), e.nonce(), e.payload(), e.sealed(), null),
                new Envelope(1, e.protocol(), e.sessionId(), e.round(), e.from(), 3, e.timestamp(), e.nonce(), e.payload(), e.sealed(), null),
                new Envelope(1, e.protocol(), e.sessionId(), e.round(), e.from(), e.to(), e.timestamp() + 1, e.nonce(), e.payload(), e.sealed(), null),
                new Envelope(1, e.protocol(), e.sessionId(), e.round(), e.from(), e.to(), e.timestamp(), Hex.encodeBare(new byte[16]), e.payload(), e.sealed(), null),
                new Envelope(1, e.protocol(), e.sessionId(), e.round(), e.from(), e.to(), e.timestamp(), e.nonce(), "", e.sealed(), null),
                new Envelope(1, e.protocol(), e.sessionId(), e.round(), e.from(), e.to(), e.timestamp(), e.nonce(), e.payload(), "AA==", null));
        for (Envelope v : variants) {
            assertTrue(!java.util.Arrays.equals(base, EnvelopeCodec.signingDigest(v)), "digest ignores a field: " + v);
        }
    }
}
