package io.sigil.netkey.control;

import io.sigil.node.NodeConfig;
import io.sigil.transport.Transport;

/** Wires the network-key protocol's injection points outside the container. */
public final class NetKeyWiring {
    private NetKeyWiring() { }

    public static void wire(NetworkKeyProtocol p, NodeConfig config, Transport transport, NetworkKeyStore store,
                            String timeout) {
        p.config = config;
        p.transport = transport;
        p.store = store;
        p.timeout = timeout;
    }

    /** Replaces a node's store (a restart, or a node that lost its data directory's key files). */
    public static void replaceStore(NetworkKeyProtocol p, NetworkKeyStore store) {
        p.store = store;
    }
}
