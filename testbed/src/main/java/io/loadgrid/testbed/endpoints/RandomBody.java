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

    RandomBody(long length, long seed) {
        this.length = length;
        this.random = new SplittableRandom(seed);
        this.scratch = new byte[(int) Math.min(PIECE, length)];
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public ByteBuf next(ByteBufAllocator alloc) {
        int size = (int) Math.min(PIECE, length - produced);
        if (size == 0) {
            return null;
        }
        byte[] piece = size == scratch.length ? scratch : new byte[size];
        random.nextBytes(piece);
        produced += size;
        return alloc.buffer(size).writeBytes(piece);
    }
}
