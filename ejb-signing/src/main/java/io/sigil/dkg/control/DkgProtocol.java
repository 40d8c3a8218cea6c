package io.sigil.dkg.control;

import io.sigil.api.model.AuthSig;
import io.sigil.auth.AuthSigVerifier;
import io.sigil.auth.VerifiedAuthSig;
import io.sigil.crypto.Hex;
import io.sigil.crypto.dkg.DkgAbortedException;
import io.sigil.crypto.dkg.DkgParameters;
import io.sigil.crypto.dkg.DkgRound1;
import io.sigil.crypto.dkg.DkgRound1Share;
import io.sigil.crypto.dkg.DkgRound2;
import io.sigil.crypto.dkg.DkgSession;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.TokenId;
import io.sigil.node.Durations;
import io.sigil.node.Network;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIdentity;
import io.sigil.node.NodeIndex;
import io.sigil.peer.PeerDirectory;
import io.sigil.pkp.control.PermissionChange;
import io.sigil.pkp.control.PkpState;
import io.sigil.pkp.control.PkpStore;
import io.sigil.pkp.entity.PkpRecord;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Minting a PKP: THRESHOLD.md's Joint-Feldman DKG over all n nodes, wrapped in a join step and a commit step, as the
 * transport protocol {@code dkg}. The node that received {@code POST /api/v1/pkps} leads; the session id is the
 * random 32-byte DKG run id. Rounds:
 * <ol start="0">
 * <li>{@link MintProposal} leader to all; each node checks it (authSig, CIDs, n and t) on its own;</li>
 * <li>{@link MintJoin} each to the leader;</li>
 * <li>{@link MintGo} leader to all, once every node joined (so no DKG message can reach a node before it has the
 *     proposal), or "stop";</li>
 * <li>DKG step 1 all to all: {@code DkgRound1} public, {@code DkgRound1Share} sealed to the recipient;</li>
 * <li>DKG step 2 all to all: the {@code DkgRound2} echo;</li>
 * <li>commit: each node stores its share as <em>prepared</em> (durable, not usable), then sends everyone its signed
 *     {@link PreparedStatement}. A node that holds all n statements for the same token id (the certificate) makes
 *     the PKP <em>active</em>. The leader answers 201 after its own commit.</li>
 * </ol>
 * Nothing is stored before round 5, so any failure up to and including the echo (a node down, refusing, timing out,
 * dealing a bad share, equivocating) leaves nothing anywhere. A failure during round 5 leaves prepared shares whose
 * outcome {@link MintOutcomes} settles (commit with a certificate, or discard once some node proves it never
 * prepared); see there for why this cannot end with some nodes active and others discarded.
 */
