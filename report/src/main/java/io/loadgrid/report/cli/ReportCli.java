package io.loadgrid.report.cli;

import io.loadgrid.common.cli.BadInput;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.report.results.SweepResults;
import io.loadgrid.report.store.SweepStore;
import io.loadgrid.report.sweep.Comparisons;
import io.loadgrid.report.sweep.Reports;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./loadgrid report DIR}: renders a sweep folder's reports again from its results.json. */
@Command(
        name = "loadgrid report",
        mixinStandardHelpOptions = true,
        description =
                "Re-render results.csv, summary.md, plots/ and report.html of a sweep folder from its results.json.")
public final class ReportCli implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "a sweep folder, e.g. results/quick-20261124-101500")
    Path dir;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return new CommandLine(new ReportCli())
                .setParameterExceptionHandler((e, x) -> BadInput.report("report", e.getMessage()))
                .execute(args);
    }

    @Override
    public Integer call() {
        try {
            SweepResults r = SweepStore.load(dir);
            Reports.write(dir, r);
            Comparisons.lines(r).forEach(System.out::println);
            System.out.println("wrote " + dir + "/{results.csv,summary.md,report.html,plots/}");
            return 0;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return BadInput.report("report", e.getMessage());
        } catch (RuntimeException e) {
            // e.g. a results.json from another version that lacks a field: one line, not a stack trace
            System.err.println("loadgrid report: failed: " + e);
            return ExitCode.INCOMPLETE.code();
        }
    }
}
