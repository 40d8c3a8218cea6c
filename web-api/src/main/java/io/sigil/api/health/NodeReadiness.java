package io.sigil.api.health;

import io.sigil.node.NodeIdentity;
import io.sigil.storage.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the identity key is loaded and the database answers. Peers are not required: see /api/v1/node. */
@Readiness
@ApplicationScoped
public class NodeReadiness implements HealthCheck {

    @Inject NodeIdentity identity;
    @Inject Database database;

    @Override
    public HealthCheckResponse call() {
        boolean hasIdentity;
        boolean hasDatabase;
        try {
            hasIdentity = identity.ready();
            hasDatabase = database.reachable();
        } catch (RuntimeException stillStarting) { // EJBs refuse calls until the container has started them
            hasIdentity = false;
            hasDatabase = false;
        }
        return HealthCheckResponse.named("sigil-node")
                .status(hasIdentity && hasDatabase)
                .withData("identity", hasIdentity)
                .withData("database", hasDatabase)
                .build();
    }
}
