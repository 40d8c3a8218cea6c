package io.sigil.cli.network;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true, description = {
        "Start a local network in the foreground: N nodes on consecutive ports, data under DIR/node<i>.",
        "Prints 'node <index> <url>' per node and 'network ready' once every node is ready and sees its peers.",
        "Ctrl-C or SIGTERM stops every node. A second 'up' reuses the data. The environment is passed on to the",
        "nodes (e.g. SIGIL_LIMITS_WALL_TIME=5s)."})
public class UpCommand implements Callable<Integer> {

    @Option(names = "--nodes", defaultValue = "3", description = "number of nodes (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--port", defaultValue = "8080", description = "port of node 1; node i gets PORT+i-1 (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data", defaultValue = "var", description = "data directory (default ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--timeout", defaultValue = "180s", description = "how long to wait for the network to be ready (default ${DEFAULT-VALUE})",
            converter = DurationConverter.class)
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || nodes > 64) {
            throw new IllegalArgumentException("--nodes must be in 1..64");
        }
        if (port < 1 || port + nodes - 1 > 65535) {
            throw new IllegalArgumentException("--port must leave room for " + nodes + " consecutive ports");
        }
        LocalNetwork network = new LocalNetwork(NodeBundle.locate(), data, nodes, port);
        return network.runInForeground(timeout, System.out, System.err);
    }
}
