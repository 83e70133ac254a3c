package io.loadgrid.agent.http;

import io.loadgrid.common.metrics.FailureKind;
import io.netty.channel.ConnectTimeoutException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** Maps what a client threw to a failure kind, the same way for blocking and event-loop clients. */
public final class Failures {
    private Failures() {}

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
        }
        return FailureKind.RESET_IO;
    }
}
