/**
 * The engines: {@link io.sigil.engine.pool.EnginePool} keeps a fixed number of warmed-up
 * {@link io.sigil.engine.pool.Worker}s (one Nashorn engine and one worker thread with a set stack size each) and
 * replaces any whose engine was poisoned or abandoned.
 */
package io.sigil.engine.pool;
