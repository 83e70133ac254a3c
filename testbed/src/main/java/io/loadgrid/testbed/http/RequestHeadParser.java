package io.loadgrid.testbed.http;

import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;

/**
 * Parses a complete request head (request line, header fields, empty line; LF or CRLF line ends) strictly enough to
 * refuse what RFC 9112 calls invalid: bad tokens, control characters, obsolete line folding, conflicting framing.
 */
final class RequestHeadParser {

    private static final boolean[] TCHAR = new boolean[256];

    static {
        for (char c : "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private final byte[] b;
    private final int len;
    private int pos;
    private final HeaderFields headers = new HeaderFields();
    private long contentLength = -1;
    private boolean chunked;
    private String connection;
    private String expect;

    private RequestHeadParser(byte[] b, int len) {
        this.b = b;
        this.len = len;
    }

    static RequestHead parse(byte[] head, int length) {
        try {
            return new RequestHeadParser(head, length).parse();
        } catch (Malformed e) {
            return RequestHead.failed(e.status);
        }
    }

    private RequestHead parse() {
        int end = lineEnd();
        int sp1 = indexOf(' ', pos, end);
        int sp2 = sp1 < 0 ? -1 : indexOf(' ', sp1 + 1, end);
        if (sp1 <= pos || sp2 <= sp1 + 1 || !tokens(pos, sp1) || !visible(sp1 + 1, sp2)) {
            throw new Malformed(400);
        }
        HttpMethod method = sp1 - pos == 3 && b[pos] == 'G' && b[pos + 1] == 'E' && b[pos + 2] == 'T'
                ? HttpMethod.GET
                : HttpMethod.valueOf(ascii(pos, sp1));
        String uri = ascii(sp1 + 1, sp2);
        boolean http10 = version(sp2 + 1, end);
        pos = next(end);
        while ((end = lineEnd()) > pos) {
            header(end);
            pos = next(end);
        }
        if (chunked && (contentLength >= 0 || http10)) {
            throw new Malformed(400); // ambiguous framing is how requests get smuggled: refuse it
        }
        boolean keepAlive = http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close");
        boolean expectContinue = !http10 && "100-continue".equalsIgnoreCase(expect);
        return new RequestHead(method, uri, http10, headers, contentLength, chunked, keepAlive, expectContinue, 0);
    }

    /** True for HTTP/1.0; HTTP/1.x above 1.1 is served as 1.1; any other major version is 505. */
    private boolean version(int from, int to) {
        if (to - from != 8
                || b[from] != 'H'
                || b[from + 1] != 'T'
                || b[from + 2] != 'T'
                || b[from + 3] != 'P'
                || b[from + 4] != '/'
                || b[from + 6] != '.'
                || !digit(b[from + 5])
                || !digit(b[from + 7])) {
            throw new Malformed(400);
        }
        if (b[from + 5] != '1') {
            throw new Malformed(505);
        }
        return b[from + 7] == '0';
    }

    private void header(int end) {
        int colon = indexOf(':', pos, end);
        if (colon <= pos || !tokens(pos, colon)) {
            throw new Malformed(400); // also rejects obs-fold (leading whitespace) and space before the colon
        }
        int v = colon + 1;
        int e = end;
        while (v < e && (b[v] == ' ' || b[v] == '\t')) {
            v++;
        }
        while (e > v && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
            e--;
        }
        for (int i = v; i < e; i++) {
            int c = b[i] & 0xff;
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new Malformed(400);
            }
        }
        String name = ascii(pos, colon);
        String value = new String(b, v, e - v, StandardCharsets.ISO_8859_1);
        headers.add(name, value);
        framing(name, value);
    }

    private void framing(String name, String value) {
        if (name.equalsIgnoreCase("content-length")) {
            long n = parseLength(value);
            if (contentLength >= 0 && contentLength != n) {
                throw new Malformed(400);
            }
            contentLength = n;
        } else if (name.equalsIgnoreCase("transfer-encoding")) {
            int comma = value.lastIndexOf(',');
            if (chunked || !value.substring(comma + 1).trim().equalsIgnoreCase("chunked")) {
                throw new Malformed(400); // a request body must end with chunked, else its length is unknowable
            }
            chunked = true;
        } else if (name.equalsIgnoreCase("connection")) {
            connection = connection == null ? value : connection + "," + value;
        } else if (name.equalsIgnoreCase("expect")) {
            expect = value;
        }
    }

    private static long parseLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            throw new Malformed(400);
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new Malformed(400);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean hasToken(String list, String token) {
        if (list == null) {
            return false;
        }
        for (String part : list.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** End of the current line's content (before CR LF or LF). */
    private int lineEnd() {
        int lf = indexOf('\n', pos, len);
        if (lf < 0) {
            throw new Malformed(400);
        }
        return lf > pos && b[lf - 1] == '\r' ? lf - 1 : lf;
    }

    private int next(int contentEnd) {
        return b[contentEnd] == '\r' ? contentEnd + 2 : contentEnd + 1;
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean tokens(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!TCHAR[b[i] & 0xff]) {
                return false;
            }
        }
        return true;
    }

    private boolean visible(int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] <= 0x20 || b[i] == 0x7f) { // bytes >= 0x80 are negative: not ASCII, not allowed either
                return false;
            }
        }
        return true;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private String ascii(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Control flow for "answer with this status"; no stack trace, it is not an error of ours. */
    private static final class Malformed extends RuntimeException {
        final int status;

        Malformed(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }
}
