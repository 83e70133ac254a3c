package io.loadgrid.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client on a plain socket: the tests decide every byte sent and count every byte
 * received, which is what wire-byte accounting and malformed-request tests need.
 */
final class RawHttp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long written;
    private long read;

    RawHttp(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(15_000);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Response(int status, String statusLine, Map<String, List<String>> headers, byte[] body, long wireBytes) {

        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: test.local\r\n\r\n";
    }

    /** One request and its response; HEAD requests are recognised so no body is awaited. */
    Response exchange(String request) {
        return exchange(request.getBytes(StandardCharsets.UTF_8));
    }

    Response exchange(byte[] request) {
        send(request);
        return readResponse(startsWith(request, "HEAD "));
    }

    void send(String request) {
        send(request.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            written += bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response readResponse(boolean headRequest) {
        long before = read;
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(h.substring(colon + 1).trim());
        }
        List<String> length = headers.get("content-length");
        byte[] body;
        if (headRequest || status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (length != null) {
            body = bytes(Long.parseLong(length.get(0)));
        } else {
            body = untilEof();
        }
        return new Response(status, statusLine, headers, body, read - before);
    }

    /** True when the server closed the connection (EOF) within 5 s. */
    boolean closedByServer() {
        return closedByServer(5_000);
    }

    /** For "still open" checks: a shorter wait keeps the suite fast, a late close would still be caught next use. */
    boolean stillOpenAfter(int millis) {
        return !closedByServer(millis);
    }

    private boolean closedByServer(int millis) {
        try {
            socket.setSoTimeout(millis);
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset: closed as well
        }
    }

    long bytesWritten() {
        return written;
    }

    long bytesRead() {
        return read;
    }

    private String line() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int c = next();
            if (c == -1) {
                throw new UncheckedIOException(new IOException("connection closed mid-response after: " + b));
            }
            if (prev == '\r' && c == '\n') {
                byte[] bytes = b.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
            prev = c;
        }
    }

    private byte[] bytes(long n) {
        byte[] buf = new byte[Math.toIntExact(n)];
        int off = 0;
        try {
            while (off < n) {
                int r = in.read(buf, off, buf.length - off);
                if (r < 0) {
                    throw new IOException("EOF after " + off + " of " + n + " body bytes");
                }
                off += r;
                read += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf;
    }

    private byte[] untilEof() {
        try {
            byte[] all = in.readAllBytes();
            read += all.length;
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int next() {
        try {
            int c = in.read();
            if (c >= 0) {
                read++;
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] data, String prefix) {
        return new String(data, 0, Math.min(data.length, prefix.length()), StandardCharsets.ISO_8859_1).equals(prefix);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket cannot fail meaningfully
        }
    }
}
