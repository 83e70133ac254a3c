package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.codec.Durations;
import io.loadgrid.common.slo.Objectives;
import io.loadgrid.common.slo.Slo;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A plan's {@code slo:} (for every cell) or an include entry's (that cell's, over the plan's): one objective or a
 * list, each read where it is written so that a wrong one is reported at its own line.
 */
final class PlanObjectives {
    private PlanObjectives() {}

    /** The plan's own: its {@code slo:}, enforced during each measured run after {@code abort_on_fail:} if given. */
    static Objectives ofPlan(YamlMap top) {
        Objectives o = read(top);
        if (!top.has(Objectives.ABORT_KEY)) {
            return o;
        }
        Scalar s = top.scalar(Objectives.ABORT_KEY);
        try {
            return o.abortingAfter(Durations.parse(s.text("a grace period such as 10s"), ""));
        } catch (IllegalArgumentException e) {
            throw s.error(e.getMessage().strip());
        }
    }

    static Objectives read(YamlMap map) {
        if (!map.has(Objectives.KEY)) {
            return Objectives.NONE;
        }
        Node node = map.node(Objectives.KEY);
        List<Node> items = node instanceof SequenceNode s ? s.getValue() : List.of(node);
        List<Slo> slos = new ArrayList<>();
        for (Node item : items) {
            Scalar s = new Scalar(map.file(), map.field(Objectives.KEY), item);
            String text = s.text("an objective such as 'p99<50ms'");
            try {
                slos.add(Slo.parse(text));
            } catch (IllegalArgumentException e) {
                throw s.error(e.getMessage());
            }
        }
        return Objectives.of(slos);
    }
}
