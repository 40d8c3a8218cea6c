package io.sigil.signing.control;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.ecdsa.Round1;
import io.sigil.crypto.ecdsa.Round1Share;
import io.sigil.crypto.ecdsa.Round2;
import io.sigil.crypto.ecdsa.SignatureCombiner;
import io.sigil.crypto.ecdsa.SignatureShare;
import io.sigil.crypto.ecdsa.SigningAbortedException;
import io.sigil.crypto.ecdsa.SigningSession;
import io.sigil.crypto.ecdsa.SigningStatement;
import io.sigil.node.Durations;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.transport.InboundMessage;
import io.sigil.transport.Protocol;
import io.sigil.transport.Session;
import io.sigil.transport.Transport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Threshold ECDSA signing among the 2t+1 participants of a request (THRESHOLD.md "Signing"), as the transport
 * protocol {@code sign}. There is no leader: every participant's action calls signEcdsa and runs the same three
 * rounds; messages from faster participants wait in the mailbox until this node's action gets there.
 * <ol>
 * <li>{@code Round1} (statement + nonce commitments) public, {@code Round1Share} sealed to each participant;</li>
 * <li>{@code Round2} ({@code v_j}), only after every participant's statement {@code (sid, keyId, e, S)} equals
 *     this node's: a participant that states anything else aborts the session here and nothing derived from the key
 *     or the nonce leaves this node;</li>
 * <li>{@code SignatureShare} for the client; optionally (signAndCombine) exchanged as round 3 and combined.</li>
 * </ol>
 */
@ApplicationScoped
public class SigningProtocol implements Protocol {
    public static final String NAME = "sign";
    static final int ROUND1 = 1;
    static final int ROUND2 = 2;
    static final int SHARES = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject NodeConfig config;
    @Inject Transport transport;

    /** How long a participant waits for the others, from its own start. */
    @Inject @ConfigProperty(name = "sigil.signing.timeout", defaultValue = "30s")
    String timeout;

    @Override
    public String name() { return NAME; }

    /**
     * A message of a session this node has not opened yet: keep it until this node's action calls signEcdsa (or the
     * buffer expires). Joining is decided there, by the action's own permission check.
     */
    @Override
    public boolean onFirstMessage(InboundMessage m) {
        return m.round() == ROUND1 || m.round() == SHARES;
    }

    /** Rounds 1-2 and this node's share (round 3 output). {@code key} is destroyed by the caller. */
    public SignatureShare sign(SigningRequest request, KeyShare key) {
        return sign(request, key, null);
    }

    /**
     * As {@link #sign(SigningRequest, KeyShare)}, waiting for the other participants no longer than {@code maxWait}
     * (the running action's time left) nor {@code sigil.signing.timeout}; null means the configured timeout.
     */
    public SignatureShare sign(SigningRequest request, KeyShare key, Duration maxWait) {
        NodeIndex self = config.self();
        if (!request.participants().contains(self.value())) {
            throw SigilException.malformed("participants", "must include this node");
        }
        if (request.participants().size() != config.network().signers()
                || request.participants().get(request.participants().size() - 1) > config.network().n()) {
            throw SigilException.malformed("participants", "must be " + config.network().signers()
                    + " node indices of this network");
        }
        SigningStatement statement = new SigningStatement(
                io.sigil.crypto.ecdsa.SessionId.derive(request.requestId(), request.tokenId().bytes(),
                        request.sigName(), request.digest()),
                request.tokenId().bytes(), request.digest(), request.participants());
        SigningSession session = new SigningSession(key, statement, RANDOM);
        Set<NodeIndex> others = others(request);
        try (Session s = transport.open(NAME, request.transportSession(), waitAtMost(maxWait))) {
            SigningSession.Round1Output out = session.round1();
            Map<NodeIndex, byte[]> dealt = new TreeMap<>();
            try {
                for (NodeIndex peer : others) {
                    dealt.put(peer, out.shares().get(peer.value()).toBytes());
                }
                s.sendEach(ROUND1, out.broadcast().toBytes(), dealt);
            } finally {
                dealt.values().forEach(b -> Arrays.fill(b, (byte) 0));
                others.forEach(peer -> out.shares().get(peer.value()).destroy());
            }
            Map<NodeIndex, InboundMessage> round1 = s.collect(ROUND1, others);
            // Every statement first: a participant that states another (sid, keyId, e, S) aborts the session here,
            // before any dealt share of this session is even looked at.
            for (Map.Entry<NodeIndex, InboundMessage> e : round1.entrySet()) {
                Round1 m = parse(e.getKey(), () -> Round1.fromBytes(e.getValue().payload()));
                checkSender(e.getKey(), m.from());
                receive(e.getKey(), () -> session.receive(m));
            }
            for (Map.Entry<NodeIndex, InboundMessage> e : round1.entrySet()) {
                // kept by the session, which wipes it after round 2 or on abort
                Round1Share m = parse(e.getKey(), () -> Round1Share.fromBytes(e.getValue().secret()));
                checkSender(e.getKey(), m.from());
                receive(e.getKey(), () -> session.receive(m));
            }
            s.broadcast(others, ROUND2, session.round2().toBytes());
            for (Map.Entry<NodeIndex, InboundMessage> e : s.collect(ROUND2, others).entrySet()) {
                Round2 m = parse(e.getKey(), () -> Round2.fromBytes(e.getValue().payload()));
                checkSender(e.getKey(), m.from());
                receive(e.getKey(), () -> session.receive(m));
            }
            return session.round3();
        } catch (SigningAbortedException e) {
            throw aborted(e);
        } finally {
            session.destroy();
        }
    }

