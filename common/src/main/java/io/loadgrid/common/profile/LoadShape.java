package io.loadgrid.common.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadgrid.common.codec.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load shape as data, k6's stages in one line: {@code 10s->2000/s,30s@2000/s,10s->0/s}. Each stage holds a level
 * ({@code D@L}) or ramps linearly from the level before it to a new one ({@code D->L}; the first starts from 0).
 * Levels with {@code /s} are arrival rates (open model); without, they are items in flight (closed model). Steps are
 * holds one after another. The text is how it is typed, sent and stored.
 *
 * @param open whether the levels are rates
 */
public record LoadShape(boolean open, List<Stage> stages) {
    public static final String EXAMPLE = "10s->2000/s,30s@2000/s (rates) or 10s->100,30s@100 (in flight)";
    private static final Pattern STAGE =
            Pattern.compile("\\s*([0-9.]+(?:ms|s|m|h)?)\\s*(@|->)\\s*([0-9._]+)\\s*(/s)?\\s*");

    /** One stage: from {@code from} to {@code to} (equal for a hold) over {@code nanos}. */
    public record Stage(long nanos, double from, double to) {
        double at(long offset) {
            return from + (to - from) * offset / nanos;
        }
    }

    public LoadShape {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("no stage; use e.g. " + EXAMPLE);
        }
    }

    /** @throws IllegalArgumentException one line: which stage is wrong and what the form is */
    @JsonCreator
    public static LoadShape parse(String text) {
        List<Stage> stages = new ArrayList<>();
        Boolean open = null;
        double level = 0;
        for (String part : text.split(",", -1)) {
            Matcher m = STAGE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "stage '" + part.strip() + "' is not DURATION@LEVEL or DURATION->LEVEL; e.g. " + EXAMPLE);
            }
            boolean rate = m.group(4) != null;
            if (open != null && open != rate) {
                throw new IllegalArgumentException("stage '" + part.strip()
                        + "' mixes rates (/s) and items in flight; a shape is one or the other");
            }
            open = rate;
            long nanos =
                    Durations.parse(m.group(1), "stage '" + part.strip() + "':").toNanos();
            double target = level(m.group(3), part);
            if (!rate && target != Math.rint(target)) {
                throw new IllegalArgumentException(
                        "stage '" + part.strip() + "': items in flight are a whole number; add /s for a rate");
            }
            stages.add(new Stage(nanos, m.group(2).equals("@") ? target : level, target));
            level = target;
        }
        LoadShape shape = new LoadShape(open, stages);
        if (shape.peak() <= 0) {
            throw new IllegalArgumentException("every stage of '" + text + "' is at 0; nothing would run");
        }
        return shape;
    }

    private static double level(String text, String part) {
        try {
            return Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stage '" + part.strip() + "': '" + text + "' is not a number", e);
        }
    }

    /** The shape as typed, in its one canonical form. */
    @JsonValue
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Stage s : stages) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(Durations.text(Duration.ofNanos(s.nanos())))
                    .append(s.from() == s.to() ? "@" : "->")
                    .append(number(s.to()))
                    .append(open ? "/s" : "");
        }
        return b.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    public Duration duration() {
        return Duration.ofNanos(stages.stream().mapToLong(Stage::nanos).sum());
    }

    /** The highest level of any stage: the peak rate, or the in-flight slots a closed shape needs. */
    public double peak() {
        return stages.stream()
                .mapToDouble(s -> Math.max(s.from(), s.to()))
                .max()
                .orElse(0);
    }

    /** The load profile this shape paces: the arrival schedule of a rate shape, the open lanes of a closed one. */
    public LoadProfile profile() {
        return open ? new RateStages(this) : new ConcurrencyStages(this);
    }
}
