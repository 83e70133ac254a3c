package io.loadgrid.coordinator.cli;

import io.loadgrid.common.cli.BadInput;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.plan.Param;
import io.loadgrid.common.plan.RunParams;
import io.loadgrid.coordinator.export.MetricsOptions;
import io.loadgrid.coordinator.request.ParamTable;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.request.RunValues;
import io.loadgrid.coordinator.request.SloOptions;
import io.loadgrid.coordinator.run.PlanRejected;
import io.loadgrid.coordinator.session.RunCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code ./loadgrid run}: its options are made from the table of run parameters ({@link RunParams}), read into
 * {@link RunValues} and checked by {@link RunRequest#of}, exactly as a sweep plan's cell is.
 */
public final class RunCli implements Callable<Integer> {
    private final ClusterOptions cluster = new ClusterOptions();
    private final MetricsOptions metrics = new MetricsOptions();
    private final SloOptions slo = new SloOptions();
    private CommandLine cli;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return command()
                .setParameterExceptionHandler((e, a) -> BadInput.report("run", e.getMessage()))
                .execute(args);
    }

    /**
     * The values {@code args} give, unchecked across parameters: what a sweep cell must equal for the same settings.
     *
     * @throws IllegalArgumentException for a value its parameter refuses
     */
    public static RunValues parse(String... args) {
        return values(command().parseArgs(args));
    }

    private static CommandLine command() {
        RunCli run = new RunCli();
        CommandSpec spec =
                CommandSpec.wrapWithoutInspection(run).name("loadgrid run").mixinStandardHelpOptions(true);
        spec.usageMessage()
                .sortOptions(false)
                .description(
                        "Drive a workload with one concurrency model on one or more agents and report the metrics.");
        RunParams.ALL.forEach(p -> spec.addOption(option(p)));
        spec.addMixin("cluster", CommandSpec.forAnnotatedObject(run.cluster));
        spec.addMixin("slo", CommandSpec.forAnnotatedObject(run.slo));
        spec.addMixin("metrics", CommandSpec.forAnnotatedObject(run.metrics));
        run.cli = new CommandLine(spec);
        return run.cli;
    }

    private static OptionSpec option(Param p) {
        OptionSpec.Builder b = OptionSpec.builder(p.option())
                .description(ParamTable.description(p).replace("%", "%%"));
        if (p.type() == Param.Type.FLAG) {
            b.type(boolean.class).arity("0");
            if (Boolean.TRUE.equals(p.defaultValue())) {
                b.negatable(true).defaultValue("true").fallbackValue("true");
            }
        } else {
            b.type(String.class).arity("1").paramLabel(p.label());
        }
        return b.build();
    }

    private static RunValues values(ParseResult parsed) {
        Map<Param, Object> given = new LinkedHashMap<>();
        for (Param p : RunParams.ALL) {
            if (!parsed.hasMatchedOption(p.option())) {
                continue;
            }
            Object value = parsed.matchedOptionValue(p.option(), null);
            try {
                given.put(p, value instanceof String text ? p.parse(text) : value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(p.option() + " " + e.getMessage(), e);
            }
        }
        return RunValues.of(given);
    }

    @Override
    public Integer call() {
        try {
            RunRequest run = RunRequest.of(values(cli.getParseResult()));
            return new RunCommand(
                            run, slo.objectives(), slo.junit(), cluster, metrics.validate(), System.out, System.err)
                    .call();
        } catch (IllegalArgumentException | PlanRejected e) {
            return BadInput.report("run", e.getMessage());
        } catch (Exception e) {
            System.err.println("loadgrid run: failed: " + e);
            return ExitCode.INCOMPLETE.code();
        }
    }
}
