package io.loadgrid.testbed.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** A response body produced piece by piece while the socket can take it, so huge bodies never sit in memory. */
public interface BodySource {

    /** Total bytes this source will produce (the Content-Length). */
    long length();

    /** The next piece, or null once {@link #length()} bytes have been produced (or all of a cut body's). */
    ByteBuf next(ByteBufAllocator alloc);

    /** Whether the connection is reset when this source ends: a body cut short on purpose, before its length. */
    default boolean resets() {
        return false;
    }
}
