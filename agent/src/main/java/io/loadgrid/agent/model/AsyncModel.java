package io.loadgrid.agent.model;

/**
 * Seed 000's asyncio.py and seed 004's batching: ONE event loop, one client, N requests in flight; with
 * {@code --batch B}, B items at a time, each batch awaited before the next.
 */
public final class AsyncModel extends EventLoopModel {
    public AsyncModel(RunSetup setup) {
        super(setup, 1);
    }
}
