package io.sigil.pkp.control;

import io.sigil.storage.SecretSealer;
import jakarta.persistence.EntityManager;

/** Wires a store's injection points outside the container (they are package-private, as STYLE.md suggests). */
public final class Stores {
    private Stores() { }

    public static void wire(PkpStore store, EntityManager em, SecretSealer sealer) {
        store.em = em;
        store.sealer = sealer;
    }

    public static void wire(PermissionSync sync, io.sigil.node.NodeConfig config, io.sigil.transport.Transport transport,
                            PkpStore store) {
        sync.config = config;
        sync.transport = transport;
        sync.store = store;
    }
}
