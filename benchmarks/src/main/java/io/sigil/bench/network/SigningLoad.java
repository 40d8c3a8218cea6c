package io.sigil.bench.network;

import io.sigil.api.model.ActionStored;
import io.sigil.api.model.AuthSig;
import io.sigil.api.model.MintRequest;
import io.sigil.api.model.NetworkExecuteRequest;
import io.sigil.api.model.Pkp;
import io.sigil.cli.network.LocalNetwork;
import io.sigil.cli.network.NodeBundle;
import io.sigil.client.NodeConnection;
import io.sigil.client.Wallet;
import io.sigil.crypto.identity.IdentityKey;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Signatures per second through the gateway of a local network, with p50/p99 latency and the CPU each node spends
 * per signature, next to plain single-key Bouncy Castle ECDSA signing in the same run.
 *
 * <pre>java [-Dsigil.bench.warm-up=SECONDS] -cp benchmarks/target/benchmarks.jar io.sigil.bench.network.SigningLoad [clients] [seconds] [nodes] [port]</pre>
 *
 * Starts its own network under {@code target/bench-network} (needs the node bundle built), mints a PKP permitted to a
 * one-line signing action, warms up, then runs {@code clients} threads that each call
 * {@code POST /api/v1/network/execute} in a loop, spreading the gateway role over the nodes. Each client signs one
 * authSig and reuses it (until 2026-12-03 it signed a new one per request, which cost each node about 6.6 ms per
 * signature more; figures from before then are not comparable).
 */
public final class SigningLoad {
    static final String ACTION = """
            const go = async () => {
              const toSign = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes(message)));
              await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: "sig" });
              Lit.Actions.setResponse({ response: "ok" });
            };
            go();
            """;

    /**
     * Load before the measured run; {@code -Dsigil.bench.warm-up=SECONDS} changes it. On a slow day 40 s leave C1
     * still compiling methods for the first time during the run (about 10 ms of JIT per signature per node on
     * 2026-12-03), which a long-running node no longer pays.
     */
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("sigil.bench.warm-up", 40));

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 8180;

        double plainBefore = plainEcdsa(Duration.ofSeconds(5));
        LocalNetwork network = new LocalNetwork(NodeBundle.locate(), Path.of("target/bench-network"), nodes, port);
        if (network.startAndAwait(Duration.ofSeconds(240), System.err) == null) {
            System.exit(1);
        }
        try {
            List<URI> urls = network.urls();
            NodeConnection first = new NodeConnection(urls.get(0), Duration.ofSeconds(60));
            ActionStored action = first.uploadAction(ACTION);
            Wallet owner = Wallet.random();
            Pkp pkp = first.mintPkp(new MintRequest(owner.authSig(Duration.ofHours(1)), List.of(action.ipfsId()), true));
            // warm-up: C1 needs about half a minute of load to compile the request path (compilations/s fall from
            // ~1000 to ~100 over the first 30 s); shorter, and the figures mostly show the JIT at work
            run(urls, action, pkp, clients, WARM_UP);
            List<Long> pids = network.nodeProcesses().stream().map(ProcessHandle::pid).toList();
            long cpuBefore = cpuMillis(network.nodeProcesses());
            Map<String, Double> threadsBefore = ThreadCpu.snapshot(pids);
            Load.Result r = run(urls, action, pkp, clients, Duration.ofSeconds(seconds));
            long cpuMs = cpuMillis(network.nodeProcesses()) - cpuBefore;
            Map<String, Double> threadsAfter = ThreadCpu.snapshot(pids);
            network.stopAll();
            // the machine's speed can drift during a run (shared cores): measure the baseline on both sides of it
            double plainAfter = plainEcdsa(Duration.ofSeconds(5));
            double plainPerSecond = (plainBefore + plainAfter) / 2;
            double perSecond = r.perSecond();
            System.out.printf("network: %d nodes, %d clients, %d s: %d signatures (%d failed), %.1f signatures/s%n",
                    nodes, clients, seconds, r.ok(), r.failed(), perSecond);
            System.out.printf("latency: p50 %.1f ms, p99 %.1f ms%n", r.p50(), r.p99());
            System.out.printf("CPU: %.2f ms per signature per node (all node JVMs, %d ms in total)%n",
                    r.ok() == 0 ? 0 : (double) cpuMs / r.ok() / nodes, cpuMs);
            ThreadCpu.print(threadsBefore, threadsAfter, cpuMs, r.ok(), nodes, "signature");
            System.out.printf("baseline: plain single-key ECDSA (Bouncy Castle, one thread): %.0f signatures/s "
                    + "(%.0f before the run, %.0f after)%n", plainPerSecond, plainBefore, plainAfter);
            System.out.printf("ratio: the network signs at %.4f x the single-key rate (%.0f x slower)%n",
                    perSecond / plainPerSecond, plainPerSecond / Math.max(perSecond, 1e-9));
        } finally {
            network.stopAll();
        }
    }

    private static Load.Result run(List<URI> urls, ActionStored action, Pkp pkp, int clients, Duration length)
            throws InterruptedException {
        return Load.run(clients, length, c -> {
            NodeConnection gateway = new NodeConnection(urls.get(c % urls.size()), Duration.ofSeconds(60));
            // each client signs in once and reuses its authSig for every request, as Lit clients do with theirs
            // until it expires; a fresh one per request would cost each node an ECDSA recovery per signature
            AuthSig authSig = Wallet.random().authSig(Duration.ofMinutes(30));
            return n -> gateway.executeThroughGateway(new NetworkExecuteRequest(null, action.ipfsId(),
                    Map.of("message", "load " + n, "publicKey", pkp.publicKey()), authSig, null))
                    .signatures().containsKey("sig");
        });
    }

    private static long cpuMillis(List<ProcessHandle> nodes) {
        return nodes.stream().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
    }

    private static double plainEcdsa(Duration length) {
        IdentityKey key = IdentityKey.generate(new SecureRandom());
        byte[] digest = new byte[32];
        long end = System.nanoTime() + length.toNanos();
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            digest[0] = (byte) count;
            key.sign(digest);
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
