package io.loadgrid.agent.http;

import java.util.concurrent.atomic.LongAdder;

/**
 * Bytes on the wire, counted at the connection: request line + headers + body up, status line + headers + body down.
 */
public final class WireCounter {
    private final LongAdder up = new LongAdder();
    private final LongAdder down = new LongAdder();

    public void sent(long bytes) {
        up.add(bytes);
    }

    public void received(long bytes) {
        down.add(bytes);
    }

    public long up() {
        return up.sum();
    }

    public long down() {
        return down.sum();
    }
}
