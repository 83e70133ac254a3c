package io.loadgrid.agent.feed;

import io.loadgrid.common.plan.Chunk;

/** How far the items of one started chunk have been handed out. */
final class Cursor {
    private final Chunk chunk;
    private long taken;

    Cursor(Chunk chunk) {
        this.chunk = chunk;
    }

    long peek() {
        return chunk.item(taken);
    }

    long take() {
        return chunk.item(taken++);
    }

    boolean drained() {
        return taken >= chunk.count();
    }
}
