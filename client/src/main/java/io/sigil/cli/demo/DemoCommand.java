package io.sigil.cli.demo;

import io.sigil.api.model.ActionStored;
import io.sigil.api.model.CombinedSignature;
import io.sigil.api.model.MintRequest;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.model.NodeInfo;
import io.sigil.api.model.Pkp;
import io.sigil.cli.network.DurationConverter;
import io.sigil.cli.network.LocalNetwork;
import io.sigil.cli.network.NodeBundle;
import io.sigil.client.NetworkClient;
import io.sigil.client.Wallet;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Keccak256;
import io.sigil.crypto.eth.EthAddress;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts a local network, stores the prime certifier ({@code src/actions/prime-certifier.js}), mints a PKP sealed
 * to it, has the network certify 97 (printing the verified signature and the address it recovers to) and refuse
 * 91, then stops the network (or keeps it with {@code --keep}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {"Start a local network, mint a PKP sealed to the prime certifier,",
        "certify 97 (verified signature, recovered address) and watch it refuse 91."})
public class DemoCommand implements Callable<Integer> {
    static final String ACTION = "src/actions/prime-certifier.js";

    @Option(names = "--nodes", defaultValue = "3", description = "number of nodes (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--port", defaultValue = "8080", description = "port of node 1 (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data", defaultValue = "var", description = "data directory (default ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--keep", description = "keep the network running afterwards, until Ctrl-C")
    boolean keep;

    @Option(names = "--timeout", defaultValue = "180s", converter = DurationConverter.class,
            description = "how long to wait for the network (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path home = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath().normalize();
        String code = Files.readString(home.resolve(ACTION), StandardCharsets.UTF_8);
        LocalNetwork network = new LocalNetwork(NodeBundle.locate(), data, nodes, port);
        List<NodeInfo> infos = network.startAndAwait(timeout, System.err);
        if (infos == null) {
            return 1;
        }
        for (NodeInfo info : infos) {
            out.println("node " + info.index() + " " + network.urls().get(info.index() - 1) + " identity " + info.identityAddress());
        }
        boolean ok;
        try (NetworkClient client = new NetworkClient(network.urls().get(0), Duration.ofSeconds(60))) {
            ok = run(client, code, out);
        }
        if (keep) {
            out.println("network ready (Ctrl-C stops it)");
            out.flush();
            Thread.currentThread().join();
        }
        network.stopAll();
        return ok ? 0 : 1;
    }

    private static boolean run(NetworkClient client, String code, PrintStream out) {
        ActionStored action = client.entry().uploadAction(code);
        out.println("stored the prime certifier as action " + action.ipfsId());
        Wallet owner = Wallet.random();
        Pkp pkp = client.entry().mintPkp(new MintRequest(owner.authSig(Duration.ofMinutes(10)), List.of(action.ipfsId()), true));
        out.println("minted PKP " + pkp.tokenId());
        out.println("  public key " + pkp.publicKey());
        out.println("  address    " + pkp.ethAddress() + " (sealed: only " + action.ipfsId() + " can ever sign with it)");

        NetworkExecuteResponse prime = certify(client, owner, action, pkp, 97);
        CombinedSignature sig = prime.signatures().get("prime");
        byte[] digest = Keccak256.hash("prime:97".getBytes(StandardCharsets.UTF_8));
        boolean verified = sig != null && Hex.encode(digest).equalsIgnoreCase(sig.dataSigned())
                && EcdsaSignature.fromHex(sig.signature()).verify(io.sigil.crypto.Secp256k1.decodePoint(Hex.decode(pkp.publicKey())), digest);
        String recovered = sig == null ? "none" : EthAddress.of(EcdsaSignature.fromHex(sig.signature()).recover(digest)).toString();
        out.println("97: " + prime.response());
        out.println("  signature " + (sig == null ? "none" : sig.signature()));
        out.println("  over keccak256(\"prime:97\") = " + Hex.encode(digest));
        out.println("  verifies with the PKP's key: " + verified + "; recovers to " + recovered
                + (recovered.equals(pkp.ethAddress()) ? " = the PKP's address" : " which is NOT the PKP's address"));

        NetworkExecuteResponse composite = certify(client, owner, action, pkp, 91);
        boolean refused = composite.signatures().isEmpty();
        out.println("91: " + composite.response());
        out.println("  signature " + (refused ? "none: the action refused to sign (91 = 7 x 13)" : "PRESENT (wrong!)"));
        boolean ok = verified && recovered.equals(pkp.ethAddress()) && refused;
        out.println(ok ? "demo passed" : "demo FAILED");
        return ok;
    }

    private static NetworkExecuteResponse certify(NetworkClient client, Wallet owner, ActionStored action, Pkp pkp, int n) {
        return client.execute(null, action.ipfsId(), Map.of("number", n, "publicKey", pkp.publicKey()),
                owner.authSig(Duration.ofMinutes(10)));
    }

}
