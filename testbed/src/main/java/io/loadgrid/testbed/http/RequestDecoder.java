package io.loadgrid.testbed.http;

import io.loadgrid.testbed.net.ConnectionBytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns raw request bytes into complete {@link Exchange}s: head, then a Content-Length or chunked body held in one
 * buffer. Replaces Netty's HttpRequestDecoder plus an aggregator: a bodiless GET costs one head copy and no
 * intermediate message objects. Limits answer 414 (request line), 431 (header or trailer section), 413 (body).
 * After a rejection everything else on the connection is dropped; the responder closes it.
 */
public final class RequestDecoder extends ByteToMessageDecoder {

    private static final FastThreadLocal<byte[]> HEAD_SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[1024];
        }
    };

    private enum State {
        HEAD,
        FIXED_BODY,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        TRAILERS,
        DISCARD
    }

    private final ConnectionBytes wire;
    private final int maxBody;
    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final Predicate<String> isControl;
    private ClientAddress client;
    private State state = State.HEAD;
    private RequestHead head;
    private RequestTarget target;
    private ByteBuf body;
    private long remaining;

    public RequestDecoder(
            ConnectionBytes wire, int maxBody, int maxRequestLine, int maxHeaderBytes, Predicate<String> isControl) {
        this.wire = wire;
        this.maxBody = maxBody;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
        this.isControl = isControl;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        client = ClientAddress.of(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int before = in.readableBytes();
            State was = state;
            switch (state) {
                case HEAD -> head(ctx, in, out);
                case FIXED_BODY -> fixedBody(in, out);
                case CHUNK_SIZE -> chunkSize(in, out);
                case CHUNK_DATA -> chunkData(in);
                case CHUNK_END -> chunkEnd(in, out);
                case TRAILERS -> trailers(in, out);
                case DISCARD -> in.skipBytes(in.readableBytes());
            }
            if (state == was && in.readableBytes() == before) {
                return; // needs more bytes
            }
        }
    }

    private void head(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        while (start < end && (in.getByte(start) == '\r' || in.getByte(start) == '\n')) {
            start++; // RFC 9112 2.2: ignore empty lines before a request line
        }
        in.readerIndex(start);
        int lf = in.indexOf(start, Math.min(end, start + maxRequestLine + 1), (byte) '\n');
        if (lf < 0) {
            if (end - start > maxRequestLine) {
                reject(out, 414);
            }
            return;
        }
        int headEnd = headEnd(in, lf + 1, end);
        if (headEnd == -2) {
            reject(out, 431);
            return;
        }
        if (headEnd < 0) {
            return;
        }
        int length = headEnd - start;
        byte[] scratch = HEAD_SCRATCH.get();
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
            HEAD_SCRATCH.set(scratch);
        }
        in.getBytes(start, scratch, 0, length);
        in.readerIndex(headEnd);
        onHead(ctx, RequestHeadParser.parse(scratch, length), out);
    }

    /** Index just past the empty line ending the header section; -1 if not there yet, -2 if over the limit. */
    private int headEnd(ByteBuf in, int from, int end) {
        int limit = Math.min(end, from + maxHeaderBytes + 2);
        int line = from;
        while (true) {
            int lf = in.indexOf(line, limit, (byte) '\n');
            if (lf < 0) {
                return limit - from > maxHeaderBytes ? -2 : -1;
            }
            if (lf == line || (lf == line + 1 && in.getByte(line) == '\r')) {
                return lf + 1;
            }
            line = lf + 1;
        }
    }

    private void onHead(ChannelHandlerContext ctx, RequestHead parsed, List<Object> out) {
        head = parsed;
        target = RequestTarget.parse(parsed.uri());
        if (parsed.error() != 0) {
            reject(out, parsed.error());
            return;
        }
        if (parsed.contentLength() > maxBody) {
            reject(out, 413); // refuse before the client spends time uploading it
            return;
        }
        if (parsed.expectContinue()) {
            out.add(new ExpectContinue(isControl.test(target.path())));
        }
        if (parsed.chunked()) {
            body = ctx.alloc().buffer();
            state = State.CHUNK_SIZE;
        } else if (parsed.contentLength() > 0) {
            body = ctx.alloc().buffer((int) parsed.contentLength());
            remaining = parsed.contentLength();
            state = State.FIXED_BODY;
        } else {
            complete(out);
        }
    }

    private void fixedBody(ByteBuf in, List<Object> out) {
        int n = (int) Math.min(remaining, in.readableBytes());
        body.writeBytes(in, n);
        remaining -= n;
        if (remaining == 0) {
            complete(out);
        }
    }

    private void chunkSize(ByteBuf in, List<Object> out) {
        int lf = in.indexOf(in.readerIndex(), Math.min(in.writerIndex(), in.readerIndex() + 1024), (byte) '\n');
        if (lf < 0) {
            if (in.readableBytes() >= 1024) {
                reject(out, 400);
            }
            return;
        }
        long size = ChunkSize.parse(in, in.readerIndex(), lf);
        in.readerIndex(lf + 1);
        if (size < 0) {
            reject(out, 400);
        } else if (body.readableBytes() + size > maxBody) {
            reject(out, 413);
        } else if (size == 0) {
            state = State.TRAILERS;
            remaining = 0; // trailer bytes seen so far
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }

    private void chunkData(ByteBuf in) {
        int n = (int) Math.min(remaining, in.readableBytes());
        body.writeBytes(in, n);
        remaining -= n;
        if (remaining == 0) {
            state = State.CHUNK_END;
        }
    }

    private void chunkEnd(ByteBuf in, List<Object> out) {
        int r = in.readerIndex();
        if (in.getByte(r) == '\n') {
            in.skipBytes(1);
        } else if (in.readableBytes() < 2) {
            return;
        } else if (in.getByte(r) == '\r' && in.getByte(r + 1) == '\n') {
            in.skipBytes(2);
        } else {
            reject(out, 400);
            return;
        }
        state = State.CHUNK_SIZE;
    }

    private void trailers(ByteBuf in, List<Object> out) {
        int r = in.readerIndex();
        int lf = in.indexOf(r, in.writerIndex(), (byte) '\n');
        if (lf < 0) {
            if (remaining + in.readableBytes() > maxHeaderBytes) {
                reject(out, 431);
            }
            return;
        }
        boolean empty = lf == r || (lf == r + 1 && in.getByte(r) == '\r');
        remaining += lf + 1 - r;
        in.readerIndex(lf + 1);
        if (empty) {
            complete(out);
        } else if (remaining > maxHeaderBytes) {
            reject(out, 431); // trailer fields are accepted and ignored, within the header limit
        }
    }

    private void complete(List<Object> out) {
        out.add(new Exchange(
                head.method(),
                head.uri(),
                target,
                head.headers(),
                body,
                head.keepAlive(),
                head.http10(),
                client,
                wire.claimInbound(),
                isControl.test(target.path()),
                0));
        body = null;
        head = null;
        state = State.HEAD;
    }

    private void reject(List<Object> out, int status) {
        if (body != null) {
            body.release();
            body = null;
        }
        RequestHead h = head != null ? head : RequestHead.failed(status);
        RequestTarget t = head != null ? target : RequestTarget.parse("/");
        out.add(new Exchange(
                h.method(),
                h.uri(),
                t,
                h.headers(),
                null,
                false,
                h.http10(),
                client,
                wire.claimInbound(),
                false,
                status));
        state = State.DISCARD;
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        in.skipBytes(in.readableBytes()); // a request cut off by the client's close is not answered
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (body != null) {
            body.release();
            body = null;
        }
    }
}
