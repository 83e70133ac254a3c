package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.plan.Durations;
import io.loadgrid.common.plan.ModelName;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The parameters a cell may set: the options of {@code ./loadgrid run} in snake_case, plus {@link #NAME} and
 * {@link #GROUP}. Values are checked where they are written, so a bad one in a matrix list is reported at its own
 * line rather than at the cell it ends up in.
 */
enum Param {
    MODEL(Kind.MODEL, "async"),
    CONCURRENCY(Kind.COUNT, null),
    /** "items" in plans because a cell may be a CPU workload; the run command still calls it --urls. */
    ITEMS(Kind.BIG_COUNT, null, "--urls"),
    DURATION(Kind.DURATION, null),
    RATE(Kind.POSITIVE, null),
    WORKLOAD("seed", List.of("seed", "encode", "sqrt-sum", "squares")),
    BASE(Kind.TEXT, null),
    URL(Kind.TEXT, null),
    SINK("discard", List.of("discard", "file")),
    SINK_FILE(Kind.TEXT, "loadgrid-responses.bin"),
    BATCH(Kind.COUNT, null),
    POOL("reuse", List.of("reuse", "recreate")),
    THREADS(Kind.COUNT, null),
    PROCESSES(Kind.COUNT, null),
    TIMEOUT(Kind.DURATION, "30s"),
    ITERATIONS(Kind.COUNT, 1_000_000),
    ACCEPT_HTTP_ERRORS(Kind.FLAG, false),
    TARGET_LATENCY_MS(Kind.NON_NEGATIVE, 0.0, "--target-latency"),
    AGENTS(Kind.COUNT, null),
    SPLIT("dynamic", List.of("dynamic", "static")),
    CHUNK(Kind.BIG_COUNT, null),
    PREWARM(Kind.FLAG, true),
    NAME(Kind.TEXT, null),
    GROUP(Kind.TEXT, null);

    enum Kind { MODEL, COUNT, BIG_COUNT, POSITIVE, NON_NEGATIVE, DURATION, TEXT, FLAG, CHOICE }

    static final List<String> KEYS = Arrays.stream(values()).map(Param::key).toList();

    private final Kind kind;
    private final Object cliDefault;
    private final String option;
    private final List<String> choices;

    /**
     * @param cliDefault what {@code RunCli} starts the option with, or null where RunOptions decides
     * @param option     the option's name where it is not the key in kebab case
     */
    Param(Kind kind, Object cliDefault, String option) {
        this.kind = kind;
        this.cliDefault = cliDefault;
        this.option = option != null ? option : "--" + key().replace('_', '-');
        this.choices = List.of();
    }

    Param(Kind kind, Object cliDefault) {
        this(kind, cliDefault, null);
    }

    Param(String cliDefault, List<String> choices) {
        this.kind = Kind.CHOICE;
        this.cliDefault = cliDefault;
        this.option = "--" + key().replace('_', '-');
        this.choices = choices;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The option of {@code ./loadgrid run} this parameter is, as its messages name it. */
    String option() {
        return option;
    }

    Object cliDefault() {
        return cliDefault;
    }

    static Param of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** The value as a plain Java value (Integer, Long, Double, String, Boolean): what {@link Cell#params()} holds. */
    Object read(Scalar s) {
        return switch (kind) {
            case MODEL -> model(s, s.text("a model"));
            case COUNT -> (int) s.integer(1, Integer.MAX_VALUE);
            case BIG_COUNT -> s.integer(1, Long.MAX_VALUE);
            case POSITIVE -> positive(s, s.number());
            case NON_NEGATIVE -> nonNegative(s, s.number());
            case DURATION -> duration(s, s.text("a duration such as 30s"));
            case TEXT -> s.text("a string");
            case FLAG -> s.flag();
            case CHOICE -> choice(s, s.text("one of " + String.join(", ", choices)));
        };
    }

    private static String model(Scalar s, String text) {
        try {
            return ModelName.parse(text).key();
        } catch (IllegalArgumentException e) {
            throw s.error(e.getMessage());
        }
    }

    private static double positive(Scalar s, double v) {
        if (!(v > 0)) {
            throw s.error("must be greater than 0, got " + s.text("a number"));
        }
        return v;
    }

    private static double nonNegative(Scalar s, double v) {
        if (v < 0) {
            throw s.error("must be 0 or more, got " + s.text("a number"));
        }
        return v;
    }

    private static String duration(Scalar s, String text) {
        try {
            Durations.parse(text, "");
        } catch (IllegalArgumentException e) {
            throw s.error(e.getMessage().strip());
        }
        return text;
    }

    private String choice(Scalar s, String text) {
        String v = text.toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw s.error("'" + text + "' is not one of " + String.join(", ", choices));
        }
        return v;
    }
}
