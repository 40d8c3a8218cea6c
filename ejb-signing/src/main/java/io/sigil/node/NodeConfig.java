package io.sigil.node;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's place in the network, from MicroProfile Config (system properties, environment such as
 * {@code SIGIL_NODE_INDEX}, or a properties file given to Payara Micro with {@code --systemproperties}).
 * The defaults describe node 1 of a one-node network with its data under {@code ./var/node1}.
 */
@ApplicationScoped
public class NodeConfig {
    private static final Logger LOG = Logger.getLogger(NodeConfig.class.getName());

    @Inject @ConfigProperty(name = "sigil.node.index", defaultValue = "1")
    int index;

    @Inject @ConfigProperty(name = "sigil.network.nodes", defaultValue = "http://127.0.0.1:8080")
    List<String> nodeUrls;

    @Inject @ConfigProperty(name = "sigil.network.t")
    Optional<Integer> threshold;

    @Inject @ConfigProperty(name = "sigil.data-dir", defaultValue = "var/node1")
    String dataDir;

    private Network network;
    private NodeIndex self;

    public NodeConfig() { }

    /** For tests and tools outside a container. */
    public NodeConfig(int index, List<String> nodeUrls, Optional<Integer> threshold, String dataDir) {
        this.index = index;
        this.nodeUrls = nodeUrls;
        this.threshold = threshold;
        this.dataDir = dataDir;
        init();
    }

    @PostConstruct
    void init() {
        network = Network.of(nodeUrls, threshold);
        if (!network.isMember(index)) {
            throw new IllegalStateException("sigil.node.index=" + index + " is not in 1.." + network.n());
        }
        self = NodeIndex.of(index);
        LOG.info(() -> "node " + index + " of " + network.n() + " (t=" + network.t() + "), data in " + dataDirectory());
    }

    public NodeIndex self() { return self; }
    public Network network() { return network; }
    public Path dataDirectory() { return Path.of(dataDir).toAbsolutePath().normalize(); }
}
