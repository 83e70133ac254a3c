package io.loadgrid.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The metric names (and their label matchers) a PromQL expression selects, found by a small tokenizer rather than a
 * full parser: enough to check dashboards against the exported metric names, which is all the tests need. Also
 * understands Grafana's {@code label_values(metric, label)} variable queries and Grafana variables ({@code $sweep},
 * {@code ${node}}, {@code $__rate_interval}).
 */
public final class PromqlNames {

    /** One selector: the metric and its matchers, e.g. {@code sweep =~ "$sweep"}. */
    public record Selector(String metric, List<Matcher> matchers) {}

    public record Matcher(String label, String op, String value) {}

    // Followed by "(", these are calls, not selectors; listed so an aggregation written "sum by (le) (...)" (name not
    // directly followed by "(") is not taken for a metric either.
    private static final Set<String> AGGREGATIONS = Set.of(
            "sum",
            "min",
            "max",
            "avg",
            "group",
            "stddev",
            "stdvar",
            "count",
            "count_values",
            "bottomk",
            "topk",
            "quantile",
            "limitk",
            "limit_ratio");
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "and",
            "or",
            "unless",
            "atan2",
            "inf",
            "nan");
    // Their "(...)" holds label names, not expressions.
    private static final Set<String> LABEL_LISTS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final String src;
    private int pos;
    private final List<Selector> out = new ArrayList<>();

    private PromqlNames(String src) {
        this.src = src;
    }

    /** Distinct metric names in order of appearance. */
    public static Set<String> names(String expr) {
        Set<String> names = new LinkedHashSet<>();
        for (Selector s : selectors(expr)) {
            names.add(s.metric());
        }
        return names;
    }

    /** Every selector in order of appearance; throws IllegalArgumentException on unbalanced brackets or quotes. */
    public static List<Selector> selectors(String expr) {
        PromqlNames p = new PromqlNames(expr);
        p.scan(expr.length());
        return p.out;
    }

    private void scan(int end) {
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == '"' || c == '\'' || c == '`') {
                skipString();
            } else if (c == '#') {
                while (pos < end && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '$') {
                skipVariable();
            } else if (c == '[') {
                pos = close(pos, '[', ']') + 1; // ranges, subqueries, durations: never names
            } else if (c == '{') {
                bareSelector(matchers());
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < end && Character.isDigit(src.charAt(pos + 1)))) {
                skipNumber();
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                identifier();
            } else {
                pos++;
            }
        }
    }

    private void identifier() {
        int start = pos;
        while (pos < src.length()
                && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_' || src.charAt(pos) == ':')) {
            pos++;
        }
        String word = src.substring(start, pos);
        int next = skipSpaces(pos);
        boolean call = next < src.length() && src.charAt(next) == '(';
        String lower = word.toLowerCase(Locale.ROOT);
        if (call && LABEL_LISTS.contains(lower)) {
            pos = close(next, '(', ')') + 1;
        } else if (call && word.equals("label_values")) {
            labelValues(next);
        } else if (call || AGGREGATIONS.contains(lower) || KEYWORDS.contains(lower)) {
            return; // a function's arguments are scanned as ordinary input
        } else {
            List<Matcher> m = List.of();
            if (next < src.length() && src.charAt(next) == '{') {
                pos = next;
                m = matchers();
            }
            out.add(new Selector(word, m));
        }
    }

    /** Grafana's label_values(label) or label_values(selector, label): only the selector names a metric. */
    private void labelValues(int open) {
        int end = close(open, '(', ')');
        int comma = topLevelComma(open + 1, end);
        pos = open + 1;
        if (comma >= 0) {
            scan(comma);
        }
        pos = end + 1;
    }

    private int topLevelComma(int from, int end) {
        int depth = 0;
        for (int i = from; i < end; i++) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = stringEnd(i);
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Parses {label op "value", ...} at pos; leaves pos after the closing brace. */
    private List<Matcher> matchers() {
        int end = close(pos, '{', '}');
        List<Matcher> list = new ArrayList<>();
        pos++;
        while (true) {
            pos = skipSpaces(pos);
            if (pos >= end) {
                break;
            }
            if (src.charAt(pos) == ',') {
                pos++;
                continue;
            }
            int start = pos;
            while (pos < end && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            String label = src.substring(start, pos);
            pos = skipSpaces(pos);
            int opStart = pos;
            while (pos < end && "=!~".indexOf(src.charAt(pos)) >= 0) {
                pos++;
            }
            String op = src.substring(opStart, pos);
            pos = skipSpaces(pos);
            if (label.isEmpty() || op.isEmpty() || pos >= end || "\"'`".indexOf(src.charAt(pos)) < 0) {
                throw new IllegalArgumentException("bad label matcher at " + start + " in: " + src);
            }
            int valueEnd = stringEnd(pos);
            list.add(new Matcher(label, op, src.substring(pos + 1, valueEnd)));
            pos = valueEnd + 1;
        }
        pos = end + 1;
        return List.copyOf(list);
    }

    /**
     * A bare {__name__="x"} names x; {__name__=~"a|b"} names a and b. A regex that is not such a plain list is kept
     * verbatim as the "name", so a contract check fails on it instead of silently passing.
     */
    private void bareSelector(List<Matcher> matchers) {
        boolean named = false;
        for (Matcher m : matchers) {
            if (!m.label().equals("__name__")) {
                continue;
            }
            if (m.op().equals("=")) {
                out.add(new Selector(m.value(), matchers));
                named = true;
            } else if (m.op().equals("=~")) {
                List<String> alts = List.of(m.value().split("\\|", -1));
                boolean plain =
                        alts.stream().allMatch(a -> PLAIN_NAME.matcher(a).matches());
                for (String name : plain ? alts : List.of(m.value())) {
                    out.add(new Selector(name, matchers));
                }
                named = true;
            }
        }
        if (!named) {
            throw new IllegalArgumentException("selector without a metric name in: " + src);
        }
    }

    private void skipVariable() {
        pos++;
        if (pos < src.length() && src.charAt(pos) == '{') {
            pos = close(pos, '{', '}') + 1;
            return;
        }
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
    }

    // Covers 5m, 1h30m, 1e3, 0x1F, 2.5: none may be read as an identifier.
    private void skipNumber() {
        while (pos < src.length()
                && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.' || src.charAt(pos) == '_')) {
            pos++;
        }
    }

    private void skipString() {
        pos = stringEnd(pos) + 1;
    }

    /** Index of the quote closing the string that starts at {@code open}. */
    private int stringEnd(int open) {
        char q = src.charAt(open);
        for (int i = open + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\' && q != '`') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated string at " + open + " in: " + src);
    }

    /** Index of the bracket closing the one at {@code open}, skipping strings and nested brackets of that kind. */
    private int close(int open, char o, char c) {
        int depth = 0;
        for (int i = open; i < src.length(); i++) {
            char ch = src.charAt(i);
            if (ch == '"' || ch == '\'' || ch == '`') {
                i = stringEnd(i);
            } else if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced '" + o + "' at " + open + " in: " + src);
    }

    private int skipSpaces(int i) {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        return i;
    }
}
