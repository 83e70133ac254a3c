package io.loadgrid.agent.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.agent.run.Outcome;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.workload.CpuKernel;
import io.loadgrid.common.workload.Workload;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class HybridModelTest extends ModelContract {
    @Override
    ModelConfig model() {
        return new ModelConfig.Hybrid(2);
    }

    /**
     * A CPU kernel runs on the event loop that took its item, as seed 000's asyncio loop would: with 4 loops on 4
     * threads of their own, 4 event-loop threads do the work. Loops that shared a thread would leave fewer busy.
     */
    @Test
    void runsEachOfItsThreadsOwnEventLoopOnAThreadOfItsOwn() throws Exception {
        Map<Long, Long> before = loopCpuNanos();
        Map<Long, Long> seen = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                seen.putAll(loopCpuNanos());
                LockSupport.parkNanos(5_000_000);
            }
        });
        Outcome o;
        try {
            o = Runs.run(
                    Runs.spec(new ModelConfig.Hybrid(4), 8, new Workload.Cpu(new CpuKernel.SqrtSum(2_000_000)), 120));
        } finally {
            running.set(false);
            sampler.join();
        }
        assertThat(o.tally().ok()).isEqualTo(120);
        long busy = seen.entrySet().stream()
                .filter(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L) > 20_000_000L)
                .count();
        assertThat(busy)
                .as("event-loop threads that each ran a loop's share of the kernels: " + seen)
                .isEqualTo(4);
    }

    private static Map<Long, Long> loopCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long nanos = mx.getThreadCpuTime(t.threadId());
            if (t.getName().startsWith("vert.x-eventloop-thread-") && nanos >= 0) {
                cpu.put(t.threadId(), nanos);
            }
        }
        return cpu;
    }
}
