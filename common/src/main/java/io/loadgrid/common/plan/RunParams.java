package io.loadgrid.common.plan;

import io.loadgrid.common.plan.Param.Type;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The table of run parameters: every option of {@code ./loadgrid run} and key of a sweep plan's cell, in the order
 * {@code --help} lists them. The models' own knobs are declared by their variants ({@link ModelConfig#KNOBS}).
 */
public final class RunParams {
    public static final Param MODEL = Param.choice(
                    "model", "M", ModelConfig.NAMES, "the concurrency model (see Models and clients)")
            .defaults("async");
    public static final Param CONCURRENCY = Param.of(
                    "concurrency",
                    Type.COUNT,
                    "N",
                    "the most items in flight at once, the same meaning for every model")
            .defaults(100, "100; sync: 1");
    /** "items" in plans because a cell may be a CPU workload; the run command still calls it --urls. */
    public static final Param ITEMS = Param.of("items", Type.BIG_COUNT, "N", "a fixed count of items")
            .defaults(10_000L)
            .option("--urls");

    public static final Param DURATION =
            Param.of("duration", Type.DURATION, "D", "run for this long instead of a count (wrk style: 30s, 2m)");
    public static final Param RATE = Param.of(
            "rate",
            Type.POSITIVE,
            "R",
            "a constant arrival rate in items/s (open model): "
                    + "latency counts from each item's scheduled start, the uncorrected latency is reported beside it");
    public static final Param STAGES = Param.of(
            "stages",
            Type.STAGES,
            "SHAPE",
            "a load shape instead of --rate, --duration and the count: stages D@L (hold L for D) or D->L (ramp "
                    + "linearly from the level before, 0 at first); L/s is an arrival rate (open model), plain L "
                    + "items in flight (closed model), e.g. '10s->2000/s,30s@2000/s' or '10s->100,20s@100,10s->0'");
    public static final Param WORKLOAD = Param.choice(
            "workload",
            "W",
            List.of("seed", "encode", "sqrt-sum", "squares"),
            "what each item does: seed (an HTTP GET of the seed stream), encode (UTF-8 byte length of every "
                    + "character of "
                    + "each seed URL), sqrt-sum (--iterations square roots), squares");
    public static final Param BASE = Param.of(
            "base",
            Type.TEXT,
            "URL",
            "target for the seed stream, e.g. http://127.0.0.1:8080; "
                    + "with neither --base nor --url the embedded target is started on a free loopback port");
    public static final Param URL =
            Param.of("url", Type.TEXT, "TEMPLATE", "your own URL template, {i} is the item index");
    public static final Param SINK = Param.choice(
            "sink",
            "S",
            List.of("discard", "file"),
            "discard response bodies, or append them to a file and report the bytes written");
    public static final Param SINK_FILE = Param.of("sink_file", Type.TEXT, "PATH", "where --sink file appends bodies")
            .defaults("loadgrid-responses.bin");
    public static final Param JSON = Param.of("json", Type.TEXT, "FILE", "also write the result document (snake_case)")
            .commandLineOnly();
    public static final Param BATCH = Param.of(
            "batch", Type.COUNT, "B", "seed 004's batching: B items at a time, each batch awaited before the next");
    public static final Param TIMEOUT = Param.of("timeout", Type.DURATION, "D", "connect and idle timeout per request")
            .defaults("30s");
    public static final Param ITERATIONS = Param.of("iterations", Type.COUNT, "N", "sqrt-sum: square roots per item")
            .defaults(1_000_000);
    public static final Param ACCEPT_HTTP_ERRORS = Param.of(
                    "accept_http_errors", Type.FLAG, null, "count 4xx/5xx responses as completed, not failed")
            .defaults(false, null);
    public static final Param TARGET_LATENCY_MS = Param.of(
                    "target_latency_ms", Type.NON_NEGATIVE, "MS", "embedded target: emulated latency per response")
            .defaults(0.0, "0")
            .option("--target-latency");
    public static final Param AGENTS = Param.of(
                    "agents",
                    Type.COUNT,
                    "K",
                    "agents that run the plan: local agent JVMs to start, or with --join how many idle agents to "
                            + "wait for and use")
            .defaults(null, "1; with --join every idle agent present");
    public static final Param SPLIT = Param.choice(
            "split",
            "S",
            List.of("dynamic", "static"),
            "dynamic: agents lease chunks as "
                    + "they go, a faster one takes more; static: agent k of K owns chunks k, k+K, ...; with "
                    + "--rate every sender owns "
                    + "an equal lane of the schedule either way");
    public static final Param CHUNK = Param.of("chunk", Type.BIG_COUNT, "N", "items per chunk")
            .defaults(null, "about 32 chunks per agent, at least max(100, N in flight), at most 50,000");
    public static final Param PREWARM = Param.of(
                    "prewarm",
                    Type.FLAG,
                    null,
                    "before the start instant, run each sender's sending "
                            + "path for a moment against a server of its own and open its connection to the "
                            + "target (--no-prewarm measures a "
                            + "cold start, connects included)")
            .defaults(true, "on");

    /** Every parameter, in the order {@code --help} lists them. */
    public static final List<Param> ALL = Stream.of(
                    Stream.of(
                            MODEL,
                            CONCURRENCY,
                            ITEMS,
                            DURATION,
                            RATE,
                            STAGES,
                            WORKLOAD,
                            BASE,
                            URL,
                            SINK,
                            SINK_FILE,
                            JSON,
                            BATCH),
                    ModelConfig.KNOBS.stream(),
                    Stream.of(
                            TIMEOUT, ITERATIONS, ACCEPT_HTTP_ERRORS, TARGET_LATENCY_MS, AGENTS, SPLIT, CHUNK, PREWARM))
            .flatMap(s -> s)
            .toList();

    private RunParams() {}

    public static Optional<Param> byKey(String key) {
        return ALL.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    public static Optional<Param> byOption(String option) {
        return ALL.stream().filter(p -> p.option().equals(option)).findFirst();
    }
}
