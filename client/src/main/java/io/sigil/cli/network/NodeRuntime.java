package io.sigil.cli.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One node's Payara Micro runtime, kept in {@code <node dir>/payara} so restarts are fast. The first start
 * unpacks the runtime with Payara Micro's own launcher ({@code --outputlauncher}), deploys the WAR into the kept
 * root directory and records the JVM's class data in an AppCDS archive ({@code cds.jsa}) when the node stops;
 * later starts boot the pre-deployed application from that launcher with the archive. A different WAR, runtime or
 * JVM (see {@code runtime.stamp}) wipes the runtime directory and starts over; the node's own data (keys,
 * database) lives beside it and is never touched here.
 */
final class NodeRuntime {
    private final NodeBundle bundle;
    private final Path rootDir;
    private final Path launcher;
    private final Path archive;
    private final Path stampFile;
    private final String java;

    NodeRuntime(NodeBundle bundle, Path nodeDir, String java) {
        this.bundle = bundle;
        this.rootDir = nodeDir.resolve("payara");
        this.launcher = rootDir.resolve("launch-micro.jar");
        this.archive = nodeDir.resolve("cds.jsa");
        this.stampFile = nodeDir.resolve("runtime.stamp");
        this.java = java;
    }

    /** The arguments after the JVM options: which jar to run and whether to deploy the WAR. */
    List<String> launchArguments(PrintStream err) {
        String stamp = stamp();
        boolean current = Files.isRegularFile(launcher) && stamp.equals(readStamp());
        List<String> args = new ArrayList<>();
        if (current) {
            if (Files.isRegularFile(archive)) {
                args.add("-XX:SharedArchiveFile=" + archive);
            }
            args.addAll(List.of("-jar", launcher.toString()));
            return args;
        }
        prepare(stamp, err);
        args.add("-XX:ArchiveClassesAtExit=" + archive);
        args.addAll(List.of("-jar", launcher.toString(), "--deploy", bundle.war().toString(), "--contextroot", "/"));
        return args;
    }

    private void prepare(String stamp, PrintStream err) {
        deleteRecursively(rootDir);
        try {
            Files.deleteIfExists(archive);
            Process p = new ProcessBuilder(java, "-jar", bundle.payaraMicro().toString(),
                    "--rootdir", rootDir.toString(), "--outputlauncher")
                    .redirectErrorStream(true)
                    .redirectOutput(rootDir.resolveSibling("unpack.log").toFile())
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(launcher)) {
                p.destroyForcibly();
                throw new IllegalStateException("cannot unpack Payara Micro into " + rootDir + "; see "
                        + rootDir.resolveSibling("unpack.log"));
            }
            Files.writeString(stampFile, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + rootDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unpacking Payara Micro");
        }
    }

    /** What the kept runtime was built from: the WAR's digest, the runtime jar and the JVM. */
    private String stamp() {
        try {
            return "war=" + sha256(bundle.war()) + "\nruntime=" + bundle.payaraMicro() + ":" + Files.size(bundle.payaraMicro())
                    + "\njava=" + java + ":" + System.getProperty("java.vm.version") + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readStamp() {
        try {
            return Files.isRegularFile(stampFile) ? Files.readString(stampFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
