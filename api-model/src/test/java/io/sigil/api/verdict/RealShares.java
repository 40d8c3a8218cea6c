package io.sigil.api.verdict;

import io.sigil.api.model.SignedShare;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.dkg.DkgSimulation;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.ecdsa.Round2;
import io.sigil.crypto.ecdsa.SessionId;
import io.sigil.crypto.ecdsa.SignatureShare;
import io.sigil.crypto.ecdsa.SigningSession;
import io.sigil.crypto.ecdsa.SigningStatement;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;

/** A PKP made by a real in-memory DKG, and each participant's genuine signature share from the three signing rounds. */
final class RealShares {
    private final SecureRandom random = new SecureRandom();
    private final List<KeyShare> keys = new ArrayList<>();

    RealShares(int n, int t) {
        keys.addAll(DkgSimulation.run(n, t, random));
    }

    ECPoint publicKey() {
        return keys.get(0).publicKey();
    }

    /** Each participant's share of {@code sigName} over {@code digest} for the request, by node index. */
    Map<Integer, SignedShare> sign(byte[] requestId, List<Integer> participants, String sigName, byte[] digest) {
        KeyShare any = keys.get(0);
        SigningStatement statement = new SigningStatement(SessionId.derive(requestId, any.keyId(), sigName, digest),
                any.keyId(), digest, participants);
        Map<Integer, SigningSession> sessions = new HashMap<>();
        participants.forEach(i -> sessions.put(i, new SigningSession(keys.get(i - 1), statement, random)));
        Map<Integer, SigningSession.Round1Output> r1 = new HashMap<>();
        sessions.forEach((i, s) -> r1.put(i, s.round1()));
        for (int i : participants) {
            for (int j : participants) {
                if (i != j) {
                    sessions.get(j).receive(r1.get(i).broadcast());
                    sessions.get(j).receive(r1.get(i).shares().get(j));
                }
            }
        }
        Map<Integer, Round2> r2 = new HashMap<>();
        sessions.forEach((i, s) -> r2.put(i, s.round2()));
        for (int i : participants) {
            for (int j : participants) {
                if (i != j) {
                    sessions.get(j).receive(r2.get(i));
                }
            }
        }
        Map<Integer, SignedShare> out = new HashMap<>();
        sessions.forEach((i, s) -> out.put(i, signed(s.round3(), i, sigName, digest)));
        return out;
    }

    /** The same share with {@code s} off by one: what a lying node would send. */
    static SignedShare lie(SignedShare share) {
        BigInteger s = new BigInteger(1, Hex.decode(share.signatureShare(), 32)).add(BigInteger.ONE).mod(Secp256k1.Q);
        return new SignedShare(share.sigType(), share.dataSigned(), Hex.encode(Secp256k1.toBytes32(s)),
                share.shareIndex(), share.bigR(), share.publicKey(), share.sigName());
    }

    private SignedShare signed(SignatureShare share, int index, String sigName, byte[] digest) {
        return new SignedShare(SignedShare.K256, Hex.encode(digest), Hex.encode(Secp256k1.toBytes32(share.s())), index,
                Hex.encode(share.bigR().getEncoded(true)), Hex.encode(Secp256k1.encode(publicKey())), sigName);
    }
}
