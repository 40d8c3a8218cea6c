package io.sigil.pkp.boundary;

import io.sigil.pkp.control.PkpStore;

/** A {@link Pkps} over a store, for the PKP look-ups actions make, outside the container. */
public final class PkpsWiring {
    private PkpsWiring() { }

    public static Pkps lookUps(PkpStore store) {
        Pkps pkps = new Pkps();
        pkps.store = store;
        return pkps;
    }
}
