package io.loadgrid.agent.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact header set every client sends. Both clients would otherwise add their own (OkHttp asks for gzip and
 * names itself), and the target echoes headers back: identical requests make bytes comparable across models.
 */
public final class RequestHeaders {
    public static final String USER_AGENT = "loadgrid/0.1";

    /** In the order they go on the wire; Host is added by each client from the URL. */
    public static final Map<String, String> COMMON = common();

    private RequestHeaders() {}

    private static Map<String, String> common() {
        // put one by one: Map.of's order changes from one JVM to the next
        Map<String, String> m = new LinkedHashMap<>();
        m.put("User-Agent", USER_AGENT);
        m.put("Accept", "*/*");
        m.put("Accept-Encoding", "identity");
        m.put("Connection", "keep-alive");
        return Collections.unmodifiableMap(m);
    }
}
