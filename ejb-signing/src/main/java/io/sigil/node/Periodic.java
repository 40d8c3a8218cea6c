package io.sigil.node;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node's background chore on the container's scheduler: runs after {@code initialDelayS}, then every
 * {@code periodS} seconds, until it reports it is done or {@link #stop()} is called. A failed run is logged (with
 * {@code failure}) and retried at the next period, never left to kill the schedule.
 */
public final class Periodic {
    private volatile ScheduledFuture<?> task;
    private volatile boolean done;

    private Periodic() { }

    /** @param run one run of the chore; returns true once nothing is left to do (the schedule then ends) */
    public static Periodic start(ManagedScheduledExecutorService scheduler, long initialDelayS, long periodS,
                                 Logger log, String failure, BooleanSupplier run) {
        Periodic p = new Periodic();
        p.task = scheduler.scheduleWithFixedDelay(() -> {
            if (p.done) {
                return;
            }
            try {
                if (run.getAsBoolean()) {
                    p.stop();
                }
            } catch (RuntimeException e) {
                log.log(Level.WARNING, failure + "; will retry", e);
            }
        }, initialDelayS, periodS, TimeUnit.SECONDS);
        return p;
    }

    public void stop() {
        done = true;
        if (task != null) {
            task.cancel(false);
        }
    }
}
