package io.loadgrid.testbed.endpoints;

import io.loadgrid.testbed.http.Exchange;
import io.loadgrid.testbed.http.HeaderLine;
import io.loadgrid.testbed.http.Reply;
import java.util.concurrent.ThreadLocalRandom;

/**
 * /bytes/{n}: n pseudo-random bytes, reproducible with {@code ?seed=}; streamed so large n costs no memory.
 * {@code ?reset_after=k} (k < n) announces n bytes, sends k and resets the connection: a response cut mid-body.
 */
final class BytesEndpoint {

    static final long MAX_BYTES = 100L << 20;

    private BytesEndpoint() {}

    static Reply reply(Exchange ex, String count) {
        long n;
        try {
            n = Long.parseLong(count);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0) {
            return JsonReplies.error(400, "byte count must be a non-negative integer, e.g. /bytes/1024");
        }
        if (n > MAX_BYTES) {
            return JsonReplies.error(413, "at most " + MAX_BYTES + " bytes (100 MiB) per request");
        }
        String seedText = QueryParam.last(ex.query(), "seed");
        long seed;
        try {
            seed = seedText == null ? ThreadLocalRandom.current().nextLong() : Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            return JsonReplies.error(400, "seed must be an integer");
        }
        String resetText = QueryParam.last(ex.query(), "reset_after");
        if (resetText == null) {
            return Reply.streamed(200, HeaderLine.OCTET_STREAM, new RandomBody(n, seed));
        }
        long k;
        try {
            k = Long.parseLong(resetText);
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (k < 0 || k >= n) {
            return JsonReplies.error(400, "reset_after must be a byte count below n, e.g. /bytes/2000?reset_after=700");
        }
        return Reply.streamed(200, HeaderLine.OCTET_STREAM, RandomBody.cut(n, seed, k));
    }
}
