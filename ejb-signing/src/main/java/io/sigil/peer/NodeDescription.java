package io.sigil.peer;

import io.sigil.api.model.NodeInfo;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIdentity;
import io.sigil.node.Network;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Builds this node's {@link NodeInfo}: identity, configured network, and what it knows of each member. */
@ApplicationScoped
public class NodeDescription {
    /** The version of the running build, from the jar manifest (unknown when run from classes). */
    public static final String VERSION = versionOf();

    @Inject NodeConfig config;
    @Inject NodeIdentity identity;
    @Inject PeerDirectory directory;
    @Inject PeerMonitor monitor;

    public NodeInfo describe() {
        Network network = config.network();
        var members = network.members().stream().map(m -> {
            boolean self = m.index().equals(config.self());
            String address = self ? identity.address().toString()
                    : directory.pinnedAddress(m.index()).map(EthAddress::toString).orElse(null);
            return new NodeInfo.Member(m.index().value(), m.url().toString(), address, monitor.isReachable(m.index()));
        }).toList();
        return new NodeInfo(config.self().value(), identity.address().toString(),
                Hex.encode(Secp256k1.encode(identity.publicKey())),
                new NodeInfo.Network(network.n(), network.t(), network.signers(), members), VERSION);
    }

    /** From a resource Maven filters at build time: class loaders of full servers do not all expose manifests. */
    private static String versionOf() {
        try (var in = NodeDescription.class.getResourceAsStream("/io/sigil/version.properties")) {
            var p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
