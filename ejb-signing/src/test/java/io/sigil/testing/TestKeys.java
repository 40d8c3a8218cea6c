package io.sigil.testing;

import io.sigil.crypto.dkg.DkgSimulation;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.identity.IdentityKey;
import java.security.SecureRandom;
import java.util.List;

/** Key material for tests: a DKG run in memory (the crypto module's state machine, no transport), wallets. */
public final class TestKeys {
    public static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() { }

    /** The n shares of one fresh key, by index (element 0 is node 1's). */
    public static List<KeyShare> dkg(int n, int t) {
        return DkgSimulation.run(n, t, RANDOM);
    }

    public static IdentityKey wallet() {
        return IdentityKey.generate(RANDOM);
    }
}
