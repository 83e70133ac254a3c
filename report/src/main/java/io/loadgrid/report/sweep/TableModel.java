package io.loadgrid.report.sweep;

import java.util.List;

/**
 * One table of a sweep report, rendered the same way into summary.md and report.html.
 *
 * @param notes lines shown under the table (saturation flags, comparisons)
 */
public record TableModel(String title, List<String> header, List<List<String>> rows, List<String> notes) {}
