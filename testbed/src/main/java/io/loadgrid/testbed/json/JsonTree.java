package io.loadgrid.testbed.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses a request body into plain Java values so it can be echoed back re-indented with sorted keys, as httpbin's
 * {@code json} field does. Objects become {@link TreeMap}s (sorted, last duplicate wins like Python's dict), numbers
 * keep their source text so no precision is lost, and the streaming parser keeps reflection out of the picture.
 */
public final class JsonTree {

    /** Returned by {@link #parse} when the body is not a single well-formed JSON value. */
    public static final Object INVALID = new Object();

    private static final JsonFactory FACTORY = new JsonFactory();

    /** A number token, kept verbatim. */
    public record Number(String text) {}

    private JsonTree() {}

    public static Object parse(byte[] data) {
        try (JsonParser p = FACTORY.createParser(data)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return INVALID;
            }
            Object value = read(p, first);
            return p.nextToken() == null ? value : INVALID;
        } catch (IOException | RuntimeException e) {
            return INVALID;
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> readObject(p);
            case START_ARRAY -> readArray(p);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Number(p.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected token " + t);
        };
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> map = new TreeMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            map.put(name, read(p, p.nextToken()));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("unterminated object");
        }
        return map;
    }

    private static List<Object> readArray(JsonParser p) throws IOException {
        List<Object> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("unterminated array");
            }
            list.add(read(p, t));
        }
        return list;
    }

    /** Writes a value produced by {@link #parse} (or any tree of maps, lists, strings and booleans). */
    public static void write(PrettyJsonWriter w, Object value) {
        switch (value) {
            case null -> w.nullValue();
            case String s -> w.value(s);
            case Number n -> w.rawValue(n.text());
            case Boolean b -> w.value(b);
            case Map<?, ?> map -> {
                w.beginObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    w.name(e.getKey().toString());
                    write(w, e.getValue());
                }
                w.endObject();
            }
            case List<?> list -> {
                w.beginArray();
                for (Object o : list) {
                    write(w, o);
                }
                w.endArray();
            }
            default -> w.value(value.toString());
        }
    }
}
