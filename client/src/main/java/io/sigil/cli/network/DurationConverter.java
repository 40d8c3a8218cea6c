package io.sigil.cli.network;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601 {@code PT30S}. */
public class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase();
        if (v.startsWith("pt")) {
            return Duration.parse(v.toUpperCase());
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        throw new IllegalArgumentException("not a duration: " + value + " (use 30s, 500ms, 2m or PT30S)");
    }
}
