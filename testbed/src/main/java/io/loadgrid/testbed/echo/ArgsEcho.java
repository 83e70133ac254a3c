package io.loadgrid.testbed.echo;

import io.loadgrid.testbed.json.JsonTree;
import io.loadgrid.testbed.json.PrettyJsonWriter;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Query or form parameters the way httpbin shows them: a repeated key becomes a list, a single one a string. */
final class ArgsEcho {

    private ArgsEcho() {}

    static void write(PrettyJsonWriter w, String query) {
        if (query == null || query.isEmpty()) {
            w.beginObject().endObject();
        } else {
            JsonTree.write(w, parse(query));
        }
    }

    static Map<String, Object> parse(String urlEncoded) {
        Map<String, List<String>> raw = new QueryStringDecoder(urlEncoded, StandardCharsets.UTF_8, false).parameters();
        Map<String, Object> sorted = new TreeMap<>();
        raw.forEach((k, v) -> sorted.put(k, v.size() == 1 ? v.get(0) : v));
        return sorted;
    }
}
