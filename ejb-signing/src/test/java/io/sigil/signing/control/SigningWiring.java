package io.sigil.signing.control;

import io.sigil.node.NodeConfig;
import io.sigil.pkp.control.PkpStore;
import io.sigil.transport.Transport;

/** Wires the signing protocol's injection points outside the container. */
public final class SigningWiring {
    private SigningWiring() { }

    public static void wire(SigningProtocol p, NodeConfig config, Transport transport, PkpStore unused, String timeout) {
        p.config = config;
        p.transport = transport;
        p.timeout = timeout;
    }
}
