/** Benchmark commands that load a real local network over HTTP (not JMH: whole-system throughput and latency). */
package io.sigil.bench.network;
