package io.sigil.pkp.control;

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

    private Periodic periodic;

    @PostConstruct
    void start() {
        periodic = Periodic.start(scheduler, 10, PERIOD_S, LOG, "the periodic permission check failed", () -> {
            sync.checkPeers();
            return false;
        });
    }

    @PreDestroy
    void stop() {
        if (periodic != null) {
            periodic.stop();
        }
    }
}
