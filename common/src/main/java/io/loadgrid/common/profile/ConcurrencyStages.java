package io.loadgrid.common.profile;

import io.loadgrid.common.profile.LoadShape.Stage;
import java.util.List;

/**
 * A closed model whose items in flight follow stages: sender slot j takes items while the level is above j, as k6's
 * ramping VUs do. A slot that closes finishes the item it holds; the others are untouched.
 */
public final class ConcurrencyStages implements LoadProfile {
    private final List<Stage> stages;

    ConcurrencyStages(LoadShape shape) {
        stages = shape.stages();
    }

    @Override
    public long intendedOffsetNanos(long seq) {
        return -1;
    }

    @Override
    public boolean gated() {
        return true;
    }

    @Override
    public long slotOpensAt(int slot, long offsetNanos) {
        long stageStart = 0;
        for (Stage s : stages) {
            long end = stageStart + s.nanos();
            if (offsetNanos < end) {
                long from = Math.max(offsetNanos, stageStart);
                if (s.at(from - stageStart) > slot) {
                    return from;
                }
                if (s.to() > slot) {
                    // a rising ramp passes the slot inside this stage: it opens just after the level crosses it
                    double share = (slot - s.from()) / (s.to() - s.from());
                    return Math.max(from, stageStart + (long) Math.floor(share * s.nanos()) + 1);
                }
            }
            stageStart = end;
        }
        return -1;
    }
}
