package io.sigil.pkp.control;

import io.sigil.crypto.eth.TokenId;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * Keeps permission changes on every node, as the transport protocol {@code pkp-sync}. The node that accepted a change
 * from its owner forwards the signed change to every peer (round 0, {@code PermissionChange}); each peer verifies the
 * owner's signature itself and applies it if it is the next version. A node that sees a change it is not ready for
 * (it missed earlier ones), or is asked by a client for a version it lacks, or finds in the periodic check that a
 * peer is ahead, fetches the missing signed changes ({@link ChangesQuery}, round 0; {@link ChangesReply}, round 1)
 * and applies them in order, each verified. A peer cannot invent or reorder changes: each is owner-signed for one
 * version; at worst it withholds them, and the other peers are asked too.
 */
@ApplicationScoped
public class PermissionSync implements Protocol {
    public static final String NAME = "pkp-sync";
    static final int REQUEST = 0;
    static final int REPLY = 1;
    static final int FORWARD = 2;
    static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(PermissionSync.class.getName());
    private static final Executor FALLBACK = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sigil-pkp-sync");
        t.setDaemon(true);
        return t;
    });

    @Inject NodeConfig config;
    @Inject Transport transport;
    @Inject PkpStore store;

    @Resource
    ManagedExecutorService executor;

    @Override
    public String name() { return NAME; }

    /** Sends an applied change to every peer, in parallel; a peer that misses it catches up later. */
    public void forward(PermissionChange change) {
        byte[] payload = change.toBytes();
        for (NodeIndex peer : others()) {
            executor().execute(() -> {
                try (Session s = transport.open(NAME, SessionId.random(), ASK_TIMEOUT)) {
                    s.send(peer, FORWARD, payload, null);
                } catch (SigilException e) {
                    LOG.info(() -> "node " + peer + " did not take the change of " + change.tokenId() + " v"
                            + change.fromVersion() + "; it will catch up: " + e.detail());
                }
            });
        }
    }

    @Override
    public boolean onFirstMessage(InboundMessage m) {
        if (m.round() == FORWARD) {
            PermissionChange change;
            try {
                change = PermissionChange.fromBytes(m.payload());
            } catch (IllegalArgumentException e) {
                return false;
            }
            executor().execute(() -> receiveForwarded(m.from(), change));
            return false;
        }
        if (m.round() == REQUEST) {
            ChangesQuery q;
            try {
                q = ChangesQuery.fromBytes(m.payload());
            } catch (IllegalArgumentException e) {
                return false;
            }
            executor().execute(() -> {
                try (Session s = transport.open(NAME, m.sessionId(), ASK_TIMEOUT)) {
                    ChangesReply reply = q.asksVersions() ? new ChangesReply(List.of(), store.versions())
                            : new ChangesReply(store.changesFrom(q.tokenId(), q.fromVersion()), Map.of());
                    s.send(m.from(), REPLY, reply.toBytes(), null);
                } catch (SigilException e) {
                    LOG.fine(() -> "could not answer node " + m.from() + "'s catch-up query: " + e.detail());
                }
            });
            return true;
        }
        return false;
    }

    private void receiveForwarded(NodeIndex from, PermissionChange change) {
        try {
            PkpStore.Offer offer = store.offer(change);
            if (offer == PkpStore.Offer.AHEAD) {
                catchUp(change.tokenId(), List.of(from));
                store.offer(change);
            }
        } catch (SigilException e) {
            LOG.warning(() -> "node " + from + " forwarded a change of " + change.tokenId() + " that was refused: "
                    + e.detail());
        }
    }

    /**
     * Fetches and applies the changes of {@code tokenId} this node lacks, asking {@code peers} in turn until one
     * brings it up to date or all were asked. Returns the number of changes applied.
     */
    public int catchUp(TokenId tokenId, List<NodeIndex> peers) {
        int applied = 0;
        for (NodeIndex peer : peers) {
            long from = store.find(tokenId).map(PkpState::version).orElse(-1L);
            if (from < 0) {
                return applied;
            }
            ChangesReply reply;
            try {
                reply = ask(peer, new ChangesQuery(tokenId, from));
            } catch (SigilException | IllegalArgumentException unreachableOrMalformed) {
                continue;
            }
            for (byte[] bytes : reply.changes()) {
                try {
                    PermissionChange c = PermissionChange.fromBytes(bytes);
                    if (c.tokenId().equals(tokenId) && store.offer(c) == PkpStore.Offer.APPLIED) {
                        applied++;
                    }
                } catch (SigilException | IllegalArgumentException invalid) {
                    LOG.warning(() -> "node " + peer + " sent a change of " + tokenId + " that does not verify");
                    break;
                }
            }
        }
        if (applied > 0) {
            int n = applied;
            LOG.info(() -> "caught up " + n + " permission change(s) of " + tokenId);
        }
        return applied;
    }

    /** As {@link #catchUp(TokenId, List)} asking every peer. */
    public int catchUp(TokenId tokenId) {
        return catchUp(tokenId, new ArrayList<>(others()));
    }

    /** The periodic check: asks each peer for its versions and catches up every PKP a peer has newer. */
    public void checkPeers() {
        Map<TokenId, Long> mine = store.versions();
        for (NodeIndex peer : others()) {
            ChangesReply reply;
            try {
                reply = ask(peer, ChangesQuery.versions());
            } catch (SigilException | IllegalArgumentException unreachableOrMalformed) {
                continue;
            }
            reply.versions().forEach((id, v) -> {
                Long have = mine.get(id);
                if (have != null && v > have) {
                    catchUp(id, List.of(peer));
                }
            });
        }
    }

    private ChangesReply ask(NodeIndex peer, ChangesQuery q) {
        try (Session s = transport.open(NAME, SessionId.random(), ASK_TIMEOUT)) {
            s.send(peer, REQUEST, q.toBytes(), null);
            return ChangesReply.fromBytes(s.collect(REPLY, Set.of(peer)).get(peer).payload());
        }
    }

    private List<NodeIndex> others() {
        List<NodeIndex> out = new ArrayList<>();
        config.network().members().forEach(m -> {
            if (!m.index().equals(config.self())) {
                out.add(m.index());
            }
        });
        return out;
    }

    private Executor executor() {
        return executor != null ? executor : FALLBACK;
    }
}
