package io.sigil.crypto.dkg;

import io.sigil.crypto.identity.IdentityKey;
import io.sigil.crypto.identity.PeerBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs a whole DKG in memory the way nodes would: every message goes through its wire form, and private shares
 * are sealed to the recipient's identity key. A hook may tamper with the sealed plaintext of one share.
 */
public final class DkgSimulation {

    private DkgSimulation() {
    }

    public static List<KeyShare> run(int n, int t, SecureRandom random) {
        return run(n, t, random, (from, to, share) -> share);
    }

    /** Lets a test replace the share {@code from} deals to {@code to} (return the argument to leave it). */
    public interface ShareTamper {
        DkgRound1Share apply(int from, int to, DkgRound1Share share);
    }

    public static List<KeyShare> run(int n, int t, SecureRandom random, ShareTamper tamper) {
        byte[] dkgId = new byte[32];
        random.nextBytes(dkgId);
        DkgParameters params = new DkgParameters(dkgId, n, t);
        List<IdentityKey> identities = new ArrayList<>();
        List<DkgSession> nodes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            identities.add(IdentityKey.generate(random));
            nodes.add(new DkgSession(params, i, random));
        }
        List<DkgSession.Round1Output> round1 = new ArrayList<>();
        for (DkgSession node : nodes) {
            round1.add(node.round1());
        }
        for (int i = 1; i <= n; i++) {
            byte[] broadcast = round1.get(i - 1).broadcast().toBytes();
            for (int j = 1; j <= n; j++) {
                if (j != i) {
                    nodes.get(j - 1).receive(DkgRound1.fromBytes(broadcast));
                    DkgRound1Share share = tamper.apply(i, j, round1.get(i - 1).shares().get(j));
                    byte[] aad = ("dkg/" + i + "/" + j).getBytes(StandardCharsets.US_ASCII);
                    byte[] box = PeerBox.agree(identities.get(i - 1), identities.get(j - 1).publicKey())
                            .seal(share.toBytes(), aad, random);
                    nodes.get(j - 1).receive(DkgRound1Share.fromBytes(
                            PeerBox.agree(identities.get(j - 1), identities.get(i - 1).publicKey()).open(box, aad)));
                }
            }
        }
        List<DkgRound2> echoes = new ArrayList<>();
        for (DkgSession node : nodes) {
            echoes.add(DkgRound2.fromBytes(node.round2().toBytes()));
        }
        for (DkgSession node : nodes) {
            for (DkgRound2 echo : echoes) {
                node.receive(echo);
            }
        }
        List<KeyShare> shares = new ArrayList<>();
        for (DkgSession node : nodes) {
            shares.add(KeyShare.fromBytes(node.finish().toBytes()));
        }
        return shares;
    }

    /** Replaces a share's value (for tests of the Feldman check). */
    public static UnaryOperator<DkgRound1Share> plusOne() {
        return s -> new DkgRound1Share(s.dkgId(), s.from(), s.to(), s.share().add(java.math.BigInteger.ONE)
                .mod(io.sigil.crypto.Secp256k1.Q));
    }
}
