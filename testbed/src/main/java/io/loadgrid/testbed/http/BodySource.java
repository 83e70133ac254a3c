package io.loadgrid.testbed.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** A response body produced piece by piece while the socket can take it, so huge bodies never sit in memory. */
public interface BodySource {

    /** Total bytes this source will produce (the Content-Length). */
    long length();

    /** The next piece, or null once {@link #length()} bytes have been produced. */
    ByteBuf next(ByteBufAllocator alloc);
}
