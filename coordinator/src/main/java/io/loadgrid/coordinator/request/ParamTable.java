package io.loadgrid.coordinator.request;

import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.Param;
import io.loadgrid.common.plan.RunParams;
import java.util.List;
import java.util.stream.Collectors;

/** The table of run parameters as people read it: each option's help line, and README's table of options. */
public final class ParamTable {
    private ParamTable() {}

    /** The help line of {@code p}, led by the models that use it when not every model does. */
    public static String description(Param p) {
        List<String> models = usedBy(p);
        return models.size() == ModelConfig.NAMES.size()
                ? p.description()
                : String.join(", ", models) + ": " + p.description();
    }

    /** README's table: one row per parameter, made from the table itself. */
    public static String markdown() {
        return "| option | plan key | default | models | meaning |\n|---|---|---|---|---|\n"
                + RunParams.ALL.stream()
                        .map(p -> "| `" + option(p) + "` | " + (p.inPlan() ? "`" + p.key() + "`" : "—") + " | "
                                + (p.shownDefault() == null ? "—" : p.shownDefault()) + " | " + models(p) + " | "
                                + p.help().replace("|", "\\|") + " |")
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    /** The models that use {@code p}: a knob's own model, or every model that does not refuse it. */
    public static List<String> usedBy(Param p) {
        return ModelConfig.NAMES.stream()
                .map(n -> ModelConfig.of(n, Param::defaultValue))
                .filter(m -> ModelConfig.KNOBS.contains(p) ? m.knobs().containsKey(p.key()) : m.refusal(p) == null)
                .map(ModelConfig::key)
                .toList();
    }

    private static String option(Param p) {
        if (p.type() == Param.Type.FLAG) {
            return Boolean.TRUE.equals(p.defaultValue())
                    ? "--[no-]" + p.option().substring(2)
                    : p.option();
        }
        return p.option() + " " + (p.choices().isEmpty() ? p.label() : String.join("\\|", p.choices()));
    }

    private static String models(Param p) {
        List<String> models = usedBy(p);
        return models.size() == ModelConfig.NAMES.size() ? "all" : String.join(", ", models);
    }
}
