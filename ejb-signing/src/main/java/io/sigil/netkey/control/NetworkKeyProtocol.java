package io.sigil.netkey.control;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Wire;
import io.sigil.crypto.dkg.DkgParameters;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.dkg.control.JointFeldman;
import io.sigil.node.Durations;
import io.sigil.node.Network;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.transport.InboundMessage;
import io.sigil.transport.Protocol;
import io.sigil.transport.Session;
import io.sigil.transport.SessionId;
import io.sigil.transport.Transport;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Making the network encryption key once, as the transport protocol {@code netkey}, and learning it from peers.
 * The lowest-index node leads, once every node answers and none has a key:
 * <ol start="0">
 * <li>proposal (leader to all: run id, n, t);</li>
 * <li>join (each to the leader): yes, or no because this node already has a network key (then nobody makes
 *     another: the leader learns the existing one instead);</li>
 * <li>go (leader to all) or stop;</li>
 * <li>Joint-Feldman deal and 4. echo ({@link JointFeldman}, the same code as a PKP mint);</li>
 * <li>stored: each node seals and stores its share, then tells everyone it did.</li>
 * </ol>
 * Any t+1 stored shares decrypt, so unlike a PKP mint no all-or-nothing commit is needed: a node that fails to store
 * only weakens fault tolerance. A node without a key (it was down, or lost its data) asks its peers with
 * {@code query}/{@code answer} (rounds 10/11) for the public part, which it then serves.
 */
