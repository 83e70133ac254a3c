package io.loadgrid.report.sweep;

import java.util.List;
import java.util.regex.Pattern;

/** A report table as HTML: numbers right-aligned so that their digits line up, saturated rows marked. */
final class HtmlTables {
    /**
     * "12,345", "3.52 ± 0.10", "98.5%", "1.2k", "0.95 s", "-4.1 ms", "×3.5": a number, an optional spread, a short
     * unit.
     */
    private static final Pattern NUMERIC = Pattern.compile(
            "[-+−×x]?\\d[\\d,.]*(?:[eE][-+]?\\d+)?\\s*[\\p{L}%/µ]{0,8}(?:\\s*±\\s*\\d[\\d,.]*\\s*[\\p{L}%/µ]{0,8})?");
    /** What a table writes for a figure it does not have: aligned as the numbers it stands for. */
    private static final Pattern MISSING = Pattern.compile("-|–|—|n/a");

    private HtmlTables() {}

    static void append(StringBuilder b, TableModel t) {
        b.append("<div class=\"table\">\n<h3>")
                .append(HtmlText.escape(t.title()))
                .append("</h3>\n");
        b.append("<div class=\"scroll\"><table class=\"report\">\n<thead><tr>");
        for (int col = 0; col < t.header().size(); col++) {
            b.append(numericColumn(t, col) ? "<th class=\"num\">" : "<th>")
                    .append(HtmlText.escape(t.header().get(col)))
                    .append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            boolean saturated = row.stream().anyMatch(c -> c != null && c.contains(HtmlText.SATURATED_SIGN));
            boolean unmet = row.contains(ObjectivesTable.UNMET);
            b.append(saturated ? "<tr class=\"saturated\">" : unmet ? "<tr class=\"unmet\">" : "<tr>");
            for (String cell : row) {
                b.append(numeric(cell) ? "<td class=\"num\">" : "<td>")
                        .append(HtmlText.flagged(cell))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
        if (t.notes() != null && !t.notes().isEmpty()) {
            b.append("<ul class=\"notes\">\n");
            t.notes().forEach(n -> b.append("<li>").append(HtmlText.flagged(n)).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("</div>\n");
    }

    static boolean numeric(String cell) {
        if (cell == null) {
            return false;
        }
        String s = cell.replace(HtmlText.SATURATED_SIGN, "").strip();
        return !s.isEmpty()
                && (NUMERIC.matcher(s).matches() || MISSING.matcher(s).matches());
    }

    /** A header sits over its numbers when every cell below it is one. */
    private static boolean numericColumn(TableModel t, int col) {
        return !t.rows().isEmpty() && t.rows().stream().allMatch(r -> col < r.size() && numeric(r.get(col)));
    }
}
