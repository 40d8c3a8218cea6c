package io.sigil.bench.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;

/** Closed-loop load: {@code clients} threads each repeat one call until the time is up; counts and latencies. */
final class Load {
    private Load() { }

    /** Successful calls, failed calls, elapsed seconds, median and 99th-percentile latency in milliseconds. */
    record Result(int ok, int failed, double seconds, double p50, double p99) {
        double perSecond() { return ok / seconds; }
    }

    /**
     * @param call for client {@code c}, the call to repeat; it gets a sequence number and returns whether it succeeded
     *             (an exception counts as a failure)
     */
    static Result run(int clients, Duration length, IntFunction<LongPredicate> call) throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            LongPredicate client = call.apply(c);
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = client.test(sequence.incrementAndGet());
                        } catch (RuntimeException e) {
                            ok = false;
                        }
                        if (ok) {
                            latencies.add(System.nanoTime() - t0);
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + c).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(sorted.size(), failed.get(), seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
