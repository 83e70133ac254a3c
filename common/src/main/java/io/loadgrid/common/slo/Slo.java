package io.loadgrid.common.slo;

import io.loadgrid.common.metrics.SloVerdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service-level objective, as users write it: {@code p99<50ms}, {@code p99.9<=5ms}, {@code max<1s},
 * {@code mean<20ms}, {@code errors<0.1%}, {@code rps>2000}. It is judged on what the whole cluster measured (the
 * merged histogram and the summed counts, {@link Evidence}), never on one agent's share.
 *
 * @param text       as the user wrote it, lower case and without spaces: its verdict's and JUnit test case's name
 * @param name       what it bounds as people read it: p99, max, mean, errors or rps
 * @param percentile for a percentile, which one (99.9 for p99.9)
 * @param limit      in {@code unit}, as written
 * @param unit       us, ms or s for a latency, % for errors, empty for rps
 */
public record Slo(String text, String name, double percentile, Op op, double limit, String unit) {

    /** How the measured value must compare with the limit. */
    public enum Op {
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(double measured, double limit) {
            return switch (this) {
                case LT -> measured < limit;
                case LE -> measured <= limit;
                case GT -> measured > limit;
                case GE -> measured >= limit;
            };
        }

        static Op of(String symbol) {
            for (Op o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** What users may write, for every message about a wrong one. */
    public static final String FORMS = "a latency (p99, p99.9, max, mean) with us, ms or s, errors with %, or rps,"
            + " then <, <=, > or >= and the limit, e.g. p99<50ms, errors<0.1%, rps>2000";

    private static final Pattern FORM = Pattern.compile("(?<name>p(?<pct>\\d+(?:\\.\\d+)?)|max|mean|errors|rps)"
            + "(?<op><=|>=|<|>)(?<limit>\\d+(?:\\.\\d+)?)(?<unit>[a-z%]*)");

    /**
     * The objective {@code text} states.
     *
     * @throws IllegalArgumentException saying what is wrong and what a right one looks like, without the option's
     *                                  name (the caller says where it was given)
     */
    public static Slo parse(String text) {
        String compact = text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(compact);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an objective; write " + FORMS);
        }
        String name = m.group("name");
        String unit = m.group("unit");
        double limit = Double.parseDouble(m.group("limit"));
        double pct = m.group("pct") == null ? 0 : Double.parseDouble(m.group("pct"));
        switch (name) {
            case "errors" -> {
                need(unit.equals("%"), text, "an error share needs %, e.g. errors<0.1%");
                need(limit <= 100, text, "an error share is at most 100%");
            }
            case "rps" -> need(unit.isEmpty(), text, "rps is responses per second, a bare number: rps>2000");
            default -> {
                need(!unit.isEmpty(), text, "a latency needs a unit (us, ms or s), e.g. p99<50ms");
                need(
                        unit.equals("us") || unit.equals("ms") || unit.equals("s"),
                        text,
                        "'" + unit + "' is not a unit of time; use us, ms or s");
                need(m.group("pct") == null || (pct > 0 && pct <= 100), text, "a percentile lies in (0, 100]");
            }
        }
        return new Slo(compact, name, pct, Op.of(m.group("op")), limit, unit);
    }

    /** What it bounds and from which side ("p99<", "rps>"): two objectives that bound the same are one too many. */
    public String bounds() {
        return name + (op == Op.LT || op == Op.LE ? "<" : ">");
    }

    /** The measured value in the limit's unit, or NaN where nothing was measured (no response: no latency). */
    public double measure(Evidence e) {
        double perUnit = switch (unit) {
            case "s" -> 1_000_000;
            case "ms" -> 1_000;
            default -> 1;
        };
        return switch (name) {
            case "errors" -> e.items() == 0 ? Double.NaN : 100.0 * e.failed() / e.items();
            case "rps" -> e.wallS() <= 0 ? Double.NaN : e.responses() / e.wallS();
            case "max" -> e.latencyCount() == 0 ? Double.NaN : e.latencyMaxUs() / perUnit;
            case "mean" -> e.latencyCount() == 0 ? Double.NaN : e.latencyMeanUs() / perUnit;
            default -> e.latencyCount() == 0 ? Double.NaN : e.latencyAtUs(percentile) / perUnit;
        };
    }

    /** Met when the measured value compares as asked; never met when nothing was measured. */
    public SloVerdict judge(Evidence e) {
        double value = measure(e);
        String limitText = op.symbol + " " + plain(limit) + shownUnit();
        if (Double.isNaN(value)) {
            return new SloVerdict(
                    text,
                    false,
                    null,
                    name + " not measured (no "
                            + (name.equals("errors") ? "items" : name.equals("rps") ? "time" : "responses")
                            + "), needs "
                            + limitText);
        }
        boolean met = op.holds(value, limit);
        double shown = new BigDecimal(value).round(new MathContext(4)).doubleValue();
        String measured = plain(shown) + shownUnit();
        return new SloVerdict(text, met, shown, name + " " + measured + (met ? ", within " : ", needs ") + limitText);
    }

    private String shownUnit() {
        return unit.isEmpty() ? " req/s" : unit.equals("%") ? "%" : " " + unit;
    }

    private static void need(boolean ok, String text, String what) {
        if (!ok) {
            throw new IllegalArgumentException("'" + text + "': " + what);
        }
    }

    private static String plain(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
