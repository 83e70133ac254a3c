package io.loadgrid.coordinator.request;

import io.loadgrid.common.codec.Durations;
import io.loadgrid.common.files.Writable;
import io.loadgrid.common.slo.Objectives;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The objectives {@code ./loadgrid run} is held to, and where their JUnit report goes (a picocli mixin). */
public final class SloOptions {
    @Option(names = Objectives.OPTION, paramLabel = "OBJECTIVE", description = Objectives.HELP)
    List<String> slo = new ArrayList<>();

    @Option(names = Objectives.ABORT_OPTION, paramLabel = "GRACE", description = Objectives.ABORT_HELP)
    String abortAfter;

    @Option(names = JUNIT, paramLabel = "FILE", description = JUNIT_HELP)
    Path junit;

    public static final String JUNIT = "--junit";
    public static final String JUNIT_HELP =
            "write the objectives' verdicts as a JUnit XML report, one test case per objective, for CI to show";

    /** The objectives, checked; bad input is an IllegalArgumentException saying which and how to write it. */
    public Objectives objectives() {
        Objectives o = Objectives.parse(slo, Objectives.OPTION);
        if (abortAfter != null) {
            if (o.isEmpty()) {
                throw new IllegalArgumentException(Objectives.ABORT_OPTION
                        + " stops a run that loses an objective and none was given; add e.g. --slo 'p99<50ms'");
            }
            o = o.abortingAfter(Durations.parse(abortAfter, Objectives.ABORT_OPTION));
        }
        if (junit != null) {
            if (o.isEmpty()) {
                throw new IllegalArgumentException(
                        JUNIT + " reports objectives and none was given; add e.g. --slo 'p99<50ms'");
            }
            Writable.file(junit, JUNIT);
        }
        return o;
    }

    /** Where the JUnit report goes, or null. */
    public Path junit() {
        return junit;
    }
}
