package io.sigil.testing;

import io.sigil.crypto.dkg.DkgParameters;
import io.sigil.crypto.dkg.DkgRound1Share;
import io.sigil.crypto.dkg.DkgSession;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.identity.IdentityKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Key material for tests: a DKG run in memory (the crypto module's state machine, no transport), wallets. */
public final class TestKeys {
    public static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() { }

    /** The n shares of one fresh key, by index (element 0 is node 1's). */
    public static List<KeyShare> dkg(int n, int t) {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        DkgParameters params = new DkgParameters(id, n, t);
        List<DkgSession> sessions = new ArrayList<>();
        List<DkgSession.Round1Output> outs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            DkgSession s = new DkgSession(params, i, RANDOM);
            sessions.add(s);
            outs.add(s.round1());
        }
        for (DkgSession s : sessions) {
            for (DkgSession.Round1Output o : outs) {
                s.receive(o.broadcast());
                DkgRound1Share share = o.shares().get(s.self());
                if (share != null) {
                    s.receive(share);
                }
            }
        }
        var echoes = sessions.stream().map(DkgSession::round2).toList();
        for (DkgSession s : sessions) {
            echoes.forEach(s::receive);
        }
        return sessions.stream().map(DkgSession::finish).toList();
    }

    public static IdentityKey wallet() {
        return IdentityKey.generate(RANDOM);
    }
}
