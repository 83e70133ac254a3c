package io.loadgrid.coordinator.cli;

import io.loadgrid.common.plan.Durations;
import io.loadgrid.common.plan.ModelName;
import io.loadgrid.common.plan.PoolMode;
import io.loadgrid.common.plan.Split;
import io.loadgrid.common.process.Limits;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.CpuKernel;
import io.loadgrid.common.workload.SeedStream;
import io.loadgrid.common.workload.UrlSource;
import io.loadgrid.common.workload.UrlTemplate;
import io.loadgrid.common.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;

/** The run command line as typed; {@link #validate()} turns it into a plan or says exactly what is wrong. */
public record RunOptions(ModelName model, Integer concurrency, Long urls, String duration, Double rate, String workload,
                         String base, String url, String sink, Path sinkFile, Path json, Integer batch, PoolMode pool,
                         Integer threads, Integer processes, String timeout, int iterations, boolean acceptHttpErrors,
                         double targetLatencyMs, Integer agents, String split, Long chunk, boolean prewarm) {

    static final String EMBEDDED = "http://embedded.invalid";
    /** The host the CPU workloads' URLs are generated with when no --base is given; nothing is contacted. */
    static final String CPU_BASE = "http://127.0.0.1:8080";
    static final int DEFAULT_CONCURRENCY = 100;
    static final long DEFAULT_URLS = 10_000;

    /**
     * A checked plan; {@code embeddedTarget} means the base URL is filled in once the embedded target is up.
     *
     * @param agents how many agents run it (0: every idle agent of a remote cluster)
     * @param chunk  items per chunk, or 0 to let the coordinator choose
     */
    public record Valid(RunSpec spec, boolean embeddedTarget, double targetLatencyMs, Path json, int agents, Split split, long chunk) {
    }

    public Valid validate() {
        if (urls != null && duration != null) {
            throw new IllegalArgumentException("--urls and --duration both given; choose a count or a duration");
        }
        if (base != null && url != null) {
            throw new IllegalArgumentException("--base and --url both given; --base is for the seed stream, --url for your own template");
        }
        if (urls != null && urls < 1) {
            throw new IllegalArgumentException("--urls must be at least 1, got " + urls);
        }
        int n = effectiveConcurrency();
        Limits.checkConcurrency(n, model == ModelName.MULTIPROCESS ? effectiveProcesses() : 1);
        positive(batch, "--batch");
        if (rate != null && !(rate > 0)) {
            throw new IllegalArgumentException("--rate must be a positive number of items per second, got " + rate);
        }
        if (model == ModelName.HYBRID && effectiveThreads() > n) {
            throw new IllegalArgumentException("--threads " + effectiveThreads() + " exceeds --concurrency " + n
                    + ": every event loop needs at least one request in flight; raise --concurrency or lower --threads");
        }
        if (model == ModelName.MULTIPROCESS && effectiveProcesses() > n) {
            throw new IllegalArgumentException("--processes " + effectiveProcesses() + " exceeds --concurrency " + n
                    + "; raise --concurrency or lower --processes");
        }
        if (model == ModelName.MULTIPROCESS && batch != null) {
            throw new IllegalArgumentException("--batch does not apply to multiprocess (each worker runs its share unbatched); drop --batch");
        }
        if (pool == PoolMode.RECREATE && model != ModelName.THREADS) {
            throw new IllegalArgumentException("--pool recreate applies to --model threads only");
        }
        if (!sink.equals("discard") && !sink.equals("file")) {
            throw new IllegalArgumentException("--sink '" + sink + "' is unknown; use discard or file");
        }
        // seed 002 recreates the pool per chunk; without --batch a chunk is one pool's worth of items
        boolean embedded = base == null && url == null;
        Duration d = duration == null ? null : Durations.parse(duration, "--duration");
        RunSpec spec = new RunSpec(model, n, workload(embedded), d == null ? (urls == null ? DEFAULT_URLS : urls) : -1, d, rate,
                batch != null ? batch : pool == PoolMode.RECREATE ? n : 0, pool, effectiveThreads(), effectiveProcesses(), Durations.parse(timeout, "--timeout"),
                sink.equals("file") ? sinkFile.toAbsolutePath() : null, prewarm);
        positive(agents, "--agents");
        if (chunk != null && chunk < 1) {
            throw new IllegalArgumentException("--chunk must be at least 1 item, got " + chunk);
        }
        Split s = switch (split) {
            case "dynamic" -> Split.DYNAMIC;
            case "static" -> Split.STATIC;
            default -> throw new IllegalArgumentException("--split '" + split + "' is unknown; use dynamic (faster agents take more) or static (equal shares)");
        };
        return new Valid(spec, embedded && spec.workload() instanceof Workload.Http, targetLatencyMs, json,
                agents == null ? 0 : agents, s, chunk == null ? 0 : chunk);
    }

    int effectiveConcurrency() {
        if (model == ModelName.SYNC) {
            if (concurrency != null && concurrency != 1) {
                throw new IllegalArgumentException("--model sync runs one request at a time; drop --concurrency or pick --model threads");
            }
            return 1;
        }
        positive(concurrency, "--concurrency");
        return concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
    }

    int effectiveThreads() {
        positive(threads, "--threads");
        return threads == null ? 10 : threads;
    }

    int effectiveProcesses() {
        positive(processes, "--processes");
        return processes == null ? Runtime.getRuntime().availableProcessors() : processes;
    }

    private Workload workload(boolean embedded) {
        String seedBase = base != null ? base : workload.equals("seed") ? EMBEDDED : CPU_BASE;
        UrlSource urls = url != null ? new UrlTemplate(url) : new SeedStream(seedBase);
        return switch (workload) {
            case "seed" -> new Workload.Http(url != null ? "template" : "seed", urls, !acceptHttpErrors);
            case "encode" -> new Workload.Cpu(new CpuKernel.Encode(urls));
            case "sqrt-sum" -> {
                positive(iterations, "--iterations");
                yield new Workload.Cpu(new CpuKernel.SqrtSum(iterations));
            }
            case "squares" -> new Workload.Cpu(new CpuKernel.Squares());
            default -> throw new IllegalArgumentException("--workload '" + workload + "' is unknown; use seed, encode, sqrt-sum or squares");
        };
    }

    private static void positive(Integer v, String option) {
        if (v != null && v < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + v);
        }
    }
}
