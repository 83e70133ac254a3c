package io.loadgrid.testbed.endpoints;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One query parameter of a request, the last value winning (as httpbin's Flask reads it). */
final class QueryParam {
    private QueryParam() {}

    /** The value of {@code name} in {@code query}, or null; a query that cannot hold it is not parsed at all. */
    static String last(String query, String name) {
        if (query == null || !query.contains(name)) {
            return null;
        }
        List<String> values = new QueryStringDecoder(query, StandardCharsets.UTF_8, false)
                .parameters()
                .get(name);
        return values == null || values.isEmpty() ? null : values.getLast();
    }
}
