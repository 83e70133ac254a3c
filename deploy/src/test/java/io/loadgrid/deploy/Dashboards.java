package io.loadgrid.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Grafana dashboards in deploy/grafana/dashboards and every query in them, each with where it came from, so tests
 * can check the queries against the metrics the coordinator really exports.
 */
public final class Dashboards {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Dashboards() {}

    /**
     * One query. {@code panel} is the panel title, or "variable NAME" / "annotation NAME"; {@code variable} is true
     * for a templating query, which may use Grafana's label_values(...) form rather than plain PromQL.
     */
    public record Query(String file, String panel, String refId, String expr, boolean variable) {
        @Override
        public String toString() {
            return file + " / " + panel + (refId.isEmpty() ? "" : " / " + refId) + ": " + expr;
        }
    }

    /** deploy/grafana/dashboards, found from the working directory (Maven runs module tests in the module). */
    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("deploy/grafana/dashboards");
            if (Files.isDirectory(d)) {
                return d;
            }
        }
        throw new IllegalStateException(
                "no deploy/grafana/dashboards above " + Path.of("").toAbsolutePath());
    }

    public static List<Path> files() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode load(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** Every panel, with the panels of collapsed rows (which Grafana nests inside the row) flattened in. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            out.add(p);
            for (JsonNode nested : p.path("panels")) {
                out.add(nested);
            }
        }
        return out;
    }

    public static List<Query> queries(Path file) {
        String name = file.getFileName().toString();
        JsonNode d = load(file);
        List<Query> out = new ArrayList<>();
        for (JsonNode p : panels(d)) {
            for (JsonNode t : p.path("targets")) {
                if (t.hasNonNull("expr")) {
                    out.add(new Query(
                            name,
                            p.path("title").asText(),
                            t.path("refId").asText(),
                            t.get("expr").asText(),
                            false));
                }
            }
        }
        for (JsonNode v : d.path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
                // Grafana 10+ stores {"query": "...", "qryType": n}; older dashboards store the string itself.
                JsonNode q = v.path("query");
                String expr = q.isObject() ? q.path("query").asText() : q.asText();
                out.add(new Query(name, "variable " + v.path("name").asText(), "", expr, true));
            }
        }
        for (JsonNode a : d.path("annotations").path("list")) {
            if (a.hasNonNull("expr")) {
                out.add(new Query(
                        name,
                        "annotation " + a.path("name").asText(),
                        "",
                        a.get("expr").asText(),
                        false));
            }
        }
        return out;
    }

    public static List<Query> allQueries() {
        return files().stream().flatMap(f -> queries(f).stream()).toList();
    }

    /**
     * The PromQL inside a query: the selector of label_values(selector, label), null for label_values(label) (no
     * PromQL at all), else the expression itself.
     */
    public static String promql(String expr) {
        String e = expr.strip();
        if (!e.startsWith("label_values(") || !e.endsWith(")")) {
            return e;
        }
        String args = e.substring("label_values(".length(), e.length() - 1);
        int comma = args.lastIndexOf(','); // the label name after the last comma never contains one
        return comma < 0 ? null : args.substring(0, comma).strip();
    }
}
