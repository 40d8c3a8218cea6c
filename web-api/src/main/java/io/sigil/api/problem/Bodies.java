package io.sigil.api.problem;

import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies with a size cap before parsing, so an oversized body is a 413 and never buffered whole,
 * and malformed JSON is a 400 that names the body rather than echoing the parser's message.
 */
public final class Bodies {
    static final Jsonb JSONB = JsonbBuilder.create();
    /** Looked up once: {@code Json.createReader} looks the provider up through the ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Bodies() { }

    public static byte[] read(InputStream in, int maxBytes) {
        try {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new SigilException(ProblemType.PAYLOAD_TOO_LARGE,
                        "the request body exceeds " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /**
     * Reads a JSON body into {@code type}. Each of {@code objectFields} must be a JSON object (or absent or null):
     * a 400 names the field, where binding alone would only say the body has the wrong shape.
     */
    public static <T> T readJson(InputStream in, int maxBytes, Class<T> type, String... objectFields) {
        byte[] bytes = read(in, maxBytes);
        if (bytes.length == 0) {
            throw SigilException.malformed("body", "a JSON body is required");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (objectFields.length > 0) {
            requireObjects(text, objectFields);
        }
        try {
            T value = JSONB.fromJson(text, type);
            if (value == null) {
                throw SigilException.malformed("body", "a JSON object is required");
            }
            return value;
        } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
            throw SigilException.malformed("body", "is not valid JSON of the expected shape");
        }
    }

    private static void requireObjects(String text, String... fields) {
        JsonValue value;
        try (JsonReader r = JSON.createReader(new StringReader(text))) {
            value = r.readValue();
        } catch (JsonException e) {
            throw SigilException.malformed("body", "is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw SigilException.malformed("body", "a JSON object is required");
        }
        for (String field : fields) {
            JsonValue v = value.asJsonObject().get(field);
            if (v != null && v.getValueType() != JsonValue.ValueType.NULL && v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw SigilException.malformed(field, "must be a JSON object");
            }
        }
    }
}
