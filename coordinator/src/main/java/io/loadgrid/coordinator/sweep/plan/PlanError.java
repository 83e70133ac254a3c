package io.loadgrid.coordinator.sweep.plan;

/**
 * A plan that cannot run, said in one line that points into the file:
 * {@code sweeps/quick.yaml:12: field 'concurrency': expected an integer, got 'ten'}.
 */
public final class PlanError extends IllegalArgumentException {
    private final String file;
    private final int line;

    /**
     * @param line    1-based, or 0 when the problem has no place in the file (it is missing, or unreadable)
     * @param subject what is wrong, e.g. "field 'matrix.model'" or "cell c03 {model: hybrid}"; null for the file itself
     */
    public PlanError(String file, int line, String subject, String what) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (subject == null ? "" : subject + ": ") + what);
        this.file = file;
        this.line = line;
    }

    static PlanError field(String file, int line, String field, String what) {
        return new PlanError(file, line, "field '" + field + "'", what);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The message is the whole story for the user; a stack trace of the parser would only hide it. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
