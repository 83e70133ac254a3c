package io.loadgrid.common.workload;

import java.net.URI;
import java.net.URISyntaxException;

/** Validation shared by the URL sources: every bad URL is rejected with a message a user can act on. */
public final class Urls {
    private Urls() {}

    public static URI requireHttp(String url, String option) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " '" + url + "' is not a valid URL (" + e.getReason()
                    + "); expected e.g. http://127.0.0.1:8080/anything/{i}");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    option + " '" + url + "' must be an http:// URL with a host, e.g. http://127.0.0.1:8080");
        }
        return uri;
    }

    /** http://host:port of a URL, with the default port made explicit. */
    public static String origin(String url) {
        URI uri = requireHttp(url, "URL");
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[")
                ? "[" + uri.getHost() + "]"
                : uri.getHost();
        return "http://" + host + ":" + port;
    }

    static String stripTrailingSlash(String base) {
        requireHttp(base, "--base");
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
