package io.loadgrid.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.plan.Split;
import io.loadgrid.common.workload.SeedStream;
import io.loadgrid.common.workload.Workload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignedPlanTest {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final RunSpec SPEC = new RunSpec(
            new ModelConfig.Hybrid(2),
            40,
            new Workload.Http("seed", new SeedStream("http://127.0.0.1:8080"), true),
            5000,
            null,
            250.0,
            null,
            0,
            Duration.ofSeconds(5),
            null,
            true);
    static final ClusterPlan PLAN = new ClusterPlan(
            SPEC,
            new io.loadgrid.common.plan.ChunkLayout(500, 1, 5000),
            Split.DYNAMIC,
            java.util.List.of("a", "b"),
            "c");

    static final long NOW = 1_700_000_000_000L;

    @Test
    void aSignedPlanVerifiesAndDecodesToTheSamePlan() {
        assertThat(SignedPlan.sign("run-1", NOW, PLAN, SECRET).verify(SECRET)).isEqualTo(PLAN);
    }

    @Test
    void anotherSecretATamperedPlanOrAnotherRunIsRefused() {
        SignedPlan signed = SignedPlan.sign("run-1", NOW, PLAN, SECRET);
        byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> signed.verify(other))
                .isInstanceOf(PlanRefused.class)
                .hasMessageContaining("does not verify");
        SignedPlan tampered =
                new SignedPlan("run-1", NOW, signed.planJson().replace("127.0.0.1", "127.0.0.2"), signed.signature());
        assertThatThrownBy(() -> tampered.verify(SECRET)).hasMessageContaining("does not verify");
        SignedPlan renamed = new SignedPlan("run-2", NOW, signed.planJson(), signed.signature());
        assertThatThrownBy(() -> renamed.verify(SECRET)).hasMessageContaining("does not verify");
        SignedPlan redated = new SignedPlan("run-1", NOW + 60_000, signed.planJson(), signed.signature());
        assertThatThrownBy(() -> redated.verify(SECRET)).hasMessageContaining("does not verify");
        SignedPlan garbage = new SignedPlan("run-1", NOW, signed.planJson(), "%%%");
        assertThatThrownBy(() -> garbage.verify(SECRET)).hasMessageContaining("not base64");
        for (String none : new String[] {null, ""}) {
            SignedPlan unsigned = new SignedPlan("run-1", NOW, signed.planJson(), none);
            assertThatThrownBy(() -> unsigned.verify(SECRET)).hasMessageContaining("not signed");
        }
    }

    @Test
    void aSignedPlanPublishedAsAnotherRunOrTooLateIsAReplay() {
        SignedPlan signed = SignedPlan.sign("run-1", NOW, PLAN, SECRET);
        signed.checkPublishedAs("run-1");
        assertThatThrownBy(() -> signed.checkPublishedAs("run-2"))
                .isInstanceOf(PlanRefused.class)
                .hasMessageContaining("published as run-2: a replay");
        signed.checkFresh(NOW + SignedPlan.VALID_MS);
        signed.checkFresh(NOW - SignedPlan.VALID_MS);
        assertThatThrownBy(() -> signed.checkFresh(NOW + SignedPlan.VALID_MS + 1))
                .isInstanceOf(PlanRefused.class)
                .hasMessageContaining("a replay");
    }
}
