package io.sigil.pkp.control;

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
 * The periodic catch-up ({@link PermissionSync#checkPeers}): shortly after start (a node that was down catches up
 * what it missed) and then every minute.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PermissionCheck {
    private static final Logger LOG = Logger.getLogger(PermissionCheck.class.getName());
    static final long PERIOD_S = 60;

    @Inject PermissionSync sync;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::tick, 10, PERIOD_S, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void tick() {
        try {
            sync.checkPeers();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the periodic permission check failed; will retry", e);
        }
    }
}
