package io.sigil.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All resources live under the context root: {@code /api/v1/...} for clients, {@code /internal/v1/...} for peers. */
@ApplicationPath("/")
public class SigilApplication extends Application {
}
