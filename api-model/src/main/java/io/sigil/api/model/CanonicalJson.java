package io.sigil.api.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of access-control conditions, whose SHA-256 is the TDH2 label (THRESHOLD.md "Decryption").
 * Node and client must produce the same bytes, so it is defined here, with its own small reader, rather than by
 * whatever a JSON library prints:
 * <ul>
 * <li>no whitespace outside strings;</li>
 * <li>object members sorted by key (Java {@code String.compareTo}, i.e. UTF-16 code units, as RFC 8785);
 *     duplicate keys are malformed;</li>
 * <li>strings: {@code "} and {@code \} escaped with a backslash, {@code \b \f \n \r \t} as such, other characters
 *     below U+0020 as backslash-u and four lowercase hex digits (lowercase hex), everything else literally, encoded as UTF-8;</li>
 * <li>numbers: their exact decimal value without trailing zeros or exponent ({@code 1.50e1} is {@code 15});</li>
 * <li>{@code true}, {@code false}, {@code null}; arrays keep their order.</li>
 * </ul>
 * Values read as {@code Map<String,Object>} (insertion-ordered), {@code List<Object>}, {@code String},
 * {@code BigDecimal}, {@code Boolean} or {@link #NULL}.
 */
public final class CanonicalJson {
    /** JSON {@code null} (Java null is never a value here). */
    public static final Object NULL = new Object() {
        @Override public String toString() { return "null"; }
    };
    private static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    private CanonicalJson(String text) {
        this.text = text;
    }

    /** Reads one JSON value; throws {@link IllegalArgumentException} naming the position if it is not JSON. */
    public static Object parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("no JSON");
        }
        CanonicalJson r = new CanonicalJson(json);
        Object v = r.value(0);
        r.ws();
        if (r.pos != json.length()) {
            throw r.error("text after the JSON value");
        }
        return v;
    }

    /** The canonical text of a value read by {@link #parse} (or built of the same types). */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** {@code write(parse(json))} as UTF-8: the bytes whose SHA-256 is the label. */
    public static byte[] canonicalBytes(String json) {
        return write(parse(json)).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Object v, StringBuilder out) {
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put((String) k, x));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(l.get(i), out);
            }
            out.append(']');
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof BigDecimal d) {
            out.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (v instanceof Number n) {
            write(new BigDecimal(n.toString()), out);
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v == NULL || v == null) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getSimpleName());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        ws();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String k = string();
            ws();
            expect(':');
            Object v = value(depth + 1);
            if (m.put(k, v) != null) {
                throw error("duplicate member \"" + k + "\"");
            }
            ws();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> l = new ArrayList<>();
        ws();
        if (peek() == ']') {
            pos++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            ws();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return l;
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("bad \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private BigDecimal number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos);
        if (s.isEmpty() || !s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            pos = start;
            throw error("expected a value");
        }
        BigDecimal d = new BigDecimal(s);
        if (Math.abs((long) d.scale()) > 1000) {
            throw error("number out of range");
        }
        return d;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected a value");
        }
        pos += word.length();
        return value;
    }

    private void ws() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos);
    }
}
