package io.sigil.cli.network;

import io.sigil.api.model.NodeInfo;
import io.sigil.client.NodeConnection;
import io.sigil.client.SigilClientException;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true, description = {
        "Print each node of the local network: 'node <index> <url> ready <reachable>/<n> peers <identity address>'",
        "or 'node <index> <url> starting' or '... down'. Exits 1 unless every node is ready and sees all its peers."})
public class StatusCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "var", description = "data directory of the network (default ${DEFAULT-VALUE})")
    Path data;

    @Override
    public Integer call() throws IOException {
        Path file = data.resolve("network.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no local network in " + data.toAbsolutePath() + " (start one with: sigil network up)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        String[] urls = p.getProperty("nodes", "").split(",");
        boolean allGood = true;
        for (int i = 0; i < urls.length; i++) {
            NodeConnection c = new NodeConnection(URI.create(urls[i]), Duration.ofSeconds(2));
            String state;
            if (!c.ready()) {
                state = isListening(c) ? "starting" : "down";
                allGood = false;
            } else {
                try {
                    NodeInfo info = c.node();
                    long reachable = info.network().nodes().stream().filter(NodeInfo.Member::reachable).count();
                    state = "ready " + reachable + "/" + info.network().n() + " peers " + info.identityAddress();
                    allGood &= reachable == info.network().n();
                } catch (SigilClientException e) {
                    state = "error " + e.getMessage();
                    allGood = false;
                }
            }
            System.out.println("node " + (i + 1) + " " + urls[i] + " " + state);
        }
        return allGood ? 0 : 1;
    }

    private static boolean isListening(NodeConnection c) {
        try {
            c.node();
            return true;
        } catch (SigilClientException e) {
            return e.status() != 0;
        }
    }
}
