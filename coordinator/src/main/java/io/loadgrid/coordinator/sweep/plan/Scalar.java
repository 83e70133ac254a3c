package io.loadgrid.coordinator.sweep.plan;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One plan value that should be a single word or number, kept with its place so that a wrong one is reported at
 * its own line. Types are read from the text, not YAML's tags: {@code "10"} and {@code 10} mean the same here.
 *
 * @param field the dotted path users see in errors, e.g. "matrix.concurrency"
 */
record Scalar(String file, String field, Node node) {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d[\\d_]*");

    int line() {
        return YamlMap.line(node);
    }

    PlanError error(String what) {
        return PlanError.field(file, line(), field, what);
    }

    /** @param expected what belongs here, for the error, e.g. "an integer" */
    String text(String expected) {
        if (node instanceof ScalarNode s
                && !s.getTag().equals(Tag.NULL)
                && !s.getValue().isBlank()) {
            return s.getValue();
        }
        throw error("expected " + expected + ", got " + shown());
    }

    long integer(long min, long max) {
        String t = text("an integer");
        if (!INTEGER.matcher(t).matches()) {
            throw error("expected an integer, got '" + t + "'");
        }
        long v;
        try {
            v = Long.parseLong(t.replace("_", ""));
        } catch (NumberFormatException e) {
            v = t.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (v < min || v > max) {
            boolean unbounded = max >= Integer.MAX_VALUE;
            String range =
                    !unbounded ? "between " + min + " and " + max : v < min ? "at least " + min : "at most " + max;
            throw error("must be " + range + ", got " + t);
        }
        return v;
    }

    double number() {
        String t = text("a number");
        double v;
        try {
            v = Double.parseDouble(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + t + "'");
        }
        if (!Double.isFinite(v)) {
            throw error("expected a finite number, got '" + t + "'");
        }
        return v;
    }

    boolean flag() {
        String t = text("true or false");
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error("expected true or false, got '" + t + "'");
        };
    }

    /** The value as the error quotes it. */
    String shown() {
        return switch (node) {
            case ScalarNode s when s.getTag().equals(Tag.NULL) || s.getValue().isBlank() -> "nothing";
            case ScalarNode s -> "'" + s.getValue() + "'";
            case MappingNode m -> "a mapping";
            default -> "a list";
        };
    }
}
