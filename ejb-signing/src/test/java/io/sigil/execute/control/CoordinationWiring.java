package io.sigil.execute.control;

import io.sigil.node.NodeConfig;
import io.sigil.transport.Transport;

/** Wires the coordination protocol's injection points outside the container. */
public final class CoordinationWiring {
    private CoordinationWiring() { }

    public static void wire(CoordinationProtocol p, NodeConfig config, Transport transport) {
        p.config = config;
        p.transport = transport;
    }
}
