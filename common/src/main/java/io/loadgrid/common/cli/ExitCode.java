package io.loadgrid.common.cli;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.slo.Objectives;

/**
 * What every loadgrid command's exit code says, declared once; README's "Exit codes" table is {@link #markdown()}
 * (a test holds the two together). Two meanings share 1: {@code compare}'s output says which it is.
 */
public enum ExitCode {
    OK(0, "everything asked for ran; a failed item is a result, not an error (see `failures`)"),
    INCOMPLETE(
            1,
            "not everything ran: items lost with an agent, a sweep cell not completed, or the command failed"
                    + " on its way (one line says why; a run already measured prints its table first)"),
    REGRESSION(1, "`compare`: a cell got worse than the threshold (its table names it; a failure is one line instead)"),
    BAD_INPUT(2, "bad input, told in one line on stderr; nothing was sent"),
    ALL_FAILED(3, "every item failed (of the run, or of a sweep cell): the results are written and name the failures"),
    SLO_FAILED(
            4,
            "an objective (`--slo`, a plan's `slo:`) was not met, or a run was stopped because it lost one"
                    + " (`--abort-on-fail`): the results are written, the verdicts say what was measured"),
    INTERRUPTED(130, "interrupted (Ctrl-C): what ran is merged and reported; a sweep continues with `--resume`");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /**
     * A finished run's code: interrupted, then stopped for a lost objective, then items missing, then every item
     * failed, then an objective unmet.
     */
    public static ExitCode of(RunResult r) {
        if (r.wasInterrupted()) {
            return INTERRUPTED;
        }
        if (r.stoppedBy() != null) {
            return SLO_FAILED; // its missing items are the ones the stop kept from running
        }
        if (r.spread().cluster().missingItems() > 0) {
            return INCOMPLETE;
        }
        if (allFailed(r)) {
            return ALL_FAILED;
        }
        return r.slo() != null && !Objectives.allMet(r.slo()) ? SLO_FAILED : OK;
    }

    /** Items ran and not one succeeded. */
    public static boolean allFailed(RunResult r) {
        return r.counts().ok() == 0 && r.counts().failed() > 0;
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder("| code | meaning |\n|---:|---|\n");
        for (ExitCode e : values()) {
            md.append("| ").append(e.code).append(" | ").append(e.meaning).append(" |\n");
        }
        return md.toString();
    }
}
