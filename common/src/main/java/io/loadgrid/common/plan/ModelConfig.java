package io.loadgrid.common.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A concurrency model with its own knobs. Each variant carries only its parameters, checks them and names itself;
 * the agent creates the model from it with an exhaustive switch, so a variant without a model does not compile.
 * Nothing outside a model's own variant and class asks which model a run uses.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "name")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ModelConfig.Sync.class, name = "sync"),
    @JsonSubTypes.Type(value = ModelConfig.Threads.class, name = "threads"),
    @JsonSubTypes.Type(value = ModelConfig.Virtual.class, name = "virtual"),
    @JsonSubTypes.Type(value = ModelConfig.Async.class, name = "async"),
    @JsonSubTypes.Type(value = ModelConfig.Hybrid.class, name = "hybrid"),
    @JsonSubTypes.Type(value = ModelConfig.Multiprocess.class, name = "multiprocess")
})
public sealed interface ModelConfig {
    Param POOL = Param.choice(
            "pool",
            "P",
            List.of("reuse", "recreate"),
            "seed 002's pool variants: reuse one pool, or recreate it for every batch (N items when --batch is "
                    + "not given)");
    Param THREADS = Param.of(
                    "threads",
                    Param.Type.COUNT,
                    "T",
                    "event-loop threads, each with its own client, sharing the N in flight")
            .defaults(10);
    Param PROCESSES = Param.of(
                    "processes",
                    Param.Type.COUNT,
                    "M",
                    "worker JVMs, each running async with its share of the N in flight")
            .defaults(Runtime.getRuntime().availableProcessors(), "cores");
    /** Every model's own knobs, in the order {@code --help} lists them. */
    List<Param> KNOBS = List.of(POOL, THREADS, PROCESSES);
    /** The models by the names users type, in the order the seeds introduce them: the type ids above. */
    List<String> NAMES = Arrays.stream(
                    ModelConfig.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name)
            .toList();

    /** The model {@code name} with its knobs as {@code knob} gives them (a given value, or the default). */
    static ModelConfig of(String name, Function<Param, Object> knob) {
        ModelConfig model = switch (name) {
            case "sync" -> new Sync();
            case "threads" -> new Threads(Threads.Pool.valueOf(((String) knob.apply(POOL)).toUpperCase(Locale.ROOT)));
            case "virtual" -> new Virtual();
            case "async" -> new Async();
            case "hybrid" -> new Hybrid((Integer) knob.apply(THREADS));
            case "multiprocess" -> new Multiprocess((Integer) knob.apply(PROCESSES));
            default -> throw new IllegalArgumentException("'" + name + "' is not one of " + String.join(", ", NAMES));
        };
        if (!(model instanceof Threads) && "recreate".equals(knob.apply(POOL))) {
            throw new IllegalArgumentException(POOL.option() + " recreate applies to --model threads only");
        }
        return model;
    }

    /** The name users type for it: its type id above, which its JSON carries too. */
    default String key() {
        for (JsonSubTypes.Type t :
                ModelConfig.class.getAnnotation(JsonSubTypes.class).value()) {
            if (t.value() == getClass()) {
                return t.name();
            }
        }
        throw new IllegalStateException(getClass().getSimpleName() + " has no name in @JsonSubTypes");
    }

    /** Processes of one node that send items. */
    default int sendersPerNode() {
        return 1;
    }

    /** Whether it always runs one item at a time: then a concurrency other than 1 is refused. */
    default boolean oneAtATime() {
        return false;
    }

    /** The most items in flight, from the one given (or null) and the run's default. */
    default int concurrency(Integer given, int byDefault) {
        if (!oneAtATime()) {
            return given == null ? byDefault : given;
        }
        if (given != null && given != 1) {
            throw new IllegalArgumentException("--model " + key() + " runs one request at a time; drop "
                    + RunParams.CONCURRENCY.option() + " or pick --model threads");
        }
        return 1;
    }

    /** Items per batch, from the one given (or null); 0 for none. */
    default int batch(Integer given, int concurrency) {
        return given == null ? 0 : given;
    }

    /** Why a run parameter that others use does not apply to this model, or null when it does. */
    default String refusal(Param p) {
        return null;
    }

    /** Checks its own knobs against the run's concurrency, as {@code --concurrency} gave it. */
    default void check(int concurrency) {
        check(concurrency, RunParams.CONCURRENCY.option() + " " + concurrency, RunParams.CONCURRENCY.option());
    }

    /**
     * Checks its own knobs against the run's concurrency; for the message, {@code setBy} names what set it
     * ("--concurrency 4", or a closed shape's peak) and {@code raise} what to raise ("--concurrency").
     */
    default void check(int concurrency, String setBy, String raise) {}

    /** Its own knobs by plan key, as the result's parameters and the sweep's cell names show them. */
    default Map<String, Object> knobs() {
        return Map.of();
    }

    /** Seed 000's sync.py: one thread, a blocking client, one request at a time. */
    record Sync() implements ModelConfig {
        @Override
        public boolean oneAtATime() {
            return true;
        }
    }

    /** A fixed pool of N platform threads with a blocking client; seed 002's pool reused or recreated per batch. */
    record Threads(Pool pool) implements ModelConfig {
        public enum Pool {
            REUSE,
            RECREATE
        }

        /** Seed 002 recreates the pool per batch; without {@code --batch} a batch is one pool's worth of items. */
        @Override
        public int batch(Integer given, int concurrency) {
            return given == null && pool == Pool.RECREATE ? concurrency : ModelConfig.super.batch(given, concurrency);
        }

        @Override
        public Map<String, Object> knobs() {
            return Map.of(POOL.key(), pool.name().toLowerCase(Locale.ROOT));
        }
    }

    /** One virtual thread per in-flight request, at most N, with a blocking client. */
    record Virtual() implements ModelConfig {}

    /** Seed 000's asyncio: one event loop with N requests in flight. */
    record Async() implements ModelConfig {}

    /** Seed 000's thread_plus_asyncio: T platform threads, each with its own event loop and client. */
    record Hybrid(int threads) implements ModelConfig {
        @Override
        public void check(int concurrency, String setBy, String raise) {
            if (threads > concurrency) {
                throw new IllegalArgumentException(THREADS.option() + " " + threads + " exceeds " + setBy
                        + ": every event loop needs at least one request in flight; raise " + raise + " or lower "
                        + THREADS.option());
            }
        }

        @Override
        public Map<String, Object> knobs() {
            return Map.of(THREADS.key(), threads);
        }
    }

    /** Seed 004's multiprocessing + asyncio: M worker JVMs, each running {@link Async} with its share of N. */
    record Multiprocess(int processes) implements ModelConfig {
        @Override
        public int sendersPerNode() {
            return processes;
        }

        @Override
        public String refusal(Param p) {
            return p == RunParams.BATCH ? "each worker runs its share unbatched" : null;
        }

        @Override
        public void check(int concurrency, String setBy, String raise) {
            if (processes > concurrency) {
                throw new IllegalArgumentException(PROCESSES.option() + " " + processes + " exceeds " + setBy
                        + "; raise " + raise + " or lower " + PROCESSES.option());
            }
        }

        @Override
        public Map<String, Object> knobs() {
            return Map.of(PROCESSES.key(), processes);
        }
    }
}
