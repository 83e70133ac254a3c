package io.loadgrid.testbed.http;

/** Splits a request-target into path and query without decoding either (routing works on the raw path). */
record RequestTarget(String path, String query) {

    static RequestTarget parse(String uri) {
        int start = 0;
        if (!uri.startsWith("/")) {
            int scheme = uri.indexOf("://");
            if (scheme > 0) {
                int slash = uri.indexOf('/', scheme + 3);
                int q = uri.indexOf('?', scheme + 3);
                if (slash < 0 || (q >= 0 && q < slash)) {
                    return new RequestTarget("/", q >= 0 ? uri.substring(q + 1) : null);
                }
                start = slash;
            }
        }
        int q = uri.indexOf('?', start);
        if (q < 0) {
            return new RequestTarget(start == 0 ? uri : uri.substring(start), null);
        }
        return new RequestTarget(uri.substring(start, q), uri.substring(q + 1));
    }
}
