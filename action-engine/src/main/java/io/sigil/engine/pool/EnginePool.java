package io.sigil.engine.pool;

import io.sigil.engine.limits.Limits;
import io.sigil.engine.sandbox.SandboxEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed number of {@link Worker}s on one shared {@link SandboxEngine}. Executions borrow a worker, run and give it
 * back; a worker whose sandbox is poisoned (limit trip, stack overflow, out of memory, abandoned run) is dropped and
 * a fresh, warmed-up one is built in the background, so the pool keeps its size. A poisoned run may have stopped
 * anywhere, Nashorn's shared code included, so the replacement and every worker built after it get a new engine;
 * the workers still running on the old one keep it until they are replaced in turn.
 */
public final class EnginePool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EnginePool.class.getName());

    private final PoolSettings settings;
    private final Consumer<Worker> warmUp;
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
    private final List<Worker> all = new ArrayList<>();
    private final ExecutorService builder;
    private final AtomicLong replaced = new AtomicLong();
    /** The engine new workers are built on; replaced only on the builder thread, after a poisoned run. */
    private volatile SandboxEngine engine;
    private volatile boolean closed;

    private final Limits limits;

    public EnginePool(PoolSettings settings, Limits limits, Consumer<Worker> warmUp) {
        this.settings = settings;
        this.limits = limits;
        this.warmUp = warmUp;
        this.builder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sigil-engine-builder");
            t.setDaemon(true);
            return t;
        });
        this.engine = new SandboxEngine(settings.compiledCacheSize());
        for (int i = 0; i < settings.size(); i++) {
            idle.add(build());
        }
    }

    private Worker build() {
        Worker w = new Worker(settings, limits, engine);
        warmUp.accept(w);
        w.prepareNext();
        synchronized (all) {
            all.add(w);
        }
        return w;
    }

    /** A free worker, or {@code null} if none became free within the borrow timeout. */
    public Worker borrow() throws InterruptedException {
        return idle.poll(settings.borrowTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Returns a worker after an execution; {@code abandoned} when the caller stopped waiting for it. */
    public void release(Worker w, boolean abandoned) {
        if (abandoned) {
            w.abandon();
        }
        if (!abandoned && w.healthy() && !closed) {
            w.prepareNext();
            idle.add(w);
            return;
        }
        w.close();
        synchronized (all) {
            all.remove(w);
        }
        if (closed) {
            return;
        }
        replaced.incrementAndGet();
        SandboxEngine stale = w.sandbox().engine();
        builder.submit(() -> {
            try {
                if (stale == engine) {
                    engine = new SandboxEngine(settings.compiledCacheSize());
                }
                idle.add(build());
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "could not build a replacement action engine", e);
            }
        });
    }

    /** Workers dropped and rebuilt so far. */
    public long replacedCount() {
        return replaced.get();
    }

    public int idleCount() {
        return idle.size();
    }

    public PoolSettings settings() {
        return settings;
    }

    /** Waits until every worker is idle again (tests: the pool is back to full size). */
    public boolean awaitFull(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (idle.size() < settings.size()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        builder.shutdownNow();
        synchronized (all) {
            all.forEach(Worker::close);
            all.clear();
        }
        idle.clear();
    }
}
