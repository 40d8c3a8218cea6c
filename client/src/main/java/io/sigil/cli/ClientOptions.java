package io.sigil.cli;

import io.sigil.client.NetworkClient;
import io.sigil.client.NodeConnection;
import io.sigil.client.Wallet;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * What every client command needs (API.md, "Command line"): which node to talk to ({@code --node}, else
 * {@code $SIGIL_NODE}, else node 1 of the local network in {@code var/}) and which wallet signs authSigs
 * ({@code --key}, else {@code ~/.sigil/wallet.json}, created on first use).
 */
public class ClientOptions {
    @Option(names = "--node", description = "node URL (default: $SIGIL_NODE, else node 1 of the local network)")
    String node;

    @Option(names = "--key", description = "wallet private key, 0x hex (default: ~/.sigil/wallet.json)")
    String key;

    @Option(names = "--timeout", defaultValue = "60s", converter = io.sigil.cli.network.DurationConverter.class,
            description = "HTTP timeout per call (default ${DEFAULT-VALUE})")
    Duration timeout;

    public URI nodeUrl() {
        if (node != null) {
            return URI.create(node);
        }
        String env = System.getenv("SIGIL_NODE");
        if (env != null && !env.isBlank()) {
            return URI.create(env.trim());
        }
        for (Path dir : new Path[] {Path.of("var"), Path.of(System.getProperty("sigil.home", ".")).resolve("var")}) {
            Path file = dir.resolve("network.properties");
            if (Files.isRegularFile(file)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file)) {
                    p.load(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return URI.create(p.getProperty("nodes", "").split(",")[0]);
            }
        }
        throw new IllegalStateException("no node to talk to: give --node URL, set SIGIL_NODE, or start a local network");
    }

    public NodeConnection connection() {
        return new NodeConnection(nodeUrl(), timeout);
    }

    public NetworkClient network() {
        return new NetworkClient(nodeUrl(), timeout);
    }

    public Wallet wallet() {
        if (key != null) {
            return Wallet.fromHex(key);
        }
        return Wallet.loadOrCreate(Path.of(System.getProperty("user.home"), ".sigil", "wallet.json"));
    }
}
