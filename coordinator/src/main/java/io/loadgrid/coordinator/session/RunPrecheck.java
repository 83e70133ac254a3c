package io.loadgrid.coordinator.session;

import io.loadgrid.common.workload.Workload;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.target.Preflight;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The checks of runs that need the network but no JVM of loadgrid's: made before anything starts. */
public final class RunPrecheck {
    private RunPrecheck() {}

    /**
     * Checks runs before any JVM starts, so that a typo costs no start-up: with --join every run needs a target the
     * agents can reach, and every target the user named must answer. Returns those targets, which local agents must
     * be allowed to load.
     */
    public static List<String> of(Collection<RunRequest> runs, boolean local) throws IOException {
        Set<String> targets = new LinkedHashSet<>();
        for (RunRequest run : runs) {
            if (run.embeddedTarget() && !local) {
                throw new IllegalArgumentException(
                        "with --join the agents need a target they can reach: give --base URL or --url TEMPLATE"
                                + " (in a sweep plan: base or url)");
            }
            if (run.spec().workload() instanceof Workload.Http http && !run.embeddedTarget()) {
                targets.add(http.urls().base());
            }
        }
        for (String t : targets) {
            Preflight.reachable(t);
        }
        return List.copyOf(targets);
    }
}
