package io.loadgrid.common.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.Split;
import java.util.List;
import java.util.Map;

/**
 * bench/book-ops.sh: what one lease and one commit cost on a run's chunk book, kept as an object changed in place
 * (as runs keep it) against the earlier JSON text decoded and encoded by every operation, with H chunks leased and
 * not yet committed (the book's size). Two members in this JVM: a data member that holds the book and a lite member
 * that calls from outside it, as agents other than the book's owner and the coordinator do.
 */
public final class BookBench {
    /** The earlier entry processor: the whole book as JSON, read and written again by every operation. */
    record JsonOp(boolean lease, String agent, long chunk) implements EntryProcessor<String, String, Object> {
        @Override
        public Object process(Map.Entry<String, String> e) {
            ChunkBook book = Json.read(e.getValue(), ChunkBook.class);
            Object answer = lease ? book.lease(agent) : 0L;
            if (!lease) {
                book.committed(chunk, agent);
            }
            e.setValue(Json.write(book));
            return answer;
        }
    }

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String cluster = "book-bench-" + ProcessHandle.current().pid();
        HazelcastInstance data = Hazelcast.newHazelcastInstance(MemberConfig.of(
                new ClusterSettings(cluster, List.of(), "127.0.0.1", 5951, new byte[0]), false, Map.of()));
        HazelcastInstance lite = Hazelcast.newHazelcastInstance(MemberConfig.of(
                new ClusterSettings(cluster, List.of("127.0.0.1:5951"), "127.0.0.1", 5961, new byte[0]),
                true,
                Map.of()));
        try {
            // one unprinted round first: the first calls of either path pay for Hazelcast's and the JIT's warm-up
            for (HazelcastInstance caller : List.of(data, lite)) {
                object(caller, 0, ops);
                json(caller, 0, ops);
            }
            System.out.printf("%-8s %-6s %8s %14s %14s%n", "caller", "held", "ops", "object µs/op", "json µs/op");
            for (int held : new int[] {0, 256, 4096}) {
                for (HazelcastInstance caller : List.of(data, lite)) {
                    String who = caller == data ? "owner" : "remote";
                    double object = object(caller, held, ops);
                    double json = json(caller, held, ops);
                    System.out.printf("%-8s %-6d %8d %14.1f %14.1f%n", who, held, ops, object, json);
                }
            }
        } finally {
            lite.shutdown();
            data.shutdown();
        }
    }

    private static ChunkBook book(int held) {
        ChunkBook b = ChunkBook.of(ClusterPlan.of(
                ChunkBookTest.spec(new ModelConfig.Async(), null), 1, Split.DYNAMIC, List.of("a", "b"), "c"));
        b.chunks = -1;
        for (int i = 0; i < held; i++) {
            b.lease("b");
        }
        return b;
    }

    /** µs per lease-and-commit pair, the second half of the ops (the first half warms up). */
    private static double object(HazelcastInstance hz, int held, int ops) {
        RunBoard board = new RunBoard(hz, "bench-" + held + "-" + hz.getName());
        board.openBook(book(held));
        long start = 0;
        for (int i = 0; i < ops; i++) {
            if (i == ops / 2) {
                start = System.nanoTime();
            }
            board.committed("a", board.lease("a"));
        }
        double us = (System.nanoTime() - start) / 1e3 / (ops - ops / 2);
        board.clear(List.of());
        return us;
    }

    private static double json(HazelcastInstance hz, int held, int ops) {
        IMap<String, String> books = hz.getMap("book-bench-json");
        String key = "bench-" + held + "-" + hz.getName();
        books.set(key, Json.write(book(held)));
        long start = 0;
        for (int i = 0; i < ops; i++) {
            if (i == ops / 2) {
                start = System.nanoTime();
            }
            long c = (Long) books.executeOnKey(key, new JsonOp(true, "a", 0));
            books.executeOnKey(key, new JsonOp(false, "a", c));
        }
        double us = (System.nanoTime() - start) / 1e3 / (ops - ops / 2);
        books.delete(key);
        return us;
    }
}
