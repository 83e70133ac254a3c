package io.loadgrid.testbed.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrettyJsonWriterTest {

    private static String render(Object value) {
        PrettyJsonWriter w = new PrettyJsonWriter();
        JsonTree.write(w, value);
        return new String(w.array(), 0, w.length(), StandardCharsets.US_ASCII);
    }

    @Test
    void matchesPythonIndent2Layout() {
        Object tree = JsonTree.parse(
                "{\"b\":[1,{},[],{\"y\":null,\"x\":true}],\"a\":{\"c\":\"d\"}}".getBytes(StandardCharsets.UTF_8));

        assertThat(render(tree)).isEqualTo("""
                {
                  "a": {
                    "c": "d"
                  },
                  "b": [
                    1,
                    {},
                    [],
                    {
                      "x": true,
                      "y": null
                    }
                  ]
                }""");
    }

    @Test
    void escapesLikeEnsureAscii() {
        assertThat(render("q\"b\\n\n\t\u0001é😀\u007f"))
                .isEqualTo("\"q\\\"b\\\\n\\n\\t\\u0001\\u00e9\\ud83d\\ude00\\u007f\"");
    }

    @Test
    void longStringsFullOfEscapesGrowTheBufferSafely() {
        String nasty = "a\u0001\"".repeat(3000);
        String expected = "\"" + "a\\u0001\\\"".repeat(3000) + "\"";
        assertThat(render(nasty)).isEqualTo(expected);
    }

    @Test
    void parseRejectsAnythingButOneValue() {
        assertThat(JsonTree.parse("{} {}".getBytes(StandardCharsets.UTF_8))).isSameAs(JsonTree.INVALID);
        assertThat(JsonTree.parse("{\"a\":".getBytes(StandardCharsets.UTF_8))).isSameAs(JsonTree.INVALID);
        assertThat(JsonTree.parse("".getBytes(StandardCharsets.UTF_8))).isSameAs(JsonTree.INVALID);
        assertThat(JsonTree.parse(" 12.50 ".getBytes(StandardCharsets.UTF_8))).isEqualTo(new JsonTree.Number("12.50"));
        assertThat(JsonTree.parse("null".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void reusedWriterStartsClean() {
        PrettyJsonWriter w = new PrettyJsonWriter();
        w.beginObject().name("a").beginArray();
        w.reset().beginArray().endArray();
        assertThat(new String(w.array(), 0, w.length(), StandardCharsets.US_ASCII))
                .isEqualTo("[]");
    }
}
