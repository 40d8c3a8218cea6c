package io.sigil.engine.api;

import java.util.HashMap;
import java.util.Map;

/** Shared engines for the unit tests (building and warming a pool takes a second; tests share them). */
public final class Engines {

    private Engines() {
    }

    /** Tight limits so limit tests end fast; fetch to loopback allowed only when asked. */
    public static ActionEngine tight(boolean allowPrivate, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "sigil.limits.wall-time", "2s",
                "sigil.limits.cpu-time", "1s",
                "sigil.limits.allocated-bytes", "64MiB",
                "sigil.limits.response-size", "4KiB",
                "sigil.limits.log-size", "4KiB",
                "sigil.limits.fetch-count", "5",
                "sigil.limits.sign-count", "3",
                "sigil.limits.call-depth", "2",
                "sigil.engine.pool.size", "2",
                "sigil.engine.pool.warm-up", "0"));
        config.put("sigil.fetch.allow-private", Boolean.toString(allowPrivate));
        config.put("sigil.limits.code-size", "64KiB");
        config.putAll(extra);
        return ActionEngine.standalone(config);
    }

    /**
     * Runs {@code code} and describes the outcome: {@code =response} on success, {@code !slug} (the last segment
     * of the problem type) on failure.
     */
    public static String outcome(ActionEngine engine, String code, ActionHost host) {
        try {
            return "=" + engine.execute(ExecutionRequest.of(code, null, host)).response();
        } catch (ActionFailure f) {
            String type = f.type().toString();
            return "!" + type.substring(type.lastIndexOf('/') + 1);
        }
    }
}
