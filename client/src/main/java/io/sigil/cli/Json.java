package io.sigil.cli;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.util.Map;

/** JSON on stdout (indented) and JSON from arguments. */
public final class Json {
    private static final Jsonb PRETTY = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private Json() { }

    public static String pretty(Object value) {
        return PRETTY.toJson(value);
    }

    /** Parses a JSON object given on the command line; a one-line error names the option otherwise. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            Object parsed = PRETTY.fromJson(text, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonbException e) {
            // fall through to the one-line error
        }
        throw new IllegalArgumentException(option + " must be a JSON object, e.g. '{\"number\":97}'");
    }
}
