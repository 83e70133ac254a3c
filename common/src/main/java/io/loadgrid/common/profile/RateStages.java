package io.loadgrid.common.profile;

import io.loadgrid.common.profile.LoadShape.Stage;
import java.util.Arrays;
import java.util.List;

/**
 * An open model whose arrival rate follows stages: item k's slot is the instant the stages' cumulative arrivals reach
 * k, the same inverse wrk2 takes of a constant rate (k / rate), taken of a linear ramp. One schedule by item index,
 * so it is split exactly across every sender of the cluster, as a constant rate is.
 */
public final class RateStages implements LoadProfile {
    private final List<Stage> stages;
    /** Arrivals before stage i; one more entry, the run's total. */
    private final double[] before;

    private final long[] startNanos;

    RateStages(LoadShape shape) {
        stages = shape.stages();
        before = new double[stages.size() + 1];
        startNanos = new long[stages.size() + 1];
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            before[i + 1] = before[i] + (s.from() + s.to()) / 2 * s.nanos() / 1e9;
            startNanos[i + 1] = startNanos[i] + s.nanos();
        }
    }

    /** How many items the stages schedule: those whose slot falls before their end. */
    public long items() {
        return (long) Math.ceil(before[stages.size()] - 1e-9);
    }

    @Override
    public long intendedOffsetNanos(long seq) {
        int i = Arrays.binarySearch(before, seq);
        // the stage that holds arrival seq: the last one that begins at or before it and schedules any item
        i = i >= 0 ? i : -i - 2;
        while (i < stages.size() - 1 && before[i + 1] <= seq) {
            i++;
        }
        if (i >= stages.size() || seq >= before[stages.size()]) {
            return startNanos[stages.size()];
        }
        Stage s = stages.get(i);
        double x = seq - before[i];
        double seconds = s.nanos() / 1e9;
        // the root of from*t + (to - from)*t^2/(2*seconds) = x, in the form that stays exact for a hold and a start at
        // 0
        double t = x == 0
                ? 0
                : 2 * x / (s.from() + Math.sqrt(s.from() * s.from() + 2 * (s.to() - s.from()) * x / seconds));
        return startNanos[i] + Math.min(s.nanos(), Math.round(t * 1e9));
    }
}
