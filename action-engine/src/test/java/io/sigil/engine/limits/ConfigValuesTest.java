package io.sigil.engine.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @Test
    void durations() {
        assertEquals(Duration.ofSeconds(30), ConfigValues.duration("k", "30s"));
        assertEquals(Duration.ofSeconds(30), ConfigValues.duration("k", "PT30S"));
        assertEquals(Duration.ofSeconds(30), ConfigValues.duration("k", "pt30s"));
        assertEquals(Duration.ofMillis(500), ConfigValues.duration("k", "500ms"));
        assertEquals(Duration.ofMinutes(2), ConfigValues.duration("k", "2m"));
        assertEquals(Duration.ofSeconds(7), ConfigValues.duration("k", "7"));
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.duration("k", "soon"));
    }

    @Test
    void sizes() {
        assertEquals(256L << 20, ConfigValues.size("k", "256MiB"));
        assertEquals(100L << 10, ConfigValues.size("k", "100KiB"));
        assertEquals(100L << 10, ConfigValues.size("k", "100 kib"));
        assertEquals(1L << 30, ConfigValues.size("k", "1GiB"));
        assertEquals(12345, ConfigValues.size("k", "12345"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigValues.size("sigil.limits.code-size", "lots"));
        assertEquals("invalid value for sigil.limits.code-size: 'lots'", e.getMessage());
    }

    @Test
    void counts() {
        assertEquals(50, ConfigValues.count("k", " 50 "));
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.count("k", "-1"));
    }

    @Test
    void defaultsAreApiMd() {
        Limits d = Limits.DEFAULTS;
        assertEquals(Duration.ofSeconds(30), d.wallTime());
        assertEquals(256L << 20, d.allocatedBytes());
        assertEquals(16L << 20, d.codeSize());
        assertEquals(100L << 10, d.responseSize());
        assertEquals(50, d.fetchCount());
        assertEquals(10, d.signCount());
        assertEquals(5, d.callDepth());
        assertEquals(10L << 20, d.fetchBodySize());
    }
}
