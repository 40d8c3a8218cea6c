package io.sigil.node;

import java.time.Duration;
import java.util.Locale;

/** Reads configured durations the way API.md says operators write them: {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601 {@code PT30S}. */
public final class Durations {
    private Durations() { }

    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt") || s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(s));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
    }
}
