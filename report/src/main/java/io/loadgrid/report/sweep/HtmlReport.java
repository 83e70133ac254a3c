package io.loadgrid.report.sweep;

import io.loadgrid.common.files.AtomicFile;
import io.loadgrid.report.results.SweepResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * report.html: one file that opens anywhere, offline, and can be mailed or archived with nothing beside it; styles,
 * script and plots are all inside it, and it names no URL.
 */
public final class HtmlReport {
    private HtmlReport() {}

    public static String render(
            SweepResults r, List<TableModel> tables, List<String> comparisons, Map<String, byte[]> plots) {
        String plan = r.plan() == null ? "sweep" : r.plan().name();
        StringBuilder b = new StringBuilder(64 * 1024
                + plots.values().stream().mapToInt(p -> p.length * 4 / 3 + 200).sum());
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(HtmlText.escape(plan + " · sweep " + r.sweepId()))
                .append("</title>\n<style>\n")
                .append(resource("report.css"))
                .append("</style>\n</head>\n<body>\n<header>\n<h1>")
                .append(HtmlText.escape(plan))
                .append("</h1>\n<p class=\"sub\">sweep <code>")
                .append(HtmlText.escape(r.sweepId()))
                .append("</code>");
        if (r.plan() != null
                && r.plan().description() != null
                && !r.plan().description().isBlank()) {
            b.append(" · ").append(HtmlText.escape(r.plan().description()));
        }
        b.append("</p>\n</header>\n");
        HtmlOverview.appendEnvironment(b, r);
        HtmlOverview.appendCaveats(b, r);
        if (comparisons != null && !comparisons.isEmpty()) {
            b.append("<section id=\"comparisons\">\n<h2>Comparisons</h2>\n<ul class=\"comparisons\">\n");
            comparisons.forEach(
                    c -> b.append("<li>").append(HtmlText.flagged(c)).append("</li>\n"));
            b.append("</ul>\n</section>\n");
        }
        b.append("<section id=\"tables\">\n<h2>Results</h2>\n");
        tables.forEach(t -> HtmlTables.append(b, t));
        b.append("</section>\n<section id=\"plots\">\n<h2>Plots</h2>\n");
        if (plots.isEmpty()) {
            b.append("<p>No cell has a measured run, so there is nothing to plot.</p>\n");
        }
        plots.forEach((file, png) -> figure(b, Plot.titleOf(file), png));
        b.append("</section>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    /** Replaces {@code file} whole, so that a browser reloading it never shows half a report. */
    public static void write(Path file, String html) throws IOException {
        AtomicFile.write(file, html.getBytes(StandardCharsets.UTF_8));
    }

    private static void figure(StringBuilder b, String title, byte[] png) {
        b.append("<figure>\n<figcaption>")
                .append(HtmlText.escape(title))
                .append("</figcaption>\n<img alt=\"")
                .append(HtmlText.escape(title))
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png))
                .append("\">\n</figure>\n");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the loadgrid jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
