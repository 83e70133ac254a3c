package io.loadgrid.testbed.json;

import java.util.Arrays;

/**
 * Streaming JSON writer producing exactly what Python's {@code json.dumps(obj, indent=2, ensure_ascii=True)}
 * prints (httpbin's format): two-space indent, {@code ": "} after names, empty containers as {@code {}} and
 * {@code []}, everything outside printable ASCII escaped. Callers emit keys in sorted order themselves.
 * Writes into a reusable byte array so the hot path allocates nothing once warm.
 */
public final class PrettyJsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf = new byte[1024];
    private int len;
    /** Per nesting level: whether the container has had an element yet (decides "," and the closing newline). */
    private boolean[] hasElements = new boolean[16];

    private int depth;
    private boolean afterName;

    public PrettyJsonWriter reset() {
        len = 0;
        depth = 0;
        afterName = false;
        return this;
    }

    public byte[] array() {
        return buf;
    }

    public int length() {
        return len;
    }

    public PrettyJsonWriter beginObject() {
        return open('{');
    }

    public PrettyJsonWriter endObject() {
        return close('}');
    }

    public PrettyJsonWriter beginArray() {
        return open('[');
    }

    public PrettyJsonWriter endArray() {
        return close(']');
    }

    public PrettyJsonWriter name(CharSequence name) {
        separate();
        string(name);
        ensure(2);
        buf[len++] = ':';
        buf[len++] = ' ';
        afterName = true;
        return this;
    }

    public PrettyJsonWriter value(CharSequence s) {
        if (s == null) {
            return nullValue();
        }
        beforeValue();
        string(s);
        return this;
    }

    public PrettyJsonWriter nullValue() {
        return rawValue("null");
    }

    public PrettyJsonWriter value(boolean b) {
        return rawValue(b ? "true" : "false");
    }

    public PrettyJsonWriter value(long n) {
        return rawValue(Long.toString(n));
    }

    /** A pre-validated JSON literal such as a number token copied from a parsed document. */
    public PrettyJsonWriter rawValue(String literal) {
        beforeValue();
        ascii(literal);
        return this;
    }

    /** Terminates the document with the newline Flask's jsonify appends. */
    public PrettyJsonWriter newline() {
        ensure(1);
        buf[len++] = '\n';
        return this;
    }

    private PrettyJsonWriter open(char bracket) {
        beforeValue();
        ensure(1);
        buf[len++] = (byte) bracket;
        if (++depth == hasElements.length) {
            hasElements = Arrays.copyOf(hasElements, depth * 2);
        }
        hasElements[depth] = false;
        return this;
    }

    private PrettyJsonWriter close(char bracket) {
        if (hasElements[depth--]) {
            indentLine();
        }
        ensure(1);
        buf[len++] = (byte) bracket;
        return this;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else if (depth > 0) {
            separate();
        }
    }

    private void separate() {
        if (hasElements[depth]) {
            ensure(1);
            buf[len++] = ',';
        }
        hasElements[depth] = true;
        indentLine();
    }

    private void indentLine() {
        int n = 1 + 2 * depth;
        ensure(n);
        buf[len++] = '\n';
        Arrays.fill(buf, len, len + n - 1, (byte) ' ');
        len += n - 1;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void string(CharSequence s) {
        int n = s.length();
        // invariant: room for the remaining chars unescaped plus the closing quote; escapes top it up
        ensure(n + 2);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                buf[len++] = (byte) c;
            } else {
                ensure(6 + n - i);
                escape(c);
            }
        }
        buf[len++] = '"';
    }

    private void escape(char c) {
        buf[len++] = '\\';
        switch (c) {
            case '"' -> buf[len++] = '"';
            case '\\' -> buf[len++] = '\\';
            case '\n' -> buf[len++] = 'n';
            case '\r' -> buf[len++] = 'r';
            case '\t' -> buf[len++] = 't';
            case '\b' -> buf[len++] = 'b';
            case '\f' -> buf[len++] = 'f';
            default -> {
                // UTF-16 code units map one-to-one onto Python's \\uXXXX escapes, surrogate pairs included
                buf[len++] = 'u';
                buf[len++] = HEX[(c >> 12) & 0xf];
                buf[len++] = HEX[(c >> 8) & 0xf];
                buf[len++] = HEX[(c >> 4) & 0xf];
                buf[len++] = HEX[c & 0xf];
            }
        }
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
