package io.sigil.dkg.control;

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
 * Every 15 seconds (first shortly after start, which covers a node that stopped mid-mint) settles the mints that are
 * prepared but undecided on this node ({@link MintOutcomes#settlePending}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MintRecovery {
    private static final Logger LOG = Logger.getLogger(MintRecovery.class.getName());
    static final long PERIOD_S = 15;

    @Inject MintOutcomes outcomes;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Periodic periodic;

    @PostConstruct
    void start() {
        periodic = Periodic.start(scheduler, 5, PERIOD_S, LOG, "settling undecided mints failed", () -> {
            outcomes.settlePending();
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
