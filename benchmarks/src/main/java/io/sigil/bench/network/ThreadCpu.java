package io.sigil.bench.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where node CPU goes, by thread role: per-thread user+system time of the node JVMs read from Linux's
 * {@code /proc/<pid>/task/<tid>/stat}, summed by the role the thread's name tells. A thread that ends between two
 * snapshots takes its time with it, so the roles add up to a little less than the processes' total; the difference
 * is printed as such. Empty on systems without {@code /proc}.
 */
final class ThreadCpu {
    /** Linux reports thread times in clock ticks of USER_HZ, 100 per second on every mainstream architecture. */
    private static final double MS_PER_TICK = 10;
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        // thread names as Linux keeps them: the first 15 characters
        ROLES.put("sigil-action", "action workers (JavaScript, authSig, signing rounds, sending envelopes)");
        ROLES.put("http-thread-poo", "HTTP request threads (execute requests, inbound envelopes)");
        ROLES.put("CompilerThre", "JIT compiler");
        ROLES.put("HttpClient", "outgoing HTTP (java.net.http)");
        ROLES.put("concurrent/", "managed executor threads (decryption fan-out, background work)");
        ROLES.put("Sweeper", "JIT compiler");
        ROLES.put("GC Thread", "garbage collector");
        ROLES.put("VM Thread", "JVM internal (safepoints, GC)");
    }

    private ThreadCpu() { }

    /** Milliseconds of CPU per role (see {@link #ROLES}, else "other"), summed over the live threads of {@code pids}. */
    static Map<String, Double> snapshot(List<Long> pids) {
        Map<String, Double> byRole = new TreeMap<>();
        for (long pid : pids) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                tasks.forEach(task -> {
                    try {
                        String name = Files.readString(task.resolve("comm")).trim();
                        String stat = Files.readString(task.resolve("stat"));
                        // fields after the parenthesised name: state is field 3, utime 14, stime 15
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        double ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MS_PER_TICK;
                        byRole.merge(role(name), ms, Double::sum);
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended while we looked
                    }
                });
            } catch (IOException noProc) {
                return Map.of();
            }
        }
        return byRole;
    }

    static String role(String threadName) {
        for (Map.Entry<String, String> e : ROLES.entrySet()) {
            if (threadName.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return "other (Payara, Hazelcast, timers)";
    }

    /** Prints, per role, the CPU per unit of work per node between two snapshots, largest first. */
    static void print(Map<String, Double> before, Map<String, Double> after, long totalMs, int units, int nodes,
                      String unit) {
        if (after.isEmpty() || units == 0) {
            return;
        }
        Map<String, Double> delta = new TreeMap<>();
        after.forEach((role, ms) -> delta.put(role, ms - before.getOrDefault(role, 0.0)));
        double attributed = delta.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("CPU per %s per node by thread role:%n", unit);
        delta.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %6.2f ms  %4.1f%%  %s%n", e.getValue() / units / nodes,
                        100 * e.getValue() / totalMs, e.getKey()));
        // C1 compiler threads: the JVM starts and stops them as its queue grows and shrinks (with
        // -XX:-UseDynamicNumberOfCompilerThreads this time moves to "JIT compiler")
        System.out.printf("  %6.2f ms  %4.1f%%  threads that ended during the run (mostly JIT compiler threads)%n",
                (totalMs - attributed) / units / nodes, 100 * (totalMs - attributed) / totalMs);
    }
}
