package io.loadgrid.testbed.endpoints;

import io.loadgrid.testbed.echo.EchoField;
import io.loadgrid.testbed.http.Exchange;
import io.loadgrid.testbed.http.HeaderLine;
import io.loadgrid.testbed.http.Reply;
import io.loadgrid.testbed.http.RequestRouter;
import io.loadgrid.testbed.stats.TrafficCounters;
import io.netty.handler.codec.http.HttpMethod;

/** The endpoint table, plus the emulated latency every non-control reply gets. */
public final class Routes implements RequestRouter {

    private static final HeaderLine ALLOW_GET = HeaderLine.of("Allow", "GET, HEAD");
    private static final HeaderLine ALLOW_POST = HeaderLine.of("Allow", "POST");

    private final double latencyMs;
    private final StatsEndpoints stats;

    public Routes(double latencyMs, TrafficCounters counters) {
        this.latencyMs = latencyMs;
        this.stats = new StatsEndpoints(counters);
    }

    @Override
    public boolean isControl(String path) {
        return StatsEndpoints.handles(path);
    }

    @Override
    public Reply route(Exchange ex) {
        if (ex.control()) {
            return stats.route(ex);
        }
        Latency latency = Latency.of(ex.query(), latencyMs);
        if (latency.invalid()) {
            return JsonReplies.error(
                    400, "latency_ms must be a number of milliseconds between 0 and " + Latency.MAX_MS);
        }
        return endpoint(ex).delayedByMillis(latency.millis());
    }

    private Reply endpoint(Exchange ex) {
        String path = ex.path();
        HttpMethod m = ex.method();
        if (path.equals("/get")) {
            return readOnly(m) ? Echo.reply(ex, EchoField.GET) : notAllowed(ALLOW_GET);
        }
        if (path.equals("/post")) {
            return m == HttpMethod.POST ? Echo.reply(ex, EchoField.POST) : notAllowed(ALLOW_POST);
        }
        if (path.equals("/anything") || path.startsWith("/anything/")) {
            return Echo.reply(ex, EchoField.ANYTHING);
        }
        if (path.startsWith("/delay/")) {
            return DelayEndpoint.reply(ex, path.substring(7));
        }
        if (path.startsWith("/status/")) {
            return StatusEndpoint.reply(path.substring(8), ex.query());
        }
        if (path.startsWith("/bytes/")) {
            return readOnly(m) ? BytesEndpoint.reply(ex, path.substring(7)) : notAllowed(ALLOW_GET);
        }
        return JsonReplies.error(404, "Not Found");
    }

    @Override
    public Reply rejection(Exchange ex) {
        String message = switch (ex.rejectedStatus()) {
            case 413 -> "Request body larger than the server accepts";
            case 414 -> "Request line (URI) too long";
            case 431 -> "Request header fields too large";
            case 505 -> "Only HTTP/1.x is supported";
            default -> "Malformed request";
        };
        return JsonReplies.error(ex.rejectedStatus(), message);
    }

    private static boolean readOnly(HttpMethod m) {
        return m == HttpMethod.GET || m == HttpMethod.HEAD;
    }

    private Reply notAllowed(HeaderLine allow) {
        return JsonReplies.error(405, "Method Not Allowed").withHeader(allow);
    }
}
