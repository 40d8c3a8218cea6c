package io.sigil.node;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops the node when the process that launched it is gone ({@code sigil.node.parent-pid}, set by
 * {@code bin/sigil network up}), so a launcher killed without a chance to clean up leaves no orphan JVMs.
 * A plain daemon thread, not a managed one: it calls {@code System.exit}, which waits for the container's own
 * shutdown, and must not be one of the container's threads while doing so.
 */
@Singleton
@Startup
public class ParentWatch {
    private static final Logger LOG = Logger.getLogger(ParentWatch.class.getName());

    @Inject @ConfigProperty(name = "sigil.node.parent-pid")
    Optional<Long> parentPid;

    @PostConstruct
    void start() {
        parentPid.ifPresent(pid -> {
            Optional<ProcessHandle> parent = ProcessHandle.of(pid);
            Thread watch = new Thread(() -> {
                parent.ifPresent(p -> p.onExit().join());
                LOG.warning(() -> "the launcher (pid " + pid + ") is gone; stopping this node");
                System.exit(0);
            }, "sigil-parent-watch");
            watch.setDaemon(true);
            watch.start();
        });
    }
}
