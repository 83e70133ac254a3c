package io.loadgrid.testbed.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The Date header HTTP requires of origin servers, formatted at most once per second across all threads. */
final class HttpDate {

    private record Cached(long second, byte[] line) {}

    // IMF-fixdate: RFC_1123_DATE_TIME would drop the leading zero of the day
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static volatile Cached cached = new Cached(-1, new byte[0]);

    private HttpDate() {}

    static byte[] line() {
        long now = System.currentTimeMillis() / 1000;
        Cached c = cached;
        if (c.second != now) {
            String date = FORMAT.format(Instant.ofEpochSecond(now));
            c = new Cached(now, ("Date: " + date + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            cached = c;
        }
        return c.line;
    }
}
