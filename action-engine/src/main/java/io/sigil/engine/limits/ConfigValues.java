package io.sigil.engine.limits;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the duration and size notations API.md promises operators ({@code 30s}, {@code PT30S}, {@code 10MiB}). */
public final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kib|mib|gib|kb|mb|gb|k|m|g)?");

    private ConfigValues() {
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 {@code PT30S}. */
    public static Duration duration(String key, String text) {
        String t = text.trim();
        if (t.regionMatches(true, 0, "P", 0, 1)) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(key, text);
            }
        }
        Matcher m = DURATION.matcher(t.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(key, text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** Bytes, or with a {@code KiB}/{@code MiB}/{@code GiB} suffix (KB, MB, GB are read as the binary units too). */
    public static long size(String key, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(key, text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (Long.numberOfLeadingZeros(n) <= shift) {
            throw invalid(key, text);
        }
        return n << shift;
    }

    public static int count(String key, String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 0) {
                throw invalid(key, text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(key, text);
        }
    }

    private static IllegalArgumentException invalid(String key, String text) {
        return new IllegalArgumentException("invalid value for " + key + ": '" + text + "'");
    }
}
