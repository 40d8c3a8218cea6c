package io.sigil.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for a test: {@code initdb} into {@code target/}, {@code pg_ctl start} on a free
 * port with trust authentication for user {@code sigil}, {@code pg_ctl stop} at the end. Uses the machine's
 * PostgreSQL binaries ({@code /usr/lib/postgresql/<version>/bin}, installed by {@code .ci/run}); when run as root
 * the server runs as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
final class PostgresServer implements AutoCloseable {
    final Path bin;
    final Path dir;
    final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    static PostgresServer start(Path dir) throws Exception {
        Path bin = findBin();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        boolean root = "root".equals(System.getProperty("user.name"));
        int port = LocalNetworkProcess.freePorts(1);
        PostgresServer pg = new PostgresServer(bin, dir, port, root);
        if (root) {
            run(List.of("chown", "postgres", dir.toString()));
            // every parent must be traversable by the postgres user
            for (Path p = dir.getParent(); p != null; p = p.getParent()) {
                p.toFile().setExecutable(true, false);
            }
        }
        pg.as(bin.resolve("initdb") + " -D " + dir.resolve("data") + " -A trust -U sigil");
        pg.as(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("server.log")
                + " -o \"-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1\" -w start");
        return pg;
    }

    void createDatabase(String name) throws Exception {
        as(bin.resolve("createdb") + " -h 127.0.0.1 -p " + port + " -U sigil " + name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Rows of a one-column query, through psql. */
    List<String> query(String database, String sql) throws Exception {
        Process p = new ProcessBuilder(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "sigil", "-d", database, "-At", "-c", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        List<String> rows = new ArrayList<>();
        out.lines().filter(l -> !l.isBlank()).forEach(rows::add);
        return rows;
    }

    @Override
    public void close() throws Exception {
        as(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m fast -w stop");
    }

    private void as(String command) throws Exception {
        run(asPostgresUser ? List.of("su", "postgres", "-s", "/bin/sh", "-c", command) : List.of("/bin/sh", "-c", command));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static Path findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.naturalOrder());
                if (bin.isPresent()) {
                    return bin.get();
                }
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb); .ci/run installs it");
    }
}
