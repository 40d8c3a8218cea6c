package io.sigil.netkey.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
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

    private volatile ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::tick, 2, PERIOD_S, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void tick() {
        try {
            if (protocol.ensure() && task != null) {
                task.cancel(false);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "making or learning the network key failed; will retry", e);
        }
    }
}
