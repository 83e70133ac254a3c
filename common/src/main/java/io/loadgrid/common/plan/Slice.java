package io.loadgrid.common.plan;

/**
 * The item indices a driver works on: {@code first + k * stride} for k in [0, count). A count of -1 means unbounded
 * (duration runs). Strided slices keep a constant-rate schedule global when several processes share one run.
 */
public record Slice(long first, long stride, long count) {
    public Slice {
        if (stride < 1 || first < 0 || count < -1) {
            throw new IllegalArgumentException("bad slice " + first + "/" + stride + "/" + count);
        }
    }

    public static Slice of(long count) {
        return new Slice(0, 1, count);
    }

    public boolean bounded() {
        return count >= 0;
    }

    /** Part {@code part} of {@code parts} interleaved slices of this one. */
    public Slice interleave(int part, int parts) {
        long n = bounded() ? Math.max(0, (count - part + parts - 1) / parts) : -1;
        return new Slice(first + part * stride, stride * parts, n);
    }
}
