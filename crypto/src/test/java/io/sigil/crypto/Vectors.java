package io.sigil.crypto;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/** Loads known-answer vectors from {@code src/test/resources/vectors/*.json} with JSON-B. */
public final class Vectors {

    private Vectors() {
    }

    public static <T> T load(String name, Type type) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name);
             Jsonb jsonb = JsonbBuilder.create()) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + name);
            }
            return jsonb.fromJson(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
