package io.loadgrid.report.table;

import io.loadgrid.common.metrics.SloVerdict;
import java.io.PrintStream;
import java.util.List;

/** The objectives' verdicts under a run's table: one line each, the unmet marked so a reader's eye finds them. */
public final class SloLines {
    private SloLines() {}

    public static void print(List<SloVerdict> verdicts, PrintStream out) {
        if (verdicts == null || verdicts.isEmpty()) {
            return;
        }
        int width = verdicts.stream().mapToInt(v -> v.slo().length()).max().orElse(0);
        long unmet = verdicts.stream().filter(v -> !v.met()).count();
        out.println(
                unmet == 0
                        ? "Objectives: all " + verdicts.size() + " met"
                        : "Objectives: " + unmet + " of " + verdicts.size() + " " + SloVerdict.UNMET);
        for (SloVerdict v : verdicts) {
            out.printf("  %-" + width + "s  %-7s  %s%n", v.slo(), v.met() ? "met" : SloVerdict.UNMET, v.says());
        }
    }
}
