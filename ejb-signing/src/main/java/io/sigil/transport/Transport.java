package io.sigil.transport;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIdentity;
import io.sigil.node.NodeIndex;
import io.sigil.peer.PeerClient;
import io.sigil.peer.PeerDirectory;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Sends and receives node-to-node envelopes. Outgoing: sign with the identity key, seal secrets to the
 * recipient, deliver through {@link PeerClient}. Incoming ({@link #receive}): refuse anything malformed (400),
 * from a non-member (403), stale, misaddressed, mis-signed, replayed or unopenable (401), and only then hand it
 * to the {@link Mailbox}. Nothing is changed by a refused envelope.
 */
@ApplicationScoped
public class Transport {
    private static final Logger LOG = Logger.getLogger(Transport.class.getName());
    /** Envelopes whose timestamp differs from this node's clock by more than this are stale. */
    static final long FRESHNESS_MS = 30_000;
    private static final Pattern PROTOCOL = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SIGNATURE = Pattern.compile("0x[0-9a-f]{130}");
    private static final Pattern BOX = Pattern.compile("[0-9a-f]{64}");
    /** The envelope format this node speaks. */
    static final int VERSION = 2;
    /** More recipients than any network has members is malformed. */
    static final int MAX_RECIPIENTS = 1000;
    private static final int MAX_ROUND = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject NodeConfig config;
    @Inject NodeIdentity identity;
    @Inject PeerDirectory directory;
    @Inject PeerClient client;
    @Inject Mailbox mailbox;

    private volatile NodeIdentity.Keyring keyring;
    private final ReplayGuard replays = new ReplayGuard(FRESHNESS_MS);
    /** Envelopes stamped before this process started cannot belong to any of its sessions. */
    private final long startedAt = ManagementFactory.getRuntimeMXBean().getStartTime();

    /** Opens a session of {@code protocol}; messages for it are collected until {@code timeout} from now. */
    public Session open(String protocol, SessionId id, Duration timeout) {
        if (!mailbox.knows(protocol)) {
            throw new IllegalArgumentException("no protocol named " + protocol);
        }
        Instant deadline = Instant.now().plus(timeout);
        return new Session(this, id, protocol, mailbox.open(id, protocol, deadline), deadline);
    }

    void close(Session session) { mailbox.close(session.id()); }

    /** The identity key's operations, taken once from {@link NodeIdentity} so each envelope skips its EJB proxy. */
    private NodeIdentity.Keyring keyring() {
        NodeIdentity.Keyring k = keyring;
        if (k == null) {
            k = identity.keyring();
            keyring = k;
        }
        return k;
    }

    void send(Session session, NodeIndex to, int round, byte[] payload, byte[] secret) {
        Map<NodeIndex, byte[]> one = new HashMap<>(2);
        one.put(to, secret);
        sendEach(session, round, payload, one);
    }

    /**
     * Sends {@code payload} to every node of {@code secrets} with its own secret (or none): one signed broadcast, its
     * copies all in flight at once; this node's own copy is delivered locally.
     */
    void sendEach(Session session, int round, byte[] payload, Map<NodeIndex, byte[]> secrets) {
        NodeIndex self = config.self();
        Map<NodeIndex, byte[]> peers = new TreeMap<>();
        secrets.forEach((node, secret) -> {
            if (node.equals(self)) {
                session.deliverLocally(new InboundMessage(self, session.protocol(), session.id(), round,
                        payload.clone(), secret == null ? null : secret.clone()));
            } else {
                peers.put(node, secret);
            }
        });
        if (peers.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> sends = new ArrayList<>(peers.size());
        broadcast(session.protocol(), session.id(), round, payload, peers)
                .forEach((peer, copy) -> sends.add(client.deliverAsync(peer, copy)));
        await(sends);
    }

    /** Waits for every send; the first failure (a {@link PeerUnavailableException} names its peer) is thrown. */
    private static void await(List<CompletableFuture<Void>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Builds and signs an envelope to one node; public for protocols that address a node outside any session (ping). */
    public Envelope seal(String protocol, SessionId sessionId, int round, NodeIndex to, byte[] payload, byte[] secret) {
        Map<NodeIndex, byte[]> one = new HashMap<>(2);
        one.put(to, secret);
        return broadcast(protocol, sessionId, round, payload, one).get(to);
    }

    /**
     * Builds one broadcast to the nodes of {@code secrets} (never this node), each with its own secret sealed to it or
     * none, and signs it once: the copy for each recipient, in index order.
     */
    Map<NodeIndex, Envelope> broadcast(String protocol, SessionId sessionId, int round, byte[] payload,
                                       Map<NodeIndex, byte[]> secrets) {
        SortedMap<NodeIndex, byte[]> byIndex = new TreeMap<>(secrets);
        List<Integer> to = byIndex.keySet().stream().map(NodeIndex::value).toList();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Envelope header = new Envelope(VERSION, protocol, sessionId.hex(), round, config.self().value(), to,
                System.currentTimeMillis(), Hex.encodeBare(nonce), Base64.getEncoder().encodeToString(payload),
                null, null, null);
        Map<NodeIndex, String> sealed = new LinkedHashMap<>();
        List<String> boxes = new ArrayList<>(to.size());
        byIndex.forEach((peer, secret) -> {
            String box = secret == null ? null : Base64.getEncoder().encodeToString(keyring().sealTo(
                    directory.identityKey(peer), secret, EnvelopeCodec.sealingAad(header, peer.value()), RANDOM));
            sealed.put(peer, box);
            boxes.add(EnvelopeCodec.boxDigest(box));
        });
        Envelope unsigned = sealed.values().stream().allMatch(Objects::isNull) ? header
                : new Envelope(VERSION, protocol, header.sessionId(), round, header.from(), to, header.timestamp(),
                        header.nonce(), header.payload(), List.copyOf(boxes), null, null);
        Envelope signed = unsigned.withSignature(keyring().sign(EnvelopeCodec.signingDigest(unsigned)).toHex());
        Map<NodeIndex, Envelope> copies = new LinkedHashMap<>();
        sealed.forEach((peer, box) -> copies.put(peer, signed.withSealed(box)));
        return copies;
    }

    /**
     * Checks an incoming envelope and delivers it; throws a {@link SigilException} saying why it was refused. A second
     * copy of an envelope already delivered (a sender's retry after a lost answer) is accepted and dropped.
     */
    public void receive(Envelope e) {
        checkShape(e);
        NodeIndex self = config.self();
        if (!config.network().isMember(e.from()) || e.from() == self.value()) {
            throw new SigilException(ProblemType.NOT_A_MEMBER, "the sender is not a member of this network");
        }
        NodeIndex from = NodeIndex.of(e.from());
        int position = e.to().indexOf(self.value());
        if (position < 0) {
            throw unauthentic("the message is addressed to other nodes");
        }
        long now = System.currentTimeMillis();
        if (Math.abs(now - e.timestamp()) > FRESHNESS_MS || e.timestamp() < startedAt) {
            throw unauthentic("the message is stale");
        }
        // Only a pinned key is used: learning keys is the PeerMonitor's job (it reads them from the configured URLs),
        // so a stranger's request never makes this node call out. A peer's first message may arrive a moment before
        // its key is pinned; it is refused, and the sender's retry or next round succeeds.
        ECPoint senderKey = directory.pinnedKey(from).orElseThrow(
                () -> unauthentic("the sender's identity key is not known to this node yet"));
        byte[] digest = EnvelopeCodec.signingDigest(e);
        if (!verifies(e, senderKey, digest)) {
            LOG.warning(() -> "refused a message claiming to be from node " + from
                    + ": its signature does not verify against the node's pinned identity key");
            directory.suspectKeyChange(from);
            throw unauthentic("the signature does not verify against the sender's identity key");
        }
        // the signature covers this node's private payload through its digest: another recipient's copy fails here
        String expectedBox = e.boxes() == null ? "" : e.boxes().get(position);
        if (!expectedBox.equals(EnvelopeCodec.boxDigest(e.sealed()))) {
            throw unauthentic("the private payload is not the one the sender signed for this node");
        }
        switch (replays.check(e.from(), e.nonce(), digest, now)) {
            case DUPLICATE -> {
                return;
            }
            case REUSED -> throw unauthentic("the message reuses the nonce of another message");
            case FIRST -> { }
        }
        try {
            byte[] secret = null;
            if (e.sealed() != null) {
                try {
                    secret = keyring().openFrom(senderKey, Base64.getDecoder().decode(e.sealed()),
                            EnvelopeCodec.sealingAad(e, self.value()));
                } catch (CryptoException ex) {
                    throw unauthentic("the sealed payload does not open with this node's identity key");
                }
            }
            mailbox.deliver(new InboundMessage(from, e.protocol(), new SessionId(e.sessionId()), e.round(),
                    Base64.getDecoder().decode(e.payload()), secret));
        } catch (RuntimeException notDelivered) {
            replays.forget(e.from(), e.nonce());
            throw notDelivered;
        }
    }

    private static void checkShape(Envelope e) {
        if (e == null) {
            throw SigilException.malformed("body", "an envelope is required");
        }
        if (e.v() != VERSION) {
            throw SigilException.malformed("v", "must be " + VERSION);
        }
        if (e.protocol() == null || !PROTOCOL.matcher(e.protocol()).matches()) {
            throw SigilException.malformed("protocol", "must be 1-32 lowercase letters, digits or dashes");
        }
        if (!SessionId.isValid(e.sessionId())) {
            throw SigilException.malformed("sessionId", "must be 64 lowercase hex digits");
        }
        if (e.round() < 0 || e.round() > MAX_ROUND) {
            throw SigilException.malformed("round", "must be in 0.." + MAX_ROUND);
        }
        if (e.to() == null || e.to().isEmpty() || e.to().size() > MAX_RECIPIENTS || !ascending(e.to())) {
            throw SigilException.malformed("to", "must be 1 to " + MAX_RECIPIENTS + " node indices, ascending");
        }
        if (e.nonce() == null || !NONCE.matcher(e.nonce()).matches()) {
            throw SigilException.malformed("nonce", "must be 32 lowercase hex digits");
        }
        if (e.payload() == null || !isBase64(e.payload())) {
            throw SigilException.malformed("payload", "must be base64");
        }
        if (e.boxes() != null && (e.boxes().size() != e.to().size()
                || !e.boxes().stream().allMatch(b -> b != null && (b.isEmpty() || BOX.matcher(b).matches())))) {
            throw SigilException.malformed("boxes", "must hold one SHA-256 (64 lowercase hex digits) or empty text"
                    + " per recipient");
        }
        if (e.sealed() != null && !isBase64(e.sealed())) {
            throw SigilException.malformed("sealed", "must be base64");
        }
        if (e.signature() == null) {
            throw new SigilException(ProblemType.UNAUTHENTICATED_MESSAGE, "the message is not signed");
        }
        if (!SIGNATURE.matcher(e.signature()).matches()) {
            throw SigilException.malformed("signature", "must be a 65-byte 0x hex signature");
        }
    }

    private static boolean ascending(List<Integer> indices) {
        int last = 0;
        for (Integer i : indices) {
            if (i == null || i <= last) {
                return false;
            }
            last = i;
        }
        return true;
    }

    private static boolean verifies(Envelope e, ECPoint key, byte[] digest) {
        try {
            return EcdsaSignature.fromHex(e.signature()).verify(key, digest);
        } catch (IllegalArgumentException invalidSignatureEncoding) {
            return false;
        }
    }

    private static boolean isBase64(String s) {
        try {
            Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static SigilException unauthentic(String detail) {
        return new SigilException(ProblemType.UNAUTHENTICATED_MESSAGE, detail);
    }
}
