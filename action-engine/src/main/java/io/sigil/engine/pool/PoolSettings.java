package io.sigil.engine.pool;

import java.time.Duration;

/**
 * How the engine pool is sized ({@code sigil.engine.pool.*}).
 *
 * @param size              engines (each with its own worker thread)
 * @param warmUp            runs of the built-in warm-up action on every new engine before it serves
 * @param borrowTimeout     how long an execution waits for a free engine before {@code EngineBusy}
 * @param workerStackSize   stack of each worker thread in bytes: bounds script recursion
 * @param compiledCacheSize compiled scripts each engine keeps (by CID)
 */
public record PoolSettings(int size, int warmUp, Duration borrowTimeout, long workerStackSize,
                           int compiledCacheSize) {

    public PoolSettings {
        if (size < 1 || warmUp < 0 || compiledCacheSize < 1 || workerStackSize < (256 << 10)) {
            throw new IllegalArgumentException("invalid pool settings");
        }
    }
}
