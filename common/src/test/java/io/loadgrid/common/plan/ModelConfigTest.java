package io.loadgrid.common.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadgrid.common.codec.Json;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.workload.CpuKernel;
import io.loadgrid.common.workload.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each model's variant carries, checks and names its own knobs, and crosses the wire as itself. */
class ModelConfigTest {
    static final List<ModelConfig> EVERY = List.of(
            new ModelConfig.Sync(),
            new ModelConfig.Threads(ModelConfig.Threads.Pool.RECREATE),
            new ModelConfig.Virtual(),
            new ModelConfig.Async(),
            new ModelConfig.Hybrid(3),
            new ModelConfig.Multiprocess(2));

    @Test
    void everyVariantIsNamedAsUsersTypeItAndCrossesTheWireWithItsKnobs() {
        assertThat(EVERY.stream().map(ModelConfig::key)).containsExactlyElementsOf(ModelConfig.NAMES);
        for (ModelConfig m : EVERY) {
            RunSpec spec = new RunSpec(
                    m,
                    4,
                    new Workload.Cpu(new CpuKernel.Squares()),
                    100,
                    null,
                    null,
                    null,
                    0,
                    Duration.ofSeconds(1),
                    null,
                    true);
            String json = Json.write(spec);
            assertThat(json).contains("\"name\":\"" + m.key() + "\"");
            assertThat(Json.read(json, RunSpec.class)).isEqualTo(spec);
        }
    }

    @Test
    void aNameWithTheTableDefaultsGivesTheVariantWithThem() {
        assertThat(ModelConfig.of("hybrid", Param::defaultValue)).isEqualTo(new ModelConfig.Hybrid(10));
        assertThat(ModelConfig.of("threads", Param::defaultValue))
                .isEqualTo(new ModelConfig.Threads(ModelConfig.Threads.Pool.REUSE));
        assertThat(ModelConfig.of("multiprocess", Param::defaultValue))
                .isEqualTo(new ModelConfig.Multiprocess(Runtime.getRuntime().availableProcessors()));
        assertThatThrownBy(() -> ModelConfig.of("fibers", Param::defaultValue))
                .hasMessageContaining("'fibers' is not one of sync");
        assertThatThrownBy(() -> ModelConfig.of("async", p -> p == ModelConfig.POOL ? "recreate" : p.defaultValue()))
                .hasMessage("--pool recreate applies to --model threads only");
    }

    @Test
    void eachVariantChecksItsOwnKnobs() {
        assertThatThrownBy(() -> new ModelConfig.Hybrid(8).check(4))
                .hasMessageStartingWith("--threads 8 exceeds --concurrency 4");
        new ModelConfig.Hybrid(4).check(4);
        assertThatThrownBy(() -> new ModelConfig.Multiprocess(3).check(2))
                .hasMessageStartingWith("--processes 3 exceeds --concurrency 2");
        assertThat(new ModelConfig.Multiprocess(3).refusal(RunParams.BATCH)).isNotNull();
        assertThat(new ModelConfig.Async().refusal(RunParams.BATCH)).isNull();
        assertThatThrownBy(() -> new ModelConfig.Sync().concurrency(10, 100))
                .hasMessageContaining("one request at a time");
        assertThat(new ModelConfig.Sync().concurrency(null, 100)).isEqualTo(1);
        assertThat(new ModelConfig.Async().concurrency(null, 100)).isEqualTo(100);
        assertThat(new ModelConfig.Threads(ModelConfig.Threads.Pool.RECREATE).batch(null, 50))
                .as("one pool's worth")
                .isEqualTo(50);
        assertThat(new ModelConfig.Threads(ModelConfig.Threads.Pool.REUSE).batch(null, 50))
                .isZero();
        assertThat(new ModelConfig.Multiprocess(3).sendersPerNode()).isEqualTo(3);
        assertThat(new ModelConfig.Hybrid(3).sendersPerNode()).isEqualTo(1);
    }

    @Test
    void theResultsParametersCarryTheModelsOwnKnobsBesideTheOthers() {
        RunResult.Parameters p = new RunResult.Parameters(
                null, null, null, null, new ModelConfig.Hybrid(3).knobs(), 5000, "discard", true);
        String json = Json.write(p);
        assertThat(json).contains("\"threads\":3").doesNotContain("model").doesNotContain("pool");
        assertThat(Json.read(json, RunResult.Parameters.class)).isEqualTo(p);
        assertThat(Json.read(json, RunResult.Parameters.class).model()).isEqualTo(Map.of("threads", 3));
    }
}