    /**
     * As {@link #sign}, then the participants exchange their shares (round 3) and each combines them into the
     * signature, which is checked against the PKP's key before it is returned (signAndCombineEcdsa).
     */
    public EcdsaSignature signAndCombine(SigningRequest request, KeyShare key) {
        return signAndCombine(request, key, null);
    }

    /** As {@link #signAndCombine(SigningRequest, KeyShare)}, both sessions together bounded by {@code maxWait}. */
    public EcdsaSignature signAndCombine(SigningRequest request, KeyShare key, Duration maxWait) {
        Instant deadline = Instant.now().plus(waitAtMost(maxWait));
        SignatureShare own = sign(request, key, maxWait);
        Set<NodeIndex> others = others(request);
        // A second session of the same request: the first one is closed, and its id must not be reopened.
        try (Session s = transport.open(NAME, io.sigil.transport.SessionId.of(io.sigil.crypto.Sha256.hash(
                "sigil/sign-combine/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                request.transportSession().hex().getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
                waitAtMost(Duration.between(Instant.now(), deadline)))) {
            s.broadcast(others, SHARES, own.toBytes());
            List<SignatureShare> shares = new ArrayList<>(List.of(own));
            for (Map.Entry<NodeIndex, InboundMessage> e : s.collect(SHARES, others).entrySet()) {
                SignatureShare m = parse(e.getKey(), () -> SignatureShare.fromBytes(e.getValue().payload()));
                checkSender(e.getKey(), m.index());
                shares.add(m);
            }
            try {
                return SignatureCombiner.combine(key.publicKey(), request.digest(), shares);
            } catch (CryptoException e) {
                throw new SigilException(ProblemType.PROTOCOL_ABORTED,
                        "the combined signature does not verify: a participant sent a bad share");
            }
        }
    }

    /** The configured timeout, or less if the caller has less time (never negative). */
    private Duration waitAtMost(Duration maxWait) {
        Duration configured = Durations.parse(timeout);
        if (maxWait == null) {
            return configured;
        }
        Duration bounded = maxWait.compareTo(configured) < 0 ? maxWait : configured;
        return bounded.isNegative() ? Duration.ZERO : bounded;
    }

    private Set<NodeIndex> others(SigningRequest request) {
        Set<NodeIndex> out = new TreeSet<>();
        request.participants().forEach(i -> out.add(NodeIndex.of(i)));
        out.remove(config.self());
        return out;
    }

    private static void checkSender(NodeIndex from, int claimed) {
        if (claimed != from.value()) {
            throw culprit(from, "sent a signing message in another node's name");
        }
    }

    private static <T> T parse(NodeIndex from, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw culprit(from, "sent a malformed signing message");
        }
    }

    private static void receive(NodeIndex from, Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException misrouted) {
            throw culprit(from, "sent a signing message that belongs to another session");
        }
    }

    private static SigilException aborted(SigningAbortedException e) {
        if (e.reason() == SigningAbortedException.Reason.STATEMENT_MISMATCH) {
            return new SigilException(ProblemType.STATEMENT_MISMATCH, "node " + e.culprit()
                    + " stated another message, key or participant set to sign; nothing was released",
                    Map.of("node", e.culprit()));
        }
        return e.culprit() > 0 ? culprit(NodeIndex.of(e.culprit()), e.getMessage())
                : new SigilException(ProblemType.PROTOCOL_ABORTED, e.getMessage());
    }

    private static SigilException culprit(NodeIndex node, String what) {
        return new SigilException(ProblemType.PROTOCOL_ABORTED, "node " + node + " " + what,
                Map.of("node", node.value()));
    }
}
