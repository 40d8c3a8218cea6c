package io.sigil.dkg.control;

import io.sigil.crypto.Hex;
import io.sigil.crypto.eth.TokenId;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
import io.sigil.peer.PeerDirectory;
import io.sigil.pkp.control.PkpStore;
import io.sigil.pkp.entity.PkpRecord;
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
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * Settles mints that are prepared on this node but undecided (round 5 of {@link DkgProtocol} did not complete
 * here), as the transport protocol {@code dkg-outcome}: ask every peer what it knows of the run.
 *
 * <p>The commit rule is "hold a prepared statement from each of the n nodes for the same token id" and a node sends
 * its statement only after storing its share. So:
 * <ul>
 * <li>a peer that is active, or prepared and holding statements, sends them: with those we may complete the
 *     certificate and commit (a node that committed can always prove it);</li>
 * <li>a peer that never prepared answers "refused" and records that it never will ({@link #mayPrepare} turns false
 *     atomically with the answer): its statement can never exist, no certificate can, and we discard our share;</li>
 * <li>otherwise (peers unreachable or all uncertain) we keep the prepared share, unusable, and ask again later.</li>
 * </ul>
 * This is two-phase commit's cooperative termination with the certificate instead of a coordinator's decision: the
 * leader has no special role once round 5 starts, so a leader dying mid-commit blocks no one who can reach the
 * others. The one blocking case: every node prepared, some statement reached nobody (its sender died right after
 * preparing) and that node stays down; the others then stay prepared (invisible, unusable) until it returns, and it
 * settles the run from its own stored statement when it does.
 */
@ApplicationScoped
public class MintOutcomes implements Protocol {
    public static final String NAME = "dkg-outcome";
    static final int QUERY = 0;
    static final int REPLY = 1;
    private static final Logger LOG = Logger.getLogger(MintOutcomes.class.getName());
    static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    @Inject NodeConfig config;
    @Inject Transport transport;
    @Inject PeerDirectory directory;
    @Inject PkpStore store;

    @Resource
    ManagedExecutorService executor;

    /** Runs live on this node (between the DKG's start and end); they are not settled from outside. */
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    /** Runs that passed {@link #mayPrepare}: they are storing, or have stored, their share. */
    private final Set<String> preparing = ConcurrentHashMap.newKeySet();
    /** Runs this node answered "refused" for: it will never prepare them. Bounded by what members ask. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    @Override
    public String name() { return NAME; }

    void started(byte[] dkgId) { live.add(Hex.encode(dkgId)); }

    void ended(byte[] dkgId) { live.remove(Hex.encode(dkgId)); }

    /** Whether this node may still store its share of the run (false once it told a peer it never will). */
    synchronized boolean mayPrepare(byte[] dkgId) {
        String id = Hex.encode(dkgId);
        if (refused.contains(id)) {
            return false;
        }
        preparing.add(id);
        return true;
    }

    /** Storing the share failed: nothing is stored, and this node will answer that it never prepared. */
    synchronized void prepareFailed(byte[] dkgId) {
        String id = Hex.encode(dkgId);
        preparing.remove(id);
        refused.add(id);
    }

    /** What this node tells a peer about a run. */
    synchronized OutcomeReply answer(OutcomeQuery q) {
        String id = Hex.encode(q.dkgId());
        Optional<PkpStore.Mint> mint = store.mintOfRun(id);
        if (mint.isPresent()) {
            PreparedStatements statements = mint.get().preparedStatements() == null ? new PreparedStatements()
                    : PreparedStatements.fromBytes(mint.get().preparedStatements());
            return new OutcomeReply(mint.get().state() == PkpRecord.State.ACTIVE
                    ? OutcomeReply.Status.COMMITTED : OutcomeReply.Status.UNCERTAIN, statements);
        }
        if (preparing.contains(id)) {
            return new OutcomeReply(OutcomeReply.Status.UNCERTAIN, new PreparedStatements());
        }
        refused.add(id);
        return new OutcomeReply(OutcomeReply.Status.REFUSED, new PreparedStatements());
    }

    @Override
    public boolean onFirstMessage(InboundMessage m) {
        if (m.round() != QUERY) {
            return false;
        }
        OutcomeQuery q;
        try {
            q = OutcomeQuery.fromBytes(m.payload());
        } catch (IllegalArgumentException e) {
            return false;
        }
        Runnable reply = () -> {
            try (Session s = transport.open(NAME, m.sessionId(), ASK_TIMEOUT)) {
                s.send(m.from(), REPLY, answer(q).toBytes(), null);
            } catch (SigilException e) {
                LOG.fine(() -> "could not answer node " + m.from() + "'s outcome query: " + e.detail());
            }
        };
        Executor ex = executor;
        if (ex != null) {
            ex.execute(reply);
        } else {
            reply.run();
        }
        return true;
    }

    /** Settles every prepared mint that is not running here; called periodically by {@link MintRecovery}. */
    public void settlePending() {
        for (PkpStore.Mint mint : store.preparedMints()) {
            if (!live.contains(mint.dkgId())) {
                settle(mint);
            }
        }
    }

    /** Asks every peer about one prepared mint and commits, discards, or leaves it for later. */
    public PkpRecord.State settle(PkpStore.Mint mint) {
        byte[] dkgId = Hex.decode(mint.dkgId(), 32);
        TokenId tokenId = mint.tokenId();
        PreparedStatements known = mint.preparedStatements() == null ? new PreparedStatements()
                : PreparedStatements.fromBytes(mint.preparedStatements());
        boolean someoneRefused = false;
        for (var member : config.network().members()) {
            NodeIndex peer = member.index();
            if (peer.equals(config.self())) {
                continue;
            }
            OutcomeReply reply;
            try {
                reply = ask(peer, new OutcomeQuery(dkgId, tokenId));
            } catch (SigilException | IllegalArgumentException unreachableOrMalformed) {
                continue;
            }
            if (reply.status() == OutcomeReply.Status.REFUSED) {
                someoneRefused = true;
            }
            for (PreparedStatement st : reply.statements().byNode().values()) {
                try {
                    if (config.network().isMember(st.from()) && !known.has(st.from())
                            && st.verifies(dkgId, tokenId, directory.identityKey(NodeIndex.of(st.from())))) {
                        known.add(st);
                    }
                } catch (SigilException unreachable) {
                    // cannot check that node's key now; the statement may be checked on a later attempt
                }
            }
        }
        if (known.complete(config.network().n())) {
            if (store.activate(tokenId, known.toBytes())) {
                LOG.info(() -> "mint of " + tokenId + " settled: committed (every node had prepared)");
            }
            return PkpRecord.State.ACTIVE;
        }
        if (someoneRefused) {
            store.discard(tokenId);
            LOG.info(() -> "mint of " + tokenId + " settled: discarded (a node never prepared it)");
            return null;
        }
        store.recordStatements(tokenId, known.toBytes());
        LOG.info(() -> "mint of " + tokenId + " still undecided (" + known.size() + " of " + config.network().n()
                + " nodes known to have prepared); will ask again");
        return PkpRecord.State.PREPARED;
    }

    private OutcomeReply ask(NodeIndex peer, OutcomeQuery q) {
        try (Session s = transport.open(NAME, SessionId.random(), ASK_TIMEOUT)) {
            s.send(peer, QUERY, q.toBytes(), null);
            return OutcomeReply.fromBytes(s.collect(REPLY, Set.of(peer)).get(peer).payload());
        }
    }
}