@ApplicationScoped
public class NetworkKeyProtocol implements Protocol {
    public static final String NAME = "netkey";
    static final int PROPOSAL = 0;
    static final int JOIN = 1;
    static final int GO = 2;
    static final int DEAL = 3;
    static final int ECHO = 4;
    static final int STORED = 5;
    static final int QUERY = 10;
    static final int ANSWER = 11;
    private static final int TAG_PROPOSAL = 0x52;
    private static final int TAG_FLAG = 0x53;
    private static final Logger LOG = Logger.getLogger(NetworkKeyProtocol.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Executor FALLBACK = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sigil-netkey");
        t.setDaemon(true);
        return t;
    });

    @Inject NodeConfig config;
    @Inject Transport transport;
    @Inject NetworkKeyStore store;

    /** How long one DKG run may take. */
    @Inject @ConfigProperty(name = "sigil.dkg.timeout", defaultValue = "30s")
    String timeout;

    @Resource
    ManagedExecutorService executor;

    @Override
    public String name() { return NAME; }

    /**
     * Makes sure this node knows the network key: learns it from a peer, or, on the lowest-index node, makes it.
     * Returns whether the key is known here afterwards. Safe to call repeatedly (each call is a no-op once known).
     */
    public synchronized boolean ensure() {
        if (store.key().isPresent()) {
            return true;
        }
        Optional<NetworkKey> learnt = learn();
        if (learnt.isPresent()) {
            store.storePublic(learnt.get());
            LOG.info("learnt the network encryption key from a peer");
            return true;
        }
        if (!config.self().equals(lowest())) {
            return false;
        }
        try {
            lead();
            return true;
        } catch (SigilException e) {
            LOG.info(() -> "network encryption key not made yet: " + e.detail());
            return false;
        }
    }

    /** Leads the DKG with every node; throws 503 naming a node that is down, 409 if some node already has a key. */
    public void lead() {
        Network network = config.network();
        byte[] runId = new byte[32];
        RANDOM.nextBytes(runId);
        Set<NodeIndex> others = others();
        try (Session s = transport.open(NAME, SessionId.of(runId), Durations.parse(timeout))) {
            try {
                s.broadcast(others, PROPOSAL, proposal(runId, network.n(), network.t()));
                for (Map.Entry<NodeIndex, InboundMessage> e : s.collect(JOIN, others).entrySet()) {
                    if (!flag(e.getValue().payload())) {
                        throw new SigilException(ProblemType.CONFLICT,
                                "node " + e.getKey() + " already has a network key");
                    }
                }
            } catch (RuntimeException e) {
                for (NodeIndex peer : others) {
                    try {
                        s.send(peer, GO, flag(false), null);
                    } catch (RuntimeException unreachable) {
                        // it stops at its deadline, having stored nothing
                    }
                }
                throw e;
            }
            s.broadcast(others, GO, flag(true));
            run(s, runId, others);
        }
    }

    @Override
    public boolean onFirstMessage(InboundMessage m) {
        if (m.round() == QUERY) {
            (executor != null ? executor : FALLBACK).execute(() -> answer(m));
            return true;
        }
        if (m.round() != PROPOSAL || !m.from().equals(lowest())) {
            return false;
        }
        (executor != null ? executor : FALLBACK).execute(() -> join(m));
        return true;
    }

    private void join(InboundMessage m) {
        NodeIndex leader = m.from();
        try (Session s = transport.open(NAME, m.sessionId(), Durations.parse(timeout))) {
            Wire.Reader r = new Wire.Reader(m.payload(), TAG_PROPOSAL, "network key proposal");
            byte[] runId = r.fixed(32);
            int n = r.u16();
            int t = r.u16();
            r.end();
            boolean ok = n == config.network().n() && t == config.network().t()
                    && SessionId.of(runId).equals(m.sessionId()) && store.key().isEmpty();
            s.send(leader, JOIN, flag(ok), null);
            if (!ok || !flag(s.collect(GO, Set.of(leader)).get(leader).payload())) {
                return;
            }
            run(s, runId, others());
        } catch (SigilException e) {
            LOG.info(() -> "network key run led by node " + leader + " failed here: " + e.detail());
        } catch (RuntimeException e) {
            LOG.warning(() -> "network key run led by node " + leader + " failed here: " + e.getClass().getSimpleName());
        }
    }

    private void run(Session s, byte[] runId, Set<NodeIndex> others) {
        Network network = config.network();
        KeyShare share = JointFeldman.generate(s, new DkgParameters(runId, network.n(), network.t()),
                config.self().value(), others, DEAL, ECHO, RANDOM);
        try {
            store.storeShare(share);
        } finally {
            share.destroy();
        }
        LOG.info(() -> "made the network encryption key (run " + Hex.encode(runId) + ")");
        try {
            s.broadcast(others, STORED, flag(true));
            s.collect(STORED, others);
        } catch (RuntimeException e) {
            LOG.info("not every node confirmed storing its network key share; t+1 shares still decrypt");
        }
    }

    private void answer(InboundMessage m) {
        try (Session s = transport.open(NAME, m.sessionId(), Duration.ofSeconds(5))) {
            Optional<NetworkKey> key = store.key();
            Wire.Writer w = new Wire.Writer(TAG_FLAG).u8(key.isPresent() ? 1 : 0);
            key.ifPresent(k -> w.bytes(k.toBytes()));
            s.send(m.from(), ANSWER, w.toBytes(), null);
        } catch (RuntimeException e) {
            LOG.fine("could not answer a network key query");
        }
    }

    /** Asks each peer in turn for the public key; takes the first answer whose n and t are this network's. */
    Optional<NetworkKey> learn() {
        for (NodeIndex peer : others()) {
            try (Session s = transport.open(NAME, SessionId.random(), Duration.ofSeconds(5))) {
                s.send(peer, QUERY, new Wire.Writer(TAG_FLAG).u8(0).toBytes(), null);
                Wire.Reader r = new Wire.Reader(s.collect(ANSWER, Set.of(peer)).get(peer).payload(), TAG_FLAG,
                        "network key answer");
                if (r.u8() == 1) {
                    NetworkKey key = NetworkKey.fromBytes(r.bytes());
                    r.end();
                    if (key.n() == config.network().n() && key.t() == config.network().t()) {
                        return Optional.of(key);
                    }
                }
            } catch (RuntimeException unreachableOrMalformed) {
                // ask the next one
            }
        }
        return Optional.empty();
    }

    private static byte[] proposal(byte[] runId, int n, int t) {
        return new Wire.Writer(TAG_PROPOSAL).fixed(runId).u16(n).u16(t).toBytes();
    }

    private static byte[] flag(boolean yes) {
        return new Wire.Writer(TAG_FLAG).u8(yes ? 1 : 0).toBytes();
    }

    private static boolean flag(byte[] payload) {
        Wire.Reader r = new Wire.Reader(payload, TAG_FLAG, "network key flag");
        int v = r.u8();
        r.end();
        return v == 1;
    }

    private NodeIndex lowest() {
        return config.network().members().get(0).index();
    }

    private Set<NodeIndex> others() {
        Set<NodeIndex> out = new TreeSet<>();
        config.network().members().forEach(m -> out.add(m.index()));
        out.remove(config.self());
        return out;
    }
}
