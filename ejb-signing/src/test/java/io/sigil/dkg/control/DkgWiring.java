package io.sigil.dkg.control;

import io.sigil.auth.AuthSigVerifier;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIdentity;
import io.sigil.peer.PeerDirectory;
import io.sigil.pkp.control.PkpStore;
import io.sigil.transport.Transport;

/** Wires the mint protocols' injection points outside the container. */
public final class DkgWiring {
    private DkgWiring() { }

    public static void wire(DkgProtocol dkg, MintOutcomes outcomes, NodeConfig config, NodeIdentity identity,
                            Transport transport, PeerDirectory directory, PkpStore store, AuthSigVerifier authSigs,
                            String timeout) {
        dkg.config = config;
        dkg.identity = identity;
        dkg.transport = transport;
        dkg.directory = directory;
        dkg.store = store;
        dkg.authSigs = authSigs;
        dkg.outcomes = outcomes;
        dkg.timeout = timeout;
        outcomes.config = config;
        outcomes.transport = transport;
        outcomes.directory = directory;
        outcomes.store = store;
    }
}
