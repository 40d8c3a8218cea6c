package io.sigil.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code sigil network up} as a child process, exactly as a user runs it (the CLI jar that {@code bin/sigil}
 * runs), on free ports with its data under {@code target/networks/<name>}. Collects the launcher's stdout lines
 * and stops it with SIGTERM, as Ctrl-C would.
 */
final class LocalNetworkProcess implements AutoCloseable {
    static final Path HOME = Path.of(System.getProperty("sigil.home", "..")).toAbsolutePath().normalize();
    static final Path DATA = Path.of(System.getProperty("sigil.test.data", "target/networks")).toAbsolutePath();

    final Process launcher;
    final Path data;
    final int firstPort;
    final int nodes;
    final List<String> lines = new ArrayList<>();
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();

    private LocalNetworkProcess(Process launcher, Path data, int firstPort, int nodes) {
        this.launcher = launcher;
        this.data = data;
        this.firstPort = firstPort;
        this.nodes = nodes;
        CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    queue.add(line);
                }
            } catch (IOException ignored) {
                // the launcher went away
            }
        });
    }

    /** {@link #up} on free ports with an empty data directory: a network no other test has touched. */
    static LocalNetworkProcess fresh(String name, int nodes, Map<String, String> env, Duration timeout) throws Exception {
        Path data = DATA.resolve(name);
        if (Files.exists(data)) {
            try (java.util.stream.Stream<Path> walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return up(name, nodes, freePorts(nodes), env, timeout);
    }

    /** Starts {@code sigil network up} and waits for {@code network ready}; fails with the launcher's log otherwise. */
    static LocalNetworkProcess up(String name, int nodes, int firstPort, Map<String, String> env, Duration timeout)
            throws Exception {
        Path data = DATA.resolve(name);
        Files.createDirectories(data);
        Path err = data.resolve("launcher.err");
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Dsigil.home=" + HOME, "-jar",
                HOME.resolve("client/target/sigil-cli.jar").toString(),
                "network", "up", "--nodes", Integer.toString(nodes), "--port", Integer.toString(firstPort),
                "--data", data.toString())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        LocalNetworkProcess net = new LocalNetworkProcess(pb.start(), data, firstPort, nodes);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = net.queue.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                net.lines.add(line);
                if (line.equals("network ready")) {
                    return net;
                }
            } else if (!net.launcher.isAlive()) {
                break;
            }
        }
        net.close();
        throw new AssertionError("network " + name + " did not become ready; launcher said:\n" + Files.readString(err));
    }

    URI url(int index) {
        return URI.create("http://127.0.0.1:" + (firstPort + index - 1));
    }

    /** The node JVMs this launcher started (its child processes). */
    List<ProcessHandle> nodeProcesses() {
        return launcher.children().toList();
    }

    /** SIGTERM to the launcher (what Ctrl-C does) and wait for it to finish stopping the nodes. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = nodeProcesses();
        launcher.destroy();
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
    }

    /** A base port with {@code count} consecutive free ports on the loopback interface. */
    static int freePorts(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + (int) (Math.random() * 20000);
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p));
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new UncheckedIOException(new IOException("no free ports"));
    }

    private static String javaBin() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
