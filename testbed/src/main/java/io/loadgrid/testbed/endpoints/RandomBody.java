package io.loadgrid.testbed.endpoints;

import io.loadgrid.testbed.http.BodySource;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.SplittableRandom;

/**
 * Seeded pseudo-random bytes in fixed-size pieces. Pieces are multiples of 8 bytes so the generator consumes whole
 * longs and the byte sequence for a seed is the same however the body is split.
 */
final class RandomBody implements BodySource {

    private static final int PIECE = 64 * 1024;

    private final long length;
    private final SplittableRandom random;
    private final byte[] scratch;
    private long produced;

    /** Set when the body is cut: what is sent before the connection is reset. */
    private final long sent;

    RandomBody(long length, long seed) {
        this(length, seed, length);
    }

    private RandomBody(long length, long seed, long sent) {
        this.length = length;
        this.sent = sent;
        this.random = new SplittableRandom(seed);
        this.scratch = new byte[(int) Math.min(PIECE, sent)];
    }

    /** {@code length} bytes announced, of which only the first {@code k} are sent before a reset. */
    static RandomBody cut(long length, long seed, long k) {
        return new RandomBody(length, seed, k);
    }

    @Override
    public boolean resets() {
        return sent < length;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public ByteBuf next(ByteBufAllocator alloc) {
        int size = (int) Math.min(PIECE, sent - produced);
        if (size == 0) {
            return null;
        }
        byte[] piece = size == scratch.length ? scratch : new byte[size];
        random.nextBytes(piece);
        produced += size;
        return alloc.buffer(size).writeBytes(piece);
    }
}
