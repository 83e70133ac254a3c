package io.loadgrid.testbed.http;

import io.netty.buffer.ByteBuf;

/** The size on a chunk-size line: hex digits, optionally followed by ";extensions" (ignored) and a CR. */
final class ChunkSize {

    private ChunkSize() {}

    /** Size of the chunk whose size line spans [from, lf), or -1 when the line is malformed. */
    static long parse(ByteBuf in, int from, int lf) {
        int end = lf > from && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        long size = 0;
        int i = from;
        for (; i < end; i++) {
            int digit = Character.digit(in.getByte(i), 16);
            if (digit < 0) {
                break;
            }
            if (size > (Long.MAX_VALUE >> 4)) {
                return -1;
            }
            size = (size << 4) | digit;
        }
        if (i == from) {
            return -1;
        }
        while (i < end && (in.getByte(i) == ' ' || in.getByte(i) == '\t')) {
            i++;
        }
        return i == end || in.getByte(i) == ';' ? size : -1;
    }
}
