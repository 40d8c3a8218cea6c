package io.sigil.engine.pool;

import io.sigil.engine.limits.Limits;
import io.sigil.engine.sandbox.Sandbox;
import io.sigil.engine.sandbox.SandboxEngine;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pooled sandbox and the thread that runs it: executions run on this thread (with the configured stack size),
 * never on the caller's, so the caller can always stop waiting at the deadline.
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());
    private static final AtomicInteger IDS = new AtomicInteger();

    private final Sandbox sandbox;
    private final ExecutorService executor;
    private volatile Thread thread;

    Worker(PoolSettings settings, Limits limits, SandboxEngine engine) {
        int id = IDS.incrementAndGet();
        this.sandbox = new Sandbox(engine, limits);
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(null, r, "sigil-action-" + id, settings.workerStackSize());
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    private static final ThreadLocal<Worker> CURRENT = new ThreadLocal<>();

    public <T> Future<T> submit(Callable<T> task) {
        return executor.submit(() -> {
            CURRENT.set(this);
            try {
                return task.call();
            } finally {
                CURRENT.remove();
            }
        });
    }

    /** The worker whose thread is calling, or {@code null}: child actions run inline on their parent's worker. */
    public static Worker current() {
        return CURRENT.get();
    }

    /**
     * Gives up on a run that did not end at its deadline (a native call that no check can interrupt, such as a
     * catastrophic regular expression). Interrupts the thread, then stops it where the JDK still allows
     * {@code Thread.stop} (up to 19); on later JDKs the thread is left to finish alone while a new engine serves.
     */
    @SuppressWarnings({"deprecation", "removal"})
    void abandon() {
        sandbox.poison();
        executor.shutdownNow();
        Thread t = thread;
        if (t != null && t.isAlive()) {
            try {
                t.stop();
            } catch (UnsupportedOperationException e) {
                LOG.log(Level.WARNING, "an action thread could not be stopped and keeps running until its native call ends");
            }
        }
    }

    /** Queues the preparation of the next execution's global; runs before any execution submitted later. */
    void prepareNext() {
        executor.submit(() -> {
            CURRENT.set(this);
            try {
                sandbox.prepareNext();
            } catch (RuntimeException e) {
                sandbox.poison();
                LOG.log(Level.WARNING, "could not prepare a global", e);
            } finally {
                CURRENT.remove();
            }
        });
    }

    void close() {
        executor.shutdownNow();
    }

    boolean healthy() {
        return !sandbox.poisoned() && !executor.isShutdown();
    }
}
