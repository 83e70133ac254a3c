package io.loadgrid.coordinator.sweep;

import io.loadgrid.common.files.Writable;
import io.loadgrid.coordinator.sweep.plan.Cell;
import io.loadgrid.coordinator.sweep.plan.PlanParser;
import io.loadgrid.coordinator.sweep.plan.SweepPlan;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.CellSummary;
import io.loadgrid.report.results.SweepResults;
import io.loadgrid.report.store.SweepStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep command line as typed; {@link #validate()} reads the plan (or the sweep to resume) and says what is wrong.
 */
public record SweepOptions(String planFile, Integer agents, Path out, String resume, String planSource, String base) {
    public SweepOptions(String planFile, Integer agents, Path out, String resume) {
        this(planFile, agents, out, resume, null, null);
    }

    static final String DEFAULT_PLAN = "sweeps/quick.yaml";

    /**
     * @param previous the results of the sweep being resumed, its completed cells kept and the rest pending; or null
     * @param outRoot  the --out the user gave, to repeat in the resume hint; null for the default
     */
    public record Valid(
            SweepPlan plan,
            String sweepId,
            Path dir,
            Integer agents,
            SweepResults previous,
            Path outRoot,
            String base) {}

    public Valid validate() {
        if (agents != null && agents < 1) {
            throw new IllegalArgumentException("--agents must be at least 1, got " + agents);
        }
        Path root = out != null ? out : Path.of("results");
        if (resume != null) {
            if (planFile != null) {
                throw new IllegalArgumentException(
                        "--resume continues the plan its sweep started with; drop " + planFile);
            }
            Path dir = root.resolve(resume);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("no sweep " + resume + " in " + root + "; give an id from ls " + root
                        + (out == null ? " (or --out DIR where it was written)" : ""));
            }
            SweepResults previous = SweepStore.load(dir);
            Writable.folder(dir, "--resume " + resume);
            SweepPlan plan =
                    PlanParser.parse(previous.plan().file(), previous.plan().source());
            return new Valid(plan, resume, dir, agents, keepDone(previous, plan), out, checkedBase());
        }
        SweepPlan plan = planSource != null ? PlanParser.parse(planFile, planSource) : PlanParser.parse(planPath());
        Writable.folder(root, "--out " + root);
        String id = plan.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return new Valid(plan, id, root.resolve(id), agents, null, out, checkedBase());
    }

    /** --base as given, checked to be an http(s) URL. */
    private String checkedBase() {
        if (base == null) {
            return null;
        }
        try {
            java.net.URI u = new java.net.URI(base);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            }
        } catch (java.net.URISyntaxException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(
                "--base '" + base + "' is not an http URL; give e.g. --base http://10.0.0.20:8080");
    }

    private Path planPath() {
        return locate(planFile);
    }

    /**
     * The plan file to read: {@code planFile} (default sweeps/quick.yaml) as given, or, when that relative path does
     * not exist here, the same path under the loadgrid installation, so that sweeps/*.yaml work from any directory.
     */
    public static Path locate(String planFile) {
        Path given = Path.of(planFile != null ? planFile : DEFAULT_PLAN);
        String home = System.getProperty("loadgrid.home");
        if (Files.exists(given) || given.isAbsolute() || home == null) {
            return given;
        }
        Path installed = Path.of(home).resolve(given);
        return Files.exists(installed) ? installed : given;
    }

    /** A completed cell is kept only if the plan still has it with the same parameters; anything else runs again. */
    private static SweepResults keepDone(SweepResults previous, SweepPlan plan) {
        List<CellResult> cells = new ArrayList<>();
        for (Cell c : plan.cells()) {
            CellResult old = previous.cells().stream()
                    .filter(p -> p.id().equals(c.id()))
                    .findFirst()
                    .orElse(null);
            boolean same = old != null && old.done() && old.sameParameters(c.params());
            cells.add(same ? old : CellSummary.pending(c));
        }
        return new SweepResults(previous.schema(), previous.sweepId(), previous.plan(), previous.environment(), cells);
    }
}
