package io.loadgrid.common.process;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/** Limits of this machine that a plan must fit in before any load is sent. */
public final class Limits {
    /** Descriptors the JVM itself holds (jars, epoll, pipes) beside one socket per in-flight request. */
    public static final int RESERVED_FDS = 256;

    private Limits() {}

    public static long openFileLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : Long.MAX_VALUE;
    }

    /** Each in-flight request holds a socket; with several processes each holds its share. */
    public static void checkConcurrency(int concurrency, int processes) {
        long limit = openFileLimit();
        long perProcess = (concurrency + processes - 1L) / Math.max(1, processes);
        if (perProcess + RESERVED_FDS > limit) {
            throw new IllegalArgumentException("--concurrency " + concurrency + " needs " + perProcess
                    + " sockets in one process but the open-file limit is " + limit + "; use --concurrency "
                    + Math.max(1, limit - RESERVED_FDS) + " or less, or spread it over --model multiprocess");
        }
    }
}
