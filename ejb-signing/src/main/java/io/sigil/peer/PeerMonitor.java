package io.sigil.peer;

import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
import io.sigil.transport.PeerUnavailableException;
import io.sigil.transport.SessionId;
import io.sigil.transport.Transport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Keeps track of which peers this node can talk to. Every second (every five once all are reachable) it reads
 * each peer's self-description (pinning or checking its identity key) and sends it a signed ping; a peer is
 * reachable while its last ping was accepted. Logs each peer going down or coming back, once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PeerMonitor {
    private static final Logger LOG = Logger.getLogger(PeerMonitor.class.getName());
    static final long FAST_MS = 1_000;
    static final long SLOW_MS = 5_000;

    @Inject NodeConfig config;
    @Inject PeerClient client;
    @Inject PeerDirectory directory;
    @Inject Transport transport;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<NodeIndex, Boolean> reachable = new ConcurrentHashMap<>();
    private final Map<NodeIndex, Long> lastHeard = new ConcurrentHashMap<>();
    private final Set<NodeIndex> inFlight = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> task;
    private volatile long lastRound;

    @PostConstruct
    void start() {
        if (config.network().n() > 1) {
            task = scheduler.scheduleWithFixedDelay(this::tick, 200, 250, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void tick() {
        long now = System.currentTimeMillis();
        long interval = allReachable() ? SLOW_MS : FAST_MS;
        if (now - lastRound < interval) {
            return;
        }
        lastRound = now;
        for (var member : config.network().members()) {
            NodeIndex peer = member.index();
            if (!peer.equals(config.self()) && inFlight.add(peer)) {
                scheduler.execute(() -> {
                    try {
                        check(peer);
                    } finally {
                        inFlight.remove(peer);
                    }
                });
            }
        }
    }

    private void check(NodeIndex peer) {
        boolean ok;
        try {
            directory.observe(peer, client.nodeInfo(peer));
            client.deliver(peer, transport.seal(PingProtocol.NAME, SessionId.random(), 0, peer, new byte[0], null));
            ok = true;
        } catch (PeerUnavailableException e) {
            ok = false;
        } catch (RuntimeException e) {
            ok = false;
            LOG.warning(() -> "checking node " + peer + " failed: " + PeerClient.describe(e));
        }
        Boolean before = reachable.put(peer, ok);
        if (ok && !Boolean.TRUE.equals(before)) {
            LOG.info(() -> "node " + peer + " is reachable");
        } else if (!ok && !Boolean.FALSE.equals(before)) {
            LOG.warning(() -> "node " + peer + " (" + config.network().member(peer).url() + ") is not reachable");
        }
    }

    /** Called by {@link PingProtocol} when a peer's signed ping was accepted. */
    public void heardFrom(NodeIndex peer) {
        lastHeard.put(peer, System.currentTimeMillis());
    }

    /** Whether the peer accepted this node's last signed ping. This node itself is always reachable. */
    public boolean isReachable(NodeIndex peer) {
        return peer.equals(config.self()) || Boolean.TRUE.equals(reachable.get(peer));
    }

    public boolean allReachable() {
        return config.network().members().stream().allMatch(m -> isReachable(m.index()));
    }
}
