package io.sigil.api.verdict;

import io.sigil.api.model.SignedShare;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.dkg.DkgSimulation;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.ecdsa.SigningSimulation;
import io.sigil.crypto.ecdsa.SignatureShare;
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
        Map<Integer, SignedShare> out = new HashMap<>();
        SigningSimulation.shares(keys, requestId, participants, sigName, digest, random)
                .forEach((i, share) -> out.put(i, signed(share, i, sigName, digest)));
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
