package io.loadgrid.testbed.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/**
 * Serialises a {@link Reply} head straight into one buffer from pre-encoded lines. This replaces Netty's generic
 * HttpResponseEncoder on the hot path: no header map, no per-response string building, and small bodies travel in
 * the same buffer as the head so each response is a single write.
 */
final class ResponseEncoder {

    private static final byte[][] STATUS_LINES = new byte[600][];
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final short CRLF = ('\r' << 8) | '\n';

    static {
        for (int code = 100; code < STATUS_LINES.length; code++) {
            String reason = HttpResponseStatus.valueOf(code).reasonPhrase();
            STATUS_LINES[code] = ("HTTP/1.1 " + code + " " + reason + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private ResponseEncoder() {}

    /** Writes (without flushing) the head and the in-memory body; a streamed body follows separately. */
    static void write(ChannelHandlerContext ctx, Reply reply, boolean headRequest, HeaderLine connection) {
        int status = reply.status();
        boolean bodyless = status < 200 || status == 204 || status == 304;
        byte[] body = bodyless || headRequest ? null : reply.body();

        byte[] statusLine = STATUS_LINES[status];
        byte[] date = HttpDate.line();
        int size = statusLine.length
                + date.length
                + 64
                + length(reply.contentType())
                + length(reply.extraHeader())
                + length(connection)
                + (body == null ? 0 : body.length);
        ByteBuf buf = ctx.alloc().buffer(size);
        buf.writeBytes(statusLine).writeBytes(date);
        if (!bodyless) {
            if (reply.contentType() != null) {
                buf.writeBytes(reply.contentType().bytes());
            }
            buf.writeBytes(CONTENT_LENGTH);
            writeDecimal(buf, reply.contentLength());
            buf.writeShort(CRLF);
        }
        if (reply.extraHeader() != null) {
            buf.writeBytes(reply.extraHeader().bytes());
        }
        if (connection != null) {
            buf.writeBytes(connection.bytes());
        }
        buf.writeShort(CRLF);
        if (body != null) {
            buf.writeBytes(body);
        }
        ctx.write(buf, ctx.voidPromise());
    }

    private static void writeDecimal(ByteBuf buf, long n) {
        long divisor = 1;
        while (divisor <= n / 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            buf.writeByte((int) ('0' + (n / divisor) % 10));
        }
    }

    private static int length(HeaderLine line) {
        return line == null ? 0 : line.bytes().length;
    }
}
