package io.loadgrid.coordinator.cli;

import io.loadgrid.common.cli.BadInput;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.plan.ModelName;
import io.loadgrid.common.plan.PoolMode;
import io.loadgrid.coordinator.run.PlanRejected;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code ./loadgrid run}: parses the command line into {@link RunOptions} and hands it to {@link RunCommand}. */
@Command(name = "loadgrid run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Drive a workload with one concurrency model on one or more agents and report the metrics.")
public final class RunCli implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "M", converter = RunCli.ModelConverter.class, description = "sync, threads, virtual, async, hybrid, multiprocess (default: async)")
    ModelName model = ModelName.ASYNC;
    @Option(names = "--concurrency", paramLabel = "N", description = "most requests in flight at once, for every model (default: 100; sync: 1)")
    Integer concurrency;
    @Option(names = "--urls", paramLabel = "N", description = "number of items (default: 10000)")
    Long urls;
    @Option(names = "--duration", paramLabel = "D", description = "run for this long instead of a count, e.g. 30s")
    String duration;
    @Option(names = "--rate", paramLabel = "R", description = "items per second (open model, coordinated omission corrected)")
    Double rate;
    @Option(names = "--workload", paramLabel = "W", description = "seed (HTTP), encode, sqrt-sum, squares (default: ${DEFAULT-VALUE})")
    String workload = "seed";
    @Option(names = "--base", paramLabel = "URL", description = "target for the seed stream, e.g. http://127.0.0.1:8080")
    String base;
    @Option(names = "--url", paramLabel = "TEMPLATE", description = "URL template, {i} is the item index")
    String url;
    @Option(names = "--sink", paramLabel = "S", description = "discard or file (default: ${DEFAULT-VALUE})")
    String sink = "discard";
    @Option(names = "--sink-file", paramLabel = "PATH", description = "where --sink file appends bodies (default: ${DEFAULT-VALUE})")
    Path sinkFile = Path.of("loadgrid-responses.bin");
    @Option(names = "--json", paramLabel = "FILE", description = "also write the result as JSON")
    Path json;
    @Option(names = "--batch", paramLabel = "B", description = "items per batch, each awaited before the next (threads, virtual, async, hybrid)")
    Integer batch;
    @Option(names = "--pool", paramLabel = "P", description = "threads model: reuse the pool, or recreate it per batch (--batch, default N) (default: reuse)")
    PoolMode pool = PoolMode.REUSE;
    @Option(names = "--threads", paramLabel = "T", description = "hybrid model: event-loop threads (default: 10)")
    Integer threads;
    @Option(names = "--processes", paramLabel = "M", description = "multiprocess model: worker JVMs (default: cores)")
    Integer processes;
    @Option(names = "--timeout", paramLabel = "D", description = "connect and idle timeout per request (default: ${DEFAULT-VALUE})")
    String timeout = "30s";
    @Option(names = "--iterations", paramLabel = "N", description = "sqrt-sum: square roots per item (default: ${DEFAULT-VALUE})")
    int iterations = 1_000_000;
    @Option(names = "--accept-http-errors", description = "count 4xx/5xx responses as completed, not failed")
    boolean acceptHttpErrors;
    @Option(names = "--target-latency", paramLabel = "MS", description = "embedded target: emulated latency per response (default: ${DEFAULT-VALUE})")
    double targetLatencyMs;
    @Option(names = "--agents", paramLabel = "K", description = "agents that run the plan: local agent JVMs to start (default: 1), or with --join how many to wait for (default: every idle one)")
    Integer agents;
    @Option(names = "--split", paramLabel = "S", description = "dynamic: agents lease chunks, a faster one takes more; static: equal fixed shares (default: ${DEFAULT-VALUE})")
    String split = "dynamic";
    @Option(names = "--chunk", paramLabel = "N", description = "items per chunk (default: chosen from items and agents)")
    Long chunk;
    @Option(names = "--prewarm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "before the start instant, run each sender's sending path for a moment against a server of its own and open its connection to the target (default: on; --no-prewarm measures a cold start, connects included)")
    boolean prewarm = true;
    @Mixin
    ClusterOptions cluster = new ClusterOptions();
    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    static final class ModelConverter implements CommandLine.ITypeConverter<ModelName> {
        @Override
        public ModelName convert(String value) {
            try {
                return ModelName.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return command().setParameterExceptionHandler((e, a) -> BadInput.report("run", e.getMessage())).execute(args);
    }

    /** The options {@code args} give, unvalidated: what a sweep cell must equal for the same settings. */
    public static RunOptions parse(String... args) {
        CommandLine cli = command();
        cli.parseArgs(args);
        return ((RunCli) cli.getCommand()).options();
    }

    private static CommandLine command() {
        return new CommandLine(new RunCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    private RunOptions options() {
        return new RunOptions(model, concurrency, urls, duration, rate, workload, base, url, sink, sinkFile,
                json, batch, pool, threads, processes, timeout, iterations, acceptHttpErrors, targetLatencyMs, agents, split, chunk, prewarm);
    }

    @Override
    public Integer call() {
        try {
            return new RunCommand(options().validate(), cluster, metrics.validate(), System.out, System.err).call();
        } catch (IllegalArgumentException | PlanRejected e) {
            return BadInput.report("run", e.getMessage());
        } catch (Exception e) {
            System.err.println("loadgrid run: failed: " + e);
            return 1;
        }
    }
}
