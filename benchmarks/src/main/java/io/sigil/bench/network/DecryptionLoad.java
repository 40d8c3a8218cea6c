package io.sigil.bench.network;

import io.sigil.api.model.DecryptRequest;
import io.sigil.api.model.EncryptedData;
import io.sigil.cli.network.LocalNetwork;
import io.sigil.cli.network.NodeBundle;
import io.sigil.client.Decryptor;
import io.sigil.client.NodeConnection;
import io.sigil.client.Wallet;
import io.sigil.crypto.AesGcm;
import io.sigil.crypto.Hkdf;
import io.sigil.crypto.identity.IdentityKey;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Decryptions per second through the gateway of a local network ({@code POST /api/v1/network/decrypt}: conditions
 * checked by every node, t+1 shares with DLEQ proofs verified and combined), with p50/p99 latency, next to a plain
 * local ECDH + HKDF + AES-256-GCM decryption of the same payload in the same run.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.sigil.bench.network.DecryptionLoad [clients] [seconds] [payloadBytes] [port]</pre>
 */
public final class DecryptionLoad {

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 8280;
        byte[] payload = new byte[size];
        new SecureRandom().nextBytes(payload);

        double plainPerSecond = plainDecryption(payload, Duration.ofSeconds(5));
        LocalNetwork network = new LocalNetwork(NodeBundle.locate(), Path.of("target/bench-decrypt"), 3, port);
        if (network.startAndAwait(Duration.ofSeconds(240), System.err) == null) {
            System.exit(1);
        }
        try {
            List<URI> urls = network.urls();
            Wallet reader = Wallet.random();
            List<Object> conditions = List.of(Map.of("conditionType", "evmBasic", "contractAddress", "",
                    "standardContractType", "", "chain", "ethereum", "method", "", "parameters", List.of(":userAddress"),
                    "returnValueTest", Map.of("comparator", "=", "value", reader.address().toString())));
            EncryptedData encrypted;
            try (Decryptor decryptor = new Decryptor(urls.get(0), Duration.ofSeconds(60))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (true) {   // the network key is made by DKG a few seconds after the network is up
                    try {
                        decryptor.networkKey();
                        break;
                    } catch (RuntimeException notYet) {
                        if (System.nanoTime() > deadline) {
                            throw notYet;
                        }
                        Thread.sleep(500);
                    }
                }
                encrypted = decryptor.encrypt(payload, conditions);
            }
            run(urls, encrypted, reader, clients, Duration.ofSeconds(Math.max(5, seconds / 5))); // warm-up
            Load.Result r = run(urls, encrypted, reader, clients, Duration.ofSeconds(seconds));
            double perSecond = r.perSecond();
            System.out.printf("network: 3 nodes, %d clients, %d s, %d-byte payload: %d decryptions (%d failed), %.1f decryptions/s%n",
                    clients, seconds, size, r.ok(), r.failed(), perSecond);
            System.out.printf("latency: p50 %.1f ms, p99 %.1f ms%n", r.p50(), r.p99());
            System.out.printf("baseline: local ECDH + HKDF + AES-256-GCM decryption (one thread): %.0f decryptions/s%n", plainPerSecond);
            System.out.printf("ratio: the network decrypts at %.4f x the local rate (%.0f x slower)%n",
                    perSecond / plainPerSecond, plainPerSecond / Math.max(perSecond, 1e-9));
        } finally {
            network.stopAll();
        }
    }

    private static Load.Result run(List<URI> urls, EncryptedData encrypted, Wallet reader, int clients, Duration length)
            throws InterruptedException {
        return Load.run(clients, length, c -> {
            NodeConnection gateway = new NodeConnection(urls.get(c % urls.size()), Duration.ofSeconds(60));
            return n -> gateway.decryptThroughGateway(new DecryptRequest(encrypted.ciphertext(),
                    encrypted.dataToEncryptHash(), encrypted.accessControlConditions(), encrypted.chain(),
                    reader.authSig(Duration.ofMinutes(10)))).decryptedData() != null;
        });
    }

    /**
     * The plain local decryption of the same payload: ECDH of a recipient key with an ephemeral key, HKDF-SHA256,
     * AES-256-GCM, all per decryption, in a loop.
     */
    private static double plainDecryption(byte[] payload, Duration length) {
        SecureRandom random = new SecureRandom();
        IdentityKey key = IdentityKey.generate(random);
        IdentityKey ephemeral = IdentityKey.generate(random);
        byte[] box = AesGcm.encrypt(Hkdf.sha256(ephemeral.ecdh(key.publicKey()), null, null, 32), payload, null, random);
        long end = System.nanoTime() + length.toNanos();
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            AesGcm.decrypt(Hkdf.sha256(key.ecdh(ephemeral.publicKey()), null, null, 32), box, null);
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

}
