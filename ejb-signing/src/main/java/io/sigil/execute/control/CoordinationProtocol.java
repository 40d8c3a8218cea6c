package io.sigil.execute.control;

import io.sigil.crypto.Sha256;
import io.sigil.engine.api.HostRefusal;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
import io.sigil.problem.SigilException;
import io.sigil.transport.InboundMessage;
import io.sigil.transport.Protocol;
import io.sigil.transport.Session;
import io.sigil.transport.SessionId;
import io.sigil.transport.SessionTimeoutException;
import io.sigil.transport.Transport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * {@code Lit.Actions.runOnce} and {@code broadcastAndCollect} among the participants of one request, as the
 * transport protocol {@code coord}: one round, one message per sender, nothing secret.
 * <ul>
 * <li>Session id: {@code SHA-256("sigil/coord/v1" || requestId || kind || u32 occurrence || u16 len || name)}; every
 *     participant derives the same one from what its own action asks, so no message has to announce a session.
 *     {@code occurrence} counts calls with the same name within the request (1, 2, ...), so a name may be reused.</li>
 * <li>runOnce: the leader is {@link #leader}, a choice every participant computes alike from the request id and the
 *     name; it runs the function and sends the result to the others, who wait for it within their action's time
 *     left. A leader whose action ends without a result (its function threw, a limit hit) says so, so followers fail
 *     at once instead of at their deadline.</li>
 * <li>broadcastAndCollect: every participant sends its value to every other and waits for all of theirs; the result
 *     is ordered by node index.</li>
 * </ul>
 * Messages that arrive before this node's action gets to the call wait in the mailbox (as signing's do).
 */
@ApplicationScoped
public class CoordinationProtocol implements Protocol {
    public static final String NAME = "coord";
    static final int ROUND = 1;
    /** A runOnce result or broadcast value; far above what actions exchange, far below the envelope cap. */
    public static final int MAX_VALUE_BYTES = 1024 * 1024;
    private static final byte[] DOMAIN = "sigil/coord/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LEADER_DOMAIN = "sigil/run-once-leader/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte HAS_VALUE = 1;
    private static final byte NO_VALUE = 0;
    private static final Logger LOG = Logger.getLogger(CoordinationProtocol.class.getName());

    /** What a session coordinates (part of its id, so a runOnce and a broadcast of the same name never meet). */
    public enum Kind {
        RUN_ONCE(1), BROADCAST(2);

        final byte code;

        Kind(int code) { this.code = (byte) code; }
    }

    @Inject NodeConfig config;
    @Inject Transport transport;

    public CoordinationProtocol() { }

    /** For tests outside a container. */
    public CoordinationProtocol(NodeConfig config, Transport transport) {
        this.config = config;
        this.transport = transport;
    }

    @Override
    public String name() { return NAME; }

    /** Keep the message until this node's action reaches the same call (or the buffer expires). */
    @Override
    public boolean onFirstMessage(InboundMessage message) {
        return message.round() == ROUND;
    }

