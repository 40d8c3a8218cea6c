package io.sigil.cli.network;

import io.sigil.api.model.NodeInfo;
import io.sigil.client.NodeConnection;
import io.sigil.client.SigilClientException;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A local network: N Payara Micro processes on consecutive ports of 127.0.0.1, each with its data directory
 * {@code <data>/node<i>} (identity, storage key, database, Payara's root directory, log). Runs in the foreground:
 * starts the nodes, waits until each is ready and reaches every peer, prints the contract lines of API.md, and
 * stops every node on Ctrl-C or SIGTERM. Each node also watches this process and stops if it disappears.
 */
public final class LocalNetwork {
    /** JVM options of each node; {@code SIGIL_NODE_JAVA_OPTS} replaces them (see the README for the measurements). */
    static final String DEFAULT_JAVA_OPTS =
            "-Xmx512m -Xss1m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final NodeBundle bundle;
    private final Path data;
    private final int nodes;
    private final int firstPort;
    private final List<Process> processes = new ArrayList<>();

    public LocalNetwork(NodeBundle bundle, Path data, int nodes, int firstPort) {
        this.bundle = bundle;
        this.data = data.toAbsolutePath().normalize();
        this.nodes = nodes;
        this.firstPort = firstPort;
    }

    public List<URI> urls() {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            urls.add(URI.create("http://127.0.0.1:" + (firstPort + i)));
        }
        return urls;
    }

    /** The node processes, in index order (for measurements and tests). */
    public List<ProcessHandle> nodeProcesses() {
        return processes.stream().map(Process::toHandle).toList();
    }

    /** Starts the network, waits for it, prints the lines, then blocks until the nodes stop. Returns the exit code. */
    public int runInForeground(Duration readyTimeout, PrintStream out, PrintStream err) throws InterruptedException {
        List<NodeInfo> infos = startAndAwait(readyTimeout, err);
        if (infos == null) {
            return 1;
        }
        for (NodeInfo info : infos) {
            out.println("node " + info.index() + " " + urls().get(info.index() - 1));
        }
        out.println("network ready");
        out.flush();
        for (int i = 0; i < processes.size(); i++) {
            int code = processes.get(i).waitFor();
            err.println("node " + (i + 1) + " exited with code " + code);
        }
        return 1; // the nodes stopped without being asked to
    }

    /**
     * Starts every node and waits until all are ready and see each other; returns their descriptions, or null
     * (after saying why on {@code err} and stopping them) if that did not happen in time. The nodes are stopped by
     * {@link #stopAll()} or when this JVM exits.
     */
    public List<NodeInfo> startAndAwait(Duration readyTimeout, PrintStream err) throws InterruptedException {
        checkPortsFree();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "sigil-network-stop"));
        long started = System.nanoTime();
        start(err);
        List<NodeInfo> infos = awaitReady(readyTimeout, err);
        if (infos == null) {
            stopAll();
            return null;
        }
        err.printf("%d nodes ready in %.1f s; Ctrl-C stops them%n", nodes, (System.nanoTime() - started) / 1e9);
        return infos;
    }

    private void start(PrintStream err) {
        String urlList = urls().stream().map(URI::toString).collect(Collectors.joining(","));
        writeNetworkFile(urlList);
        String java = ProcessHandle.current().info().command().orElse("java");
        String javaOpts = System.getenv().getOrDefault("SIGIL_NODE_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        for (int i = 1; i <= nodes; i++) {
            Path dir = data.resolve("node" + i);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir, e);
            }
            Path properties = dir.resolve("node.properties");
            Properties p = new Properties();
            p.setProperty("sigil.node.index", Integer.toString(i));
            p.setProperty("sigil.network.nodes", urlList);
            p.setProperty("sigil.data-dir", dir.toString());
            p.setProperty("sigil.node.parent-pid", Long.toString(ProcessHandle.current().pid()));
            store(p, properties);
            List<String> command = new ArrayList<>();
            command.add(java);
            for (String opt : javaOpts.trim().split("\\s+")) {
                if (!opt.isEmpty()) {
                    command.add(opt);
                }
            }
            NodeRuntime runtime = new NodeRuntime(bundle, dir, java);
            command.addAll(runtime.launchArguments(err));
            command.addAll(List.of(
                    "--port", Integer.toString(firstPort + i - 1),
                    "--nocluster",
                    "--disablephonehome",
                    "--systemproperties", properties.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("node.log").toFile());
            try {
                processes.add(pb.start()); // inherits this process's environment: SIGIL_* settings reach every node
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start node " + i, e);
            }
            int index = i;
            err.println("starting node " + index + " on port " + (firstPort + i - 1) + " (log: " + dir.resolve("node.log") + ")");
        }
    }

    /** Polls every node until it is ready and reaches all its peers; null (after saying why) on failure. */
    private List<NodeInfo> awaitReady(Duration timeout, PrintStream err) throws InterruptedException {
        List<NodeConnection> connections = urls().stream().map(u -> new NodeConnection(u, Duration.ofSeconds(2))).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive()) {
                    err.println("sigil: node " + (i + 1) + " exited during start-up; see " + data.resolve("node" + (i + 1)).resolve("node.log"));
                    return null;
                }
            }
            List<NodeInfo> infos = new ArrayList<>();
            for (NodeConnection c : connections) {
                NodeInfo info = readyInfo(c);
                if (info == null) {
                    break;
                }
                infos.add(info);
            }
            if (infos.size() == nodes) {
                return infos;
            }
            Thread.sleep(200);
        }
        err.println("sigil: the network was not ready within " + timeout.toSeconds() + " s; see the node logs under " + data);
        return null;
    }

    /** The node's description if it is ready and reaches every member, else null. */
    static NodeInfo readyInfo(NodeConnection c) {
        if (!c.ready()) {
            return null;
        }
        try {
            NodeInfo info = c.node();
            boolean seesAll = info.network().nodes().stream().allMatch(NodeInfo.Member::reachable);
            return seesAll ? info : null;
        } catch (SigilClientException e) {
            return null;
        }
    }

    private void checkPortsFree() {
        for (URI u : urls()) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), u.getPort()));
            } catch (IOException e) {
                throw new IllegalStateException("port " + u.getPort() + " is in use (is a network already up?)");
            }
        }
    }

    private void writeNetworkFile(String urlList) {
        Properties p = new Properties();
        p.setProperty("nodes", urlList);
        store(p, data.resolve("network.properties"));
    }

    private static void store(Properties p, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "written by sigil network up");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Stops every node: SIGTERM, a grace period for a clean shutdown, then SIGKILL. Idempotent. */
    public synchronized void stopAll() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Process p : processes) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
