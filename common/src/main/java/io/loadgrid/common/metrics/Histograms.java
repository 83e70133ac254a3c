package io.loadgrid.common.metrics;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** One histogram shape for every latency in loadgrid, and its wire encoding for merging across processes. */
public final class Histograms {
    /** One hour in microseconds: anything slower is a timeout anyway. */
    public static final long HIGHEST_US = 3_600_000_000L;

    public static final int DIGITS = 3;

    private Histograms() {}

    /**
     * A latency in microseconds as every histogram records it: at least 1, and a latency above the highest trackable
     * value recorded as that value (so the item still counts once, as what it was), never thrown out.
     */
    public static long recordable(long us) {
        return Math.max(1, Math.min(HIGHEST_US, us));
    }

    public static Histogram newLatency() {
        return new Histogram(1, HIGHEST_US, DIGITS);
    }

    /**
     * The same shape, holding only the range its values reach (it grows as they do): 66 kB for latencies up to 100 ms
     * where the full range takes 189 kB, and a record is an array increment, where a packed histogram walks its index.
     */
    public static Histogram newGrowing() {
        return new Histogram(DIGITS);
    }

    public static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int len = h.encodeIntoCompressedByteBuffer(buf);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), len));
    }

    public static Histogram decode(String base64) {
        Histogram out = newLatency();
        addEncoded(out, base64);
        return out;
    }

    /**
     * Adds an encoded histogram into {@code into} as it was encoded, without the full-range copy {@link #decode}
     * makes: summing a long run's thousands of chunks through copies took a second.
     */
    public static void addEncoded(Histogram into, String base64) {
        try {
            into.add(Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 1));
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt encoded histogram", e);
        }
    }
}
