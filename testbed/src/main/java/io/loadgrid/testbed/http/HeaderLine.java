package io.loadgrid.testbed.http;

import java.nio.charset.StandardCharsets;

/** A response header encoded once ({@code "Name: value\r\n"}), so the hot path copies bytes instead of chars. */
public final class HeaderLine {

    public static final HeaderLine JSON = of("Content-Type", "application/json");
    public static final HeaderLine OCTET_STREAM = of("Content-Type", "application/octet-stream");
    static final HeaderLine CONNECTION_CLOSE = of("Connection", "close");
    static final HeaderLine CONNECTION_KEEP_ALIVE = of("Connection", "keep-alive");

    private final byte[] bytes;

    private HeaderLine(byte[] bytes) {
        this.bytes = bytes;
    }

    public static HeaderLine of(String name, String value) {
        return new HeaderLine((name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    byte[] bytes() {
        return bytes;
    }
}
