package io.loadgrid.agent.http;

import java.util.Map;

/**
 * The exact header set every client sends. Both clients would otherwise add their own (OkHttp asks for gzip and
 * names itself), and the target echoes headers back: identical requests make bytes comparable across models.
 */
public final class RequestHeaders {
    public static final String USER_AGENT = "loadgrid/0.1";

    /** In the order they go on the wire; Host is added by each client from the URL. */
    public static final Map<String, String> COMMON =
            java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Map.of(
                    "User-Agent", USER_AGENT,
                    "Accept", "*/*",
                    "Accept-Encoding", "identity",
                    "Connection", "keep-alive")));

    private RequestHeaders() {}
}
