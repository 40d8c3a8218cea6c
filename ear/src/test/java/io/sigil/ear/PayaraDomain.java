package io.sigil.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throw-away Payara Server domain driven through {@code asadmin}: created under the build directory on a port
 * base whose ports are free, started, and stopped by {@link #close()} (killed if it will not stop), so that no
 * server JVM outlives the test, even when the test fails or the test JVM is shut down.
 */
final class PayaraDomain implements AutoCloseable {
    static final String NAME = "sigiltest";
    /** The ports a domain takes relative to its port base (asadmin create-domain --help, --portbase). */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};
    private static final Duration QUICK = Duration.ofSeconds(60);
    private static final Duration SLOW = Duration.ofSeconds(180);

    private final Path home;
    private final Path domainDir;
    private final Path log;
    private final int portBase;
    private final Thread shutdownHook = new Thread(this::stop, "stop " + NAME);
    private boolean running;

    private PayaraDomain(Path home, Path domainDir, Path log, int portBase) {
        this.home = home;
        this.domainDir = domainDir;
        this.log = log;
        this.portBase = portBase;
    }

    /** Creates a fresh domain in {@code workDir}/domains and starts it. */
    static PayaraDomain start(Path home, Path workDir) throws IOException {
        Path domainDir = workDir.resolve("domains");
        Path log = workDir.resolve("asadmin.log");
        Files.createDirectories(workDir);
        PayaraDomain domain = new PayaraDomain(home, domainDir, log, freePortBase());
        if (Files.isDirectory(domainDir.resolve(NAME))) {
            // left behind by an interrupted run: make sure its server is gone before replacing it
            domain.asadminQuietly(QUICK, "stop-domain", "--kill=true", "--domaindir", domainDir.toString(), NAME);
            deleteRecursively(domainDir);
        }
        domain.asadmin(SLOW, "create-domain", "--domaindir", domainDir.toString(),
                "--portbase", String.valueOf(domain.portBase), "--nopassword=true", NAME);
        Runtime.getRuntime().addShutdownHook(domain.shutdownHook);
        domain.running = true;
        try {
            domain.asadmin(SLOW, "start-domain", "--domaindir", domainDir.toString(), NAME);
        } catch (RuntimeException | Error e) {
            domain.close();
            throw e;
        }
        return domain;
    }

    int httpPort() { return portBase + 80; }
    int adminPort() { return portBase + 48; }
    Path serverLog() { return domainDir.resolve(NAME).resolve("logs").resolve("server.log"); }

    /** Sets server system properties; the running server applies them at once, before anything is deployed. */
    void setSystemProperties(Map<String, String> properties) {
        String joined = properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + escape(e.getValue()))
                .collect(Collectors.joining(":"));
        remote(QUICK, "create-system-properties", joined);
    }

    /** Deploys an archive; the EAR's own application.xml sets the context root. */
    void deploy(Path archive, String name) {
        remote(SLOW, "deploy", "--name", name, archive.toString());
    }

    /** Stops the server; kills it if it does not stop. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the domain stopped
        }
    }

    private synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (!asadminQuietly(QUICK, "stop-domain", "--domaindir", domainDir.toString(), NAME)) {
            asadminQuietly(QUICK, "stop-domain", "--kill=true", "--domaindir", domainDir.toString(), NAME);
        }
    }

    private void remote(Duration timeout, String... command) {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(adminPort())));
        args.addAll(List.of(command));
        asadmin(timeout, args.toArray(String[]::new));
    }

    private void asadmin(Duration timeout, String... command) {
        if (!asadminQuietly(timeout, command)) {
            throw new AssertionError("asadmin " + String.join(" ", command) + " failed; see " + log + ":\n" + tail(log));
        }
    }

    /** Runs asadmin with the JDK running the tests; output goes to the log file, never to a pipe we must drain. */
    private boolean asadminQuietly(Duration timeout, String... command) {
        List<String> cmd = new ArrayList<>(List.of("sh", home.resolve("bin").resolve("asadmin").toString(),
                "--interactive=false"));
        cmd.addAll(List.of(command));
        try {
            Files.writeString(log, "$ asadmin " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("AS_JAVA", System.getProperty("java.home"));
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Colons separate properties in create-system-properties, so colons inside values are escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:");
    }

    /** A port base in 20000-39900 whose ports are all free now (the 8080s stay free for people). */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(200, 400);
            boolean free = true;
            for (int offset : PORT_OFFSETS) {
                free &= isFree(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base found for Payara Server");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ")";
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
