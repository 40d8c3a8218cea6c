package io.sigil.peer;

import io.sigil.api.model.NodeInfo;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
import io.sigil.transport.PeerUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Peers' identity keys. The first time a peer is needed its key is read from the peer's configured URL and
 * pinned; from then on only the pinned key is trusted. A peer that later presents another key is refused, with a
 * SEVERE log line: either the peer's data directory was replaced or someone is impersonating it. To accept a
 * deliberately re-created peer, delete its row from {@code sigil_pinned_peer} on every other node.
 */
@ApplicationScoped
public class PeerDirectory {
    private static final Logger LOG = Logger.getLogger(PeerDirectory.class.getName());
    private static final long RECHECK_MS = 10_000;

    @Inject NodeConfig config;
    @Inject PeerClient client;
    @Inject PeerPins pins;

    private final Map<NodeIndex, ECPoint> pinned = new ConcurrentHashMap<>();
    private final Map<NodeIndex, Long> lastRecheck = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** The peer's pinned identity key, learnt from the peer on first use. */
    public ECPoint identityKey(NodeIndex peer) {
        ECPoint key = pinned(peer);
        if (key != null) {
            return key;
        }
        return observe(peer, client.nodeInfo(peer));
    }

    /**
     * The peer's identity key if it is pinned already, without any network call: inbound messages are checked
     * against this only, so an unauthenticated request can never make this node call out.
     */
    public Optional<ECPoint> pinnedKey(NodeIndex peer) {
        return Optional.ofNullable(pinned(peer));
    }

    /** The pinned identity address of a peer, if it was ever contacted. */
    public Optional<EthAddress> pinnedAddress(NodeIndex peer) {
        return Optional.ofNullable(pinned(peer)).map(EthAddress::of);
    }

    /**
     * Checks what a peer says about itself against the pin, pinning on first contact. Returns the pinned key;
     * throws if the peer claims another index or presents a different key.
     */
    public ECPoint observe(NodeIndex peer, NodeInfo info) {
        if (info == null || info.index() != peer.value()) {
            LOG.severe(() -> "node at " + config.network().member(peer).url() + " does not say it is node " + peer
                    + "; check sigil.network.nodes on every node");
            throw new PeerUnavailableException(peer, "answers as another node");
        }
        ECPoint presented;
        try {
            presented = Secp256k1.decodePoint(Hex.decode(info.identityPublicKey()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PeerUnavailableException(peer, "presented an invalid identity key");
        }
        ECPoint key = pinned(peer);
        if (key == null) {
            String stored = pins.pinIfAbsent(peer.value(), Hex.encode(Secp256k1.encode(presented)),
                    config.network().member(peer).url().toString());
            key = Secp256k1.decodePoint(Hex.decode(stored));
            pinned.put(peer, key);
            if (key.equals(presented)) {
                ECPoint k = key;
                LOG.info(() -> "pinned node " + peer + " identity " + EthAddress.of(k));
            }
        }
        if (!key.equals(presented)) {
            ECPoint k = key;
            LOG.severe(() -> "IDENTITY KEY CHANGED: node " + peer + " now presents " + EthAddress.of(presented)
                    + " but " + EthAddress.of(k) + " is pinned; its messages are refused. If node " + peer
                    + " was re-created on purpose, delete its row from sigil_pinned_peer on every other node.");
            throw new PeerUnavailableException(peer, "presents an identity key that differs from its pinned key");
        }
        return key;
    }

    /**
     * Called when a message claiming to be from {@code peer} did not verify: re-reads the peer's key (at most every
     * few seconds) so that a changed key is reported loudly instead of as a stream of bad signatures.
     */
    public void suspectKeyChange(NodeIndex peer) {
        long now = System.currentTimeMillis();
        Long last = lastRecheck.get(peer);
        if (last != null && now - last < RECHECK_MS) {
            return;
        }
        lastRecheck.put(peer, now);
        try {
            observe(peer, client.nodeInfo(peer));
        } catch (PeerUnavailableException e) {
            // observe() has logged a changed key; an unreachable peer tells us nothing
        }
    }

    private ECPoint pinned(NodeIndex peer) {
        if (!loaded) {
            pins.all().forEach((index, p) -> pinned.putIfAbsent(NodeIndex.of(index),
                    Secp256k1.decodePoint(Hex.decode(p.identityPublicKey()))));
            loaded = true;
        }
        return pinned.get(peer);
    }
}
