package io.loadgrid.common.slo;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.SloVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objectives a run or a sweep cell is held to: {@code --slo} on the command line, {@code slo:} in a sweep plan
 * (for the whole plan, and per cell). Their name, their help and their check live here once.
 *
 * @param abortAfter with {@code --abort-on-fail} (a plan's {@code abort_on_fail:}), the grace period after which a
 *                   run whose live figures already miss an objective is stopped; null: every run runs to its end
 */
public record Objectives(List<Slo> all, Duration abortAfter) {
    public static final String OPTION = "--slo";
    public static final String KEY = "slo";
    public static final String HELP = "an objective the run must meet, judged on the cluster's merged figures; "
            + "repeatable, e.g. --slo 'p99<50ms' --slo 'errors<0.1%' --slo 'rps>2000'; one unmet exits 4";
    public static final String ABORT_OPTION = "--abort-on-fail";
    public static final String ABORT_KEY = "abort_on_fail";
    public static final String ABORT_HELP = "after this grace period (e.g. 10s), judge the objectives on the live "
            + "merged figures at every snapshot and stop the run at the first one lost (exit 4)";
    public static final Objectives NONE = new Objectives(List.of(), null);

    public Objectives {
        all = List.copyOf(all);
    }

    /**
     * @param where how the caller names where they were given ("--slo", "slo"), for the message
     * @throws IllegalArgumentException naming the one that is wrong and how a right one looks
     */
    public static Objectives parse(List<String> texts, String where) {
        List<Slo> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(Slo.parse(t));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " " + e.getMessage(), e);
            }
        }
        return of(out);
    }

    /** These objectives, each once, enforced only at the end. */
    public static Objectives of(List<Slo> slos) {
        return new Objectives(slos.stream().distinct().toList(), null);
    }

    /** As people read them together: "p99<100ms, errors<0.1%". */
    public String text() {
        return String.join(", ", all.stream().map(Slo::text).toList());
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /**
     * These, with {@code more} on top: an objective of {@code more} on what one of these bounds (p99, errors, ...)
     * and in the same direction replaces it, as a cell's own {@code slo:} overrides its plan's.
     */
    public Objectives with(Objectives more) {
        Map<String, Slo> byWhat = new LinkedHashMap<>();
        all.forEach(s -> byWhat.put(s.bounds(), s));
        more.all.forEach(s -> byWhat.put(s.bounds(), s));
        return new Objectives(new ArrayList<>(byWhat.values()), abortAfter);
    }

    /**
     * One verdict per objective, on the runs' merged figures. One that a run lost while it ran ({@link #lost}) is
     * unmet whatever the figures at the end say: it was what stopped that run.
     */
    public List<SloVerdict> judge(List<RunResult> runs) {
        if (all.isEmpty()) {
            return List.of();
        }
        Evidence e = Evidence.of(runs);
        return all.stream()
                .map(s -> {
                    SloVerdict v = s.judge(e);
                    return runs.stream()
                            .map(RunResult::stoppedBy)
                            .filter(why -> why != null && why.startsWith(lostPrefix(s)))
                            .findFirst()
                            .map(why -> new SloVerdict(v.slo(), false, v.measured(), v.says() + "; " + why))
                            .orElse(v);
                })
                .toList();
    }

    /** Why a run was stopped for losing {@code slo} at {@code atS} seconds, as its {@code stopped_by} says. */
    public static String lost(Slo slo, double atS, String says) {
        return String.format(
                java.util.Locale.ROOT, "%s %.1f s into the run (%s on the figures so far)", lostPrefix(slo), atS, says);
    }

    private static String lostPrefix(Slo slo) {
        return "objective " + slo.text() + " lost";
    }

    /** One unmet verdict per objective, for a cell that did not run to its end. */
    public List<SloVerdict> notJudged(String why) {
        return all.stream().map(s -> SloVerdict.notJudged(s.text(), why)).toList();
    }

    public static boolean allMet(List<SloVerdict> verdicts) {
        return verdicts.stream().allMatch(SloVerdict::met);
    }

    /** The same objectives, enforced during the run after {@code grace}. */
    public Objectives abortingAfter(Duration grace) {
        return new Objectives(all, grace);
    }
}
