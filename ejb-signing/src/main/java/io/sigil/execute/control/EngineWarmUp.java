package io.sigil.execute.control;

import io.sigil.engine.api.ActionEngine;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds and warms the action engine's pool in the background once the node is deployed. Left to the first request,
 * it made that request wait for the warm-up (half a minute on a busy two-core machine, on every participant); in the
 * background it does not delay readiness either, and a request arriving earlier simply waits for it to finish.
 */
@ApplicationScoped
public class EngineWarmUp {
    private static final Logger LOG = Logger.getLogger(EngineWarmUp.class.getName());

    @Inject ActionEngine engine;

    @Resource
    ManagedExecutorService executor;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor.execute(() -> {
            long t = System.nanoTime();
            try {
                engine.init();
                LOG.info(() -> "action engine ready in " + (System.nanoTime() - t) / 1_000_000 + " ms");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "warming the action engine up failed; the first action will try again", e);
            }
        });
    }
}
