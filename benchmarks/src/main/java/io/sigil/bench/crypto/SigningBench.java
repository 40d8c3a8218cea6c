package io.sigil.bench.crypto;

import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.dkg.DkgParameters;
import io.sigil.crypto.dkg.DkgRound1;
import io.sigil.crypto.dkg.DkgRound1Share;
import io.sigil.crypto.dkg.DkgRound2;
import io.sigil.crypto.dkg.DkgSession;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.ecdsa.Round1;
import io.sigil.crypto.ecdsa.Round1Share;
import io.sigil.crypto.ecdsa.Round2;
import io.sigil.crypto.ecdsa.SessionId;
import io.sigil.crypto.ecdsa.SignatureCombiner;
import io.sigil.crypto.ecdsa.SignatureShare;
import io.sigil.crypto.ecdsa.SigningSession;
import io.sigil.crypto.ecdsa.SigningStatement;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.crypto.identity.PeerBox;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU cost of one threshold signature with 3 participants (t=1): the three GJKR rounds of every participant,
 * sealing and opening each private share as the transport does, and the client's combination and verification.
 * Baseline in the same run: one plain secp256k1 ECDSA signature (RFC 6979) with Bouncy Castle. Divide the
 * threshold figure by 3 for the CPU one node spends per signature.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SigningBench
 * java -jar benchmarks/target/benchmarks.jar SigningBench -jvmArgsAppend -XX:TieredStopAtLevel=1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigningBench {
    private final SecureRandom random = new SecureRandom();
    private List<KeyShare> keys;
    /** boxes[i][j]: node i+1's box with node j+1, agreed once as a node does. */
    private PeerBox[][] boxes;
    private IdentityKey single;
    private byte[] digest;

    @Setup
    public void setUp() {
        int n = 3;
        byte[] dkgId = new byte[32];
        random.nextBytes(dkgId);
        DkgParameters params = new DkgParameters(dkgId, n, 1);
        List<DkgSession> nodes = new ArrayList<>();
        List<IdentityKey> identities = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            nodes.add(new DkgSession(params, i, random));
            identities.add(IdentityKey.generate(random));
        }
        boxes = new PeerBox[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    boxes[i][j] = PeerBox.agree(identities.get(i), identities.get(j).publicKey());
                }
            }
        }
        List<DkgSession.Round1Output> round1 = new ArrayList<>();
        nodes.forEach(node -> round1.add(node.round1()));
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                if (i != j) {
                    nodes.get(j - 1).receive(DkgRound1.fromBytes(round1.get(i - 1).broadcast().toBytes()));
                    nodes.get(j - 1).receive(DkgRound1Share.fromBytes(round1.get(i - 1).shares().get(j).toBytes()));
                }
            }
        }
        List<DkgRound2> echoes = new ArrayList<>();
        nodes.forEach(node -> echoes.add(node.round2()));
        nodes.forEach(node -> echoes.forEach(node::receive));
        keys = new ArrayList<>();
        nodes.forEach(node -> keys.add(node.finish()));
        single = IdentityKey.generate(random);
        digest = new byte[32];
        random.nextBytes(digest);
    }

    @Benchmark
    public EcdsaSignature plainEcdsaSignature() {
        return single.sign(digest);
    }

    @Benchmark
    public EcdsaSignature thresholdSignature3Nodes() {
        byte[] requestId = new byte[16];
        random.nextBytes(requestId);
        KeyShare any = keys.get(0);
        List<Integer> participants = List.of(1, 2, 3);
        SigningStatement statement = new SigningStatement(
                SessionId.derive(requestId, any.keyId(), "sig", digest), any.keyId(), digest, participants);
        List<SigningSession> sessions = new ArrayList<>();
        for (KeyShare k : keys) {
            sessions.add(new SigningSession(k, statement, random));
        }
        List<SigningSession.Round1Output> r1 = new ArrayList<>();
        sessions.forEach(s -> r1.add(s.round1()));
        byte[] aad = requestId;
        for (int i = 1; i <= 3; i++) {
            byte[] broadcast = r1.get(i - 1).broadcast().toBytes();
            for (int j = 1; j <= 3; j++) {
                if (i != j) {
                    sessions.get(j - 1).receive(Round1.fromBytes(broadcast));
                    byte[] box = boxes[i - 1][j - 1].seal(r1.get(i - 1).shares().get(j).toBytes(), aad, random);
                    sessions.get(j - 1).receive(Round1Share.fromBytes(boxes[j - 1][i - 1].open(box, aad)));
                }
            }
        }
        List<byte[]> r2 = new ArrayList<>();
        sessions.forEach(s -> r2.add(s.round2().toBytes()));
        for (int i = 1; i <= 3; i++) {
            for (int j = 1; j <= 3; j++) {
                if (i != j) {
                    sessions.get(j - 1).receive(Round2.fromBytes(r2.get(i - 1)));
                }
            }
        }
        List<SignatureShare> shares = new ArrayList<>();
        sessions.forEach(s -> shares.add(SignatureShare.fromBytes(s.round3().toBytes())));
        return SignatureCombiner.combine(any.publicKey(), digest, shares);
    }
}
