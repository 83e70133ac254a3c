package io.loadgrid.agent.http;

import io.loadgrid.common.metrics.FailureKind;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** Maps what a client threw to a failure kind, the same way for blocking and event-loop clients. */
public final class Failures {
    private Failures() {}

    /** The client got no connection for a request: {@code cause} as a connect failure, whatever its own type. */
    public static ConnectException connecting(Throwable cause) {
        ConnectException e = new ConnectException("no connection: " + cause.getMessage());
        e.initCause(cause);
        return e;
    }

    public static FailureKind classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException
                    || c instanceof NoRouteToHostException
                    || c instanceof UnknownHostException
                    || c instanceof ConnectTimeoutException) {
                return FailureKind.CONNECT;
            }
            if (c instanceof SocketTimeoutException
                    || c instanceof TimeoutException
                    || c instanceof InterruptedIOException
                    || c.getClass().getSimpleName().contains("Timeout")) {
                return FailureKind.TIMEOUT;
            }
            if (c instanceof HttpClosedException) {
                return FailureKind.RESET_IO;
            }
        }
        return FailureKind.RESET_IO;
    }
}
