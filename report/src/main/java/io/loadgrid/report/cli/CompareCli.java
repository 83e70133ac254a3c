package io.loadgrid.report.cli;

import io.loadgrid.common.cli.BadInput;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.report.compare.Change;
import io.loadgrid.report.compare.SweepDiff;
import io.loadgrid.report.store.SweepStore;
import io.loadgrid.report.table.Table;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./loadgrid compare A B}: cell by cell, exit 1 when B regressed beyond the threshold. */
@Command(
        name = "loadgrid compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Compare two sweep folders cell by cell; exit 1 if B is worse than A beyond the threshold and the "
                        + "noise.")
public final class CompareCli implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR_A", description = "the baseline sweep folder")
    Path a;

    @Parameters(index = "1", paramLabel = "DIR_B", description = "the sweep folder to judge")
    Path b;

    @Option(
            names = "--threshold",
            paramLabel = "PCT",
            description = "percent worse that counts as a regression (default: ${DEFAULT-VALUE})")
    double threshold = 10;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return new CommandLine(new CompareCli())
                .setParameterExceptionHandler((e, x) -> BadInput.report("compare", e.getMessage()))
                .execute(args);
    }

    @Override
    public Integer call() {
        try {
            if (!(threshold >= 0)) {
                throw new IllegalArgumentException("--threshold must be a percentage >= 0, got " + threshold);
            }
            SweepDiff.Result r = SweepDiff.of(SweepStore.load(a), SweepStore.load(b), threshold);
            System.out.println("loadgrid compare: A = " + a + ", B = " + b + ", threshold " + threshold + "%");
            Table.render(
                    new String[] {"Cell", "Name", "Figure", "A", "B", "Change", "Verdict"},
                    r.changes().stream().map(Change::row).toList(),
                    System.out);
            r.unmatched().forEach(u -> System.out.println("not compared: " + u));
            long n = r.changes().stream().filter(Change::regression).count();
            System.out.println(n == 0 ? "no regression" : n + " regression(s)");
            return (n == 0 ? ExitCode.OK : ExitCode.REGRESSION).code();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return BadInput.report("compare", e.getMessage());
        } catch (RuntimeException e) {
            // e.g. a results.json from another version that lacks a field: one line, not a stack trace
            System.err.println("loadgrid compare: failed: " + e);
            return ExitCode.INCOMPLETE.code();
        }
    }
}
