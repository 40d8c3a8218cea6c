package io.sigil.netkey.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import io.sigil.node.Periodic;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every few seconds after start, until this node knows the network key: learn it from a peer or (lowest-index node,
 * every node reachable) make it ({@link NetworkKeyProtocol#ensure}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NetworkKeyBootstrap {
    private static final Logger LOG = Logger.getLogger(NetworkKeyBootstrap.class.getName());
    static final long PERIOD_S = 3;

    @Inject NetworkKeyProtocol protocol;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Periodic periodic;

    @PostConstruct
    void start() {
        periodic = Periodic.start(scheduler, 2, PERIOD_S, LOG, "making or learning the network key failed", () -> {
            return protocol.ensure();
        });
    }

    @PreDestroy
    void stop() {
        if (periodic != null) {
            periodic.stop();
        }
    }
}
