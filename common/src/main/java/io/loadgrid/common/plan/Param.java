package io.loadgrid.common.plan;

import io.loadgrid.common.codec.Durations;
import io.loadgrid.common.profile.LoadShape;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One run parameter, declared once: its plan key, its option, its type and the check every value of it passes, its
 * default and its help. The run command line, sweep plans, {@code --help} and README's table are all made from these,
 * so a parameter cannot mean one thing on the command line and another in a plan.
 *
 * @param key          its name in sweep plans and result files (snake_case)
 * @param option       its option of {@code ./loadgrid run}
 * @param label        what {@code --help} shows after the option, e.g. N
 * @param defaultValue its value when none is given (as {@link #parse} gives it), or null where the run decides
 * @param shownDefault the default as help and README say it, or null for none
 * @param inPlan       whether a sweep plan's cell may set it
 */
public record Param(
        String key,
        String option,
        Type type,
        String label,
        Object defaultValue,
        String shownDefault,
        List<String> choices,
        String help,
        boolean inPlan) {

    /** What a value must be. Every kind reads from text: {@code "10"} and {@code 10} mean the same in a plan. */
    public enum Type {
        COUNT,
        BIG_COUNT,
        POSITIVE,
        NON_NEGATIVE,
        DURATION,
        STAGES,
        TEXT,
        FLAG,
        CHOICE
    }

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d[\\d_]*");

    public static Param of(String key, Type type, String label, String help) {
        return new Param(key, "--" + key.replace('_', '-'), type, label, null, null, List.of(), help, true);
    }

    /** A choice among words; its first one is the default. */
    public static Param choice(String key, String label, List<String> choices, String help) {
        return new Param(
                key,
                "--" + key.replace('_', '-'),
                Type.CHOICE,
                label,
                choices.getFirst(),
                choices.getFirst(),
                choices,
                help,
                true);
    }

    public Param defaults(Object value) {
        return defaults(value, String.valueOf(value));
    }

    /** @param shown the default as people read it, where it is not the value itself (e.g. "cores") */
    public Param defaults(Object value, String shown) {
        return new Param(key, option, type, label, value, shown, choices, help, inPlan);
    }

    public Param option(String name) {
        return new Param(key, name, type, label, defaultValue, shownDefault, choices, help, inPlan);
    }

    /** A parameter of the command line only (where the result is written, say), not of a plan's cell. */
    public Param commandLineOnly() {
        return new Param(key, option, type, label, defaultValue, shownDefault, choices, help, false);
    }

    /** The help line: what it does, its choices where the help does not name them all, and its default. */
    public String description() {
        String text = help;
        if (!choices.isEmpty() && !choices.stream().allMatch(help::contains)) {
            text += ": " + String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.getLast();
        }
        return shownDefault == null ? text : text + " (default: " + shownDefault + ")";
    }

    /**
     * The value {@code text} gives, as a plain Java value: Integer, Long, Double, Boolean or String (durations stay
     * as typed, choices lower case).
     *
     * @throws IllegalArgumentException saying what is wrong, without the parameter's name: the caller adds it in the
     *                                  words of where it was given (the option, or the plan field and line)
     */
    public Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected a value, got nothing");
        }
        return switch (type) {
            case COUNT -> (int) integer(text, Integer.MAX_VALUE);
            case BIG_COUNT -> integer(text, Long.MAX_VALUE);
            case POSITIVE -> atLeast(number(text), text, false);
            case NON_NEGATIVE -> atLeast(number(text), text, true);
            case DURATION -> {
                try {
                    Durations.parse(text, "");
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage().strip(), e);
                }
                yield text;
            }
            case STAGES -> LoadShape.parse(text).text();
            case TEXT -> text;
            case FLAG ->
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
                };
            case CHOICE -> {
                String v = text.toLowerCase(Locale.ROOT);
                if (!choices.contains(v)) {
                    throw new IllegalArgumentException("'" + text + "' is not one of " + String.join(", ", choices));
                }
                yield v;
            }
        };
    }

    private static long integer(String text, long max) {
        if (!INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException("expected an integer, got '" + text + "'");
        }
        long v;
        try {
            v = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            // beyond a long: read as the largest one, it would pass a BIG_COUNT's bound and start an endless run
            throw new IllegalArgumentException(
                    "must be " + (text.startsWith("-") ? "at least 1" : "at most " + max) + ", got " + text, e);
        }
        if (v < 1 || v > max) {
            throw new IllegalArgumentException(
                    "must be " + (v < 1 ? "at least 1" : "at most " + max) + ", got " + text);
        }
        return v;
    }

    private static double number(String text) {
        double v;
        try {
            v = Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + text + "'");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("expected a finite number, got '" + text + "'");
        }
        return v;
    }

    private static double atLeast(double v, String text, boolean zeroAllowed) {
        if (zeroAllowed ? v < 0 : !(v > 0)) {
            throw new IllegalArgumentException(
                    "must be " + (zeroAllowed ? "0 or more" : "greater than 0") + ", got " + text);
        }
        return v;
    }
}
