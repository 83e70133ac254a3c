package io.loadgrid.agent.model;

/**
 * Seed 000's thread_plus_asyncio.py: T platform threads ({@code --threads}), each running its own event loop with
 * its own client, the N in-flight requests split between them.
 */
public final class HybridModel extends EventLoopModel {
    public HybridModel(RunSetup setup, int threads) {
        super(setup, threads);
    }
}