    /** The session of the {@code occurrence}-th call of {@code kind} named {@code name} in request {@code requestId}. */
    public static SessionId sessionId(byte[] requestId, Kind kind, String name, int occurrence) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return SessionId.of(Sha256.hash(DOMAIN, requestId, new byte[] {kind.code},
                java.nio.ByteBuffer.allocate(4).putInt(occurrence).array(), new byte[] {(byte) (n.length >>> 8), (byte) n.length}, n));
    }

    /**
     * runOnce's leader: participant number {@code SHA-256("sigil/run-once-leader/v1" || requestId || name) mod |S|}
     * of the sorted participant set S. Every participant computes it alike from what it already has, so no election
     * round is needed; unlike "the lowest index" it spreads the runOnce work (sending a transaction, calling a paid
     * API) over the nodes instead of always giving it to node 1, and a client cannot know the leader before the
     * gateway draws the request id.
     */
    public static NodeIndex leader(byte[] requestId, String name, Collection<Integer> participants) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(participants));
        byte[] h = Sha256.hash(LEADER_DOMAIN, requestId, name.getBytes(StandardCharsets.UTF_8));
        int i = new BigInteger(1, h).mod(BigInteger.valueOf(sorted.size())).intValue();
        return NodeIndex.of(sorted.get(i));
    }

    /**
     * The leader's side: sends its result ({@code null}: it has none, its function failed) to the followers. Best
     * effort: a follower that cannot be reached fails on its own, the leader's action goes on.
     */
    public void announce(SessionId id, Collection<NodeIndex> followers, String result, Duration timeout) {
        Set<NodeIndex> to = new TreeSet<>(followers);
        to.remove(config.self());
        if (to.isEmpty()) {
            return;
        }
        try (Session s = transport.open(NAME, id, positive(timeout))) {
            s.broadcast(to, ROUND, encode(result));
        } catch (SigilException e) {
            LOG.fine(() -> "runOnce result not delivered to every follower: " + e.detail());
        }
    }

    /** A follower's side: waits for the leader's result; a {@link HostRefusal} if none comes in {@code timeout}. */
    public String await(SessionId id, NodeIndex leader, Duration timeout) {
        try (Session s = transport.open(NAME, id, positive(timeout))) {
            InboundMessage m = s.collect(ROUND, Set.of(leader)).get(leader);
            byte[] payload = m.payload();
            if (payload.length == 0 || payload[0] == NO_VALUE) {
                throw new HostRefusal("runOnce: the leader (node " + leader + ") has no result: its function failed");
            }
            return new String(payload, 1, payload.length - 1, StandardCharsets.UTF_8);
        } catch (SessionTimeoutException e) {
            throw new HostRefusal("runOnce: no result from the leader (node " + leader + ") within the action's time");
        }
    }

    /** broadcastAndCollect: every participant's value, ordered by node index (this node's own included). */
    public List<String> exchange(SessionId id, Collection<Integer> participants, String value, Duration timeout) {
        byte[] payload = encode(value);
        Set<NodeIndex> others = new TreeSet<>();
        participants.forEach(i -> others.add(NodeIndex.of(i)));
        others.remove(config.self());
        try (Session s = transport.open(NAME, id, positive(timeout))) {
            if (!others.isEmpty()) {
                s.broadcast(others, ROUND, payload);
            }
            Map<NodeIndex, InboundMessage> got = s.collect(ROUND, others);
            List<String> values = new ArrayList<>();
            for (int i : new TreeSet<>(participants)) {
                if (i == config.self().value()) {
                    values.add(value);
                } else {
                    byte[] p = got.get(NodeIndex.of(i)).payload();
                    if (p.length == 0 || p[0] != HAS_VALUE) {
                        throw new HostRefusal("broadcastAndCollect: node " + i + " sent no value");
                    }
                    values.add(new String(p, 1, p.length - 1, StandardCharsets.UTF_8));
                }
            }
            return values;
        } catch (SessionTimeoutException e) {
            throw new HostRefusal("broadcastAndCollect: no value from node(s) " + e.missing()
                    + " within the action's time");
        } catch (SigilException e) {
            throw new HostRefusal("broadcastAndCollect: " + e.detail());
        }
    }

    /** Refuses values over {@link #MAX_VALUE_BYTES} (a refusal the script can read). */
    public static void checkSize(String what, String value) {
        if (value != null && value.length() > MAX_VALUE_BYTES / 3
                && value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw new HostRefusal(what + ": the value exceeds " + MAX_VALUE_BYTES + " bytes");
        }
    }

    private static byte[] encode(String value) {
        if (value == null) {
            return new byte[] {NO_VALUE};
        }
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(new byte[] {HAS_VALUE}, 1 + v.length);
        System.arraycopy(v, 0, out, 1, v.length);
        return out;
    }

    private static Duration positive(Duration d) {
        return d == null || d.isNegative() ? Duration.ZERO : d;
    }
}
