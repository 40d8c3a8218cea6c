package io.sigil.engine.sandbox;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The application class loader Nashorn gets for the sandbox's engines. Nashorn asks it for Dynalink linker exporters
 * (ServiceLoader); it names exactly {@link SandboxLinker}, so only the sandbox's engines carry that linker and other
 * Nashorn users in the same JVM (benchmark peers, other applications) are unaffected. Scripts cannot load classes
 * at all ({@code --no-java} and a deny-all ClassFilter), so nothing else is served.
 */
final class SandboxClassLoader extends ClassLoader {

    private static final String EXPORTERS = "META-INF/services/jdk.dynalink.linker.GuardingDynamicLinkerExporter";
    private static final String OURS = "io/sigil/engine/sandbox/linker-exporter.txt";

    SandboxClassLoader() {
        super("sigil-sandbox", SandboxClassLoader.class.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (EXPORTERS.equals(name)) {
            URL ours = SandboxClassLoader.class.getClassLoader().getResource(OURS);
            return ours == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(ours));
        }
        return Collections.emptyEnumeration();
    }

    @Override
    public URL getResource(String name) {
        return null;
    }
}