@ApplicationScoped
public class DkgProtocol implements Protocol {
    public static final String NAME = "dkg";
    static final int PROPOSAL = 0;
    static final int JOIN = 1;
    static final int GO = 2;
    static final int DEAL = 3;
    static final int ECHO = 4;
    static final int PREPARED = 5;
    private static final Logger LOG = Logger.getLogger(DkgProtocol.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Outside a container (tests) joins run on plain threads; in Payara on the managed executor. */
    private static final Executor FALLBACK = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sigil-dkg");
        t.setDaemon(true);
        return t;
    });

    @Inject NodeConfig config;
    @Inject NodeIdentity identity;
    @Inject Transport transport;
    @Inject PeerDirectory directory;
    @Inject PkpStore store;
    @Inject AuthSigVerifier authSigs;
    @Inject MintOutcomes outcomes;

    /** How long a whole mint may take, every round included. */
    @Inject @ConfigProperty(name = "sigil.dkg.timeout", defaultValue = "30s")
    String timeout;

    @Resource
    ManagedExecutorService executor;

    @Override
    public String name() { return NAME; }

    /**
     * Leads a mint with every node of the network and returns the active PKP. Throws {@code peer-unavailable} (503)
     * naming a node that is down or too slow, {@code protocol-aborted} (502) naming a node that refused or
     * misbehaved.
     */
    public PkpState lead(AuthSig authSig, VerifiedAuthSig owner, List<String> permittedActions, boolean sealed) {
        Network network = config.network();
        byte[] dkgId = new byte[32];
        RANDOM.nextBytes(dkgId);
        MintProposal proposal = new MintProposal(dkgId, config.self().value(), network.n(), network.t(), authSig,
                permittedActions, sealed);
        Set<NodeIndex> others = others();
        try (Session s = transport.open(NAME, SessionId.of(dkgId), Durations.parse(timeout))) {
            LOG.info(() -> "leading mint " + Hex.encode(dkgId) + " for " + owner.address());
            try {
                s.broadcast(others, PROPOSAL, proposal.toBytes());
                for (Map.Entry<NodeIndex, InboundMessage> e : s.collect(JOIN, others).entrySet()) {
                    MintJoin join = parse(e.getKey(), () -> MintJoin.fromBytes(e.getValue().payload()));
                    if (!join.joined()) {
                        throw aborted(e.getKey(), "refused to join the mint (" + join.reason() + ")");
                    }
                }
            } catch (RuntimeException e) {
                stopAll(s, others);
                throw e;
            }
            s.broadcast(others, GO, new MintGo(true).toBytes());
            return run(s, proposal, owner.address());
        }
    }

    /** A proposal from a leader: join on another thread (this one is delivering the message). */
    @Override
    public boolean onFirstMessage(InboundMessage m) {
        if (m.round() != PROPOSAL) {
            return false; // every other round follows the proposal, which opened the session
        }
        MintProposal proposal;
        try {
            proposal = MintProposal.fromBytes(m.payload());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (proposal.leader() != m.from().value() || !SessionId.of(proposal.dkgId()).equals(m.sessionId())) {
            return false;
        }
        (executor != null ? executor : FALLBACK).execute(() -> join(m.sessionId(), proposal));
        return true;
    }

    private void join(SessionId id, MintProposal proposal) {
        NodeIndex leader = NodeIndex.of(proposal.leader());
        try (Session s = transport.open(NAME, id, Durations.parse(timeout))) {
            VerifiedAuthSig owner;
            try {
                owner = check(proposal);
            } catch (SigilException e) {
                LOG.info(() -> "refused to join mint " + id + " led by node " + leader + ": " + e.detail());
                s.send(leader, JOIN, new MintJoin(false, e.detail()).toBytes(), null);
                return;
            }
            s.send(leader, JOIN, new MintJoin(true, "").toBytes(), null);
            MintGo go = parse(leader, () -> MintGo.fromBytes(s.collect(GO, Set.of(leader)).get(leader).payload()));
            if (!go.go()) {
                LOG.info(() -> "mint " + id + " stopped by its leader before the DKG");
                return;
            }
            run(s, proposal, owner.address());
        } catch (SigilException e) {
            LOG.info(() -> "mint " + id + " led by node " + leader + " failed here: " + e.detail());
        } catch (RuntimeException e) {
            LOG.warning(() -> "mint " + id + " led by node " + leader + " failed here: " + e.getClass().getSimpleName());
        }
    }

    /** What every node checks before it joins: the same network, a valid authSig, valid CIDs. */
    private VerifiedAuthSig check(MintProposal p) {
        Network network = config.network();
        if (p.n() != network.n() || p.t() != network.t()) {
            throw new SigilException(ProblemType.CONFLICT, "the leader's network has another n or t");
        }
        VerifiedAuthSig owner = authSigs.verify(p.authSig(), "authSig");
        if (!PermissionChange.cids(p.permittedActions(), "permittedActions").equals(
                p.permittedActions().stream().sorted().distinct().toList())) {
            throw SigilException.malformed("permittedActions", "must be distinct CIDv0 strings");
        }
        return owner;
    }

    /** Rounds 3-5, the same on every node. */
    private PkpState run(Session s, MintProposal p, EthAddress owner) {
        Network network = config.network();
        int self = config.self().value();
        Set<NodeIndex> others = others();
        byte[] dkgId = p.dkgId();
        outcomes.started(dkgId);
        try {
            KeyShare share = generate(s, new DkgParameters(dkgId, network.n(), network.t()), self, others);
            TokenId tokenId = share.tokenId();
            PreparedStatement own = new PreparedStatement(dkgId, self, tokenId,
                    identity.sign(PreparedStatement.digest(dkgId, self, tokenId)));
            PreparedStatements known = new PreparedStatements(List.of(own));
            try {
                if (!outcomes.mayPrepare(dkgId)) {
                    throw new SigilException(ProblemType.PEER_UNAVAILABLE,
                            "the mint took too long: a node already gave it up");
                }
                try {
                    store.prepare(Hex.encode(dkgId), share, owner, p.permittedActions(), p.sealed(), known.toBytes());
                } catch (RuntimeException e) {
                    outcomes.prepareFailed(dkgId);
                    throw e;
                }
            } finally {
                share.destroy();
            }
            try {
                s.broadcast(others, PREPARED, own.toBytes());
                for (Map.Entry<NodeIndex, InboundMessage> e : s.collect(PREPARED, others).entrySet()) {
                    NodeIndex from = e.getKey();
                    PreparedStatement st = parse(from, () -> PreparedStatement.fromBytes(e.getValue().payload()));
                    if (st.from() != from.value() || !st.verifies(dkgId, tokenId, directory.identityKey(from))) {
                        throw aborted(from, "stated another key or a prepared statement that does not verify");
                    }
                    known.add(st);
                }
            } catch (RuntimeException e) {
                // Undecided here. A node that committed can prove it, and the others' statements may complete ours:
                // ask now, so that a mint that did complete elsewhere is not reported as failed.
                store.recordStatements(tokenId, known.toBytes());
                if (outcomes.settle(store.mint(tokenId).orElseThrow()) == PkpRecord.State.ACTIVE) {
                    return store.find(tokenId).orElseThrow();
                }
                LOG.warning(() -> "mint " + Hex.encode(dkgId) + " is prepared here but undecided; it will be settled"
                        + " with the other nodes");
                throw e;
            }
            store.activate(tokenId, known.toBytes());
            LOG.info(() -> "minted PKP " + tokenId + " (run " + Hex.encode(dkgId) + ")");
            return store.find(tokenId).orElseThrow();
        } finally {
            outcomes.ended(dkgId);
        }
    }

    /** DKG steps 1-3 (THRESHOLD.md "Key generation"); nothing is stored, nothing secret outlives the call. */
    private KeyShare generate(Session s, DkgParameters params, int self, Set<NodeIndex> others) {
        return JointFeldman.generate(s, params, self, others, DEAL, ECHO, RANDOM);
    }

    private void stopAll(Session s, Set<NodeIndex> others) {
        for (NodeIndex peer : others) {
            try {
                s.send(peer, GO, new MintGo(false).toBytes(), null);
            } catch (RuntimeException unreachable) {
                // best effort: a node that does not hear it stops at its deadline, having stored nothing
            }
        }
    }

    private Set<NodeIndex> others() {
        Set<NodeIndex> out = new TreeSet<>();
        config.network().members().forEach(m -> out.add(m.index()));
        out.remove(config.self());
        return out;
    }

    private static <T> T parse(NodeIndex from, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw aborted(from, "sent a malformed mint message");
        }
    }

    public static SigilException aborted(NodeIndex culprit, String what) {
        return new SigilException(ProblemType.PROTOCOL_ABORTED, "node " + culprit + " " + what,
                Map.of("node", culprit.value()));
    }

    static boolean sameRun(byte[] a, byte[] b) { return Arrays.equals(a, b); }
}
