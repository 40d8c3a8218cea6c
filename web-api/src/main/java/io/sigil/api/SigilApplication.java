package io.sigil.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * All resources live under the context root: {@code /api/v1/...} for clients, {@code /internal/v1/...} for peers.
 * Resources are {@code @ApplicationScoped}: they hold nothing but injected beans, and a request-scoped one cost a bean
 * creation on every request (0.6% of a node's CPU in the SigningLoad benchmark's JFR profile).
 */
@ApplicationPath("/")
public class SigilApplication extends Application {
}
