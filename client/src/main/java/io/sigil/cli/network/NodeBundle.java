package io.sigil.cli.network;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the node runtime is: the Payara Micro jar and Sigil's WAR that {@code micro/} builds, found under
 * {@code sigil.home} (set by {@code bin/sigil} to the checkout) or the environment variable {@code SIGIL_HOME}.
 */
public record NodeBundle(Path payaraMicro, Path war) {

    public static NodeBundle locate() {
        String home = System.getProperty("sigil.home", System.getenv().getOrDefault("SIGIL_HOME", "."));
        Path target = Path.of(home).toAbsolutePath().normalize().resolve("micro").resolve("target");
        NodeBundle bundle = new NodeBundle(target.resolve("node").resolve("payara-micro.jar"), target.resolve("sigil.war"));
        if (!Files.isRegularFile(bundle.payaraMicro()) || !Files.isRegularFile(bundle.war())) {
            throw new IllegalStateException("the node bundle is not built (" + target
                    + "); run bin/sigil, which builds it, or: mvn -DskipTests package");
        }
        return bundle;
    }
}
