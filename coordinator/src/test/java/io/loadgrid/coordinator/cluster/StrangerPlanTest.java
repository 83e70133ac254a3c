package io.loadgrid.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.loadgrid.common.cluster.AgentStatus;
import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.cluster.MemberConfig;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.cluster.RunControl;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.security.SignedPlan;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.RunCliTest;
import io.loadgrid.testbed.TargetConfig;
import io.loadgrid.testbed.TargetServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stranger in the cluster (its name is no secret, the shared secret is) watches a real run's signed plan go by,
 * then publishes plans of its own: unsigned, forged with another key, the real one replayed under another run id and
 * under its own, and one tampered with. Every agent refuses each, says why in its status for that run (where a
 * coordinator reads it), and the target sees not one request from them, though the stranger starts each run.
 */
class StrangerPlanTest {
    @TempDir
    Path tmp;

    @Test
    void forgedUnsignedReplayedAndTamperedPlansAreRefusedByEveryAgentAndSendNothing() throws Exception {
        try (TargetServer target = TargetServer.start(TargetConfig.defaults());
                RemoteAgents agents = RemoteAgents.start(2, tmp, "strangers")) {
            HazelcastInstance stranger = Hazelcast.newHazelcastInstance(MemberConfig.of(
                    new ClusterSettings(
                            agents.cluster(),
                            List.of("127.0.0.1:" + agents.port()),
                            "127.0.0.1",
                            agents.port() + 60,
                            new byte[0]),
                    true,
                    Map.of()));
            try {
                AtomicReference<String> seen = new AtomicReference<>();
                RunBoard.onPlans(stranger, (id, json) -> seen.compareAndSet(null, json));
                String base = "http://127.0.0.1:" + target.port();
                run(agents, base, 200);
                assertThat(seen.get()).as("the stranger saw the real plan").isNotNull();
                long before = target.stats().requests();
                assertThat(before).isEqualTo(200);

                SignedPlan real = RunBoard.plan(seen.get());
                ClusterPlan plan = Json.read(real.planJson(), ClusterPlan.class);
                long now = stranger.getCluster().getClusterTime();
                byte[] guess = "not-the-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
                Map<String, SignedPlan> attacks = new LinkedHashMap<>();
                attacks.put("x-unsigned", new SignedPlan("x-unsigned", now, real.planJson(), null));
                attacks.put("x-forged", SignedPlan.sign("x-forged", now, plan, guess));
                attacks.put("x-replayed", real);
                attacks.put(real.runId(), real);
                String more = real.planJson().replace("\"items\":200", "\"items\":200000");
                assertThat(more).isNotEqualTo(real.planJson());
                attacks.put("x-tampered", new SignedPlan("x-tampered", real.issuedMs(), more, real.signature()));
                Map<String, String> why = Map.of(
                        "x-unsigned",
                        "the plan is not signed",
                        "x-forged",
                        "signature does not verify",
                        "x-replayed",
                        "published as x-replayed: a replay",
                        real.runId(),
                        "a replay",
                        "x-tampered",
                        "signature does not verify");

                List<String> agentIds = stranger.getCluster().getMembers().stream()
                        .filter(m -> ClusterNames.ROLE_AGENT.equals(m.getAttribute(ClusterNames.ROLE)))
                        .map(Member::getUuid)
                        .map(Object::toString)
                        .toList();
                assertThat(agentIds).hasSize(2);
                assertThat(plan.agents()).containsExactlyInAnyOrderElementsOf(agentIds);
                for (var attack : attacks.entrySet()) {
                    RunBoard board = new RunBoard(stranger, attack.getKey());
                    board.publish(attack.getValue());
                    long t = stranger.getCluster().getClusterTime();
                    board.control(new RunControl(t, t, false));
                    for (String agent : agentIds) {
                        AgentStatus s = awaitStatus(board, agent);
                        assertThat(s.state()).as(attack.getKey()).isEqualTo(AgentStatus.State.REFUSED);
                        assertThat(s.reason()).as(attack.getKey()).contains(why.get(attack.getKey()));
                    }
                }
                // the stranger keeps every run's control fresh for a while, as a coordinator would
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (System.nanoTime() < until) {
                    long t = stranger.getCluster().getClusterTime();
                    attacks.keySet().forEach(id -> new RunBoard(stranger, id).control(new RunControl(t, t, false)));
                    Thread.sleep(200);
                }
                assertThat(target.stats().requests())
                        .as("requests the target saw after the real run")
                        .isEqualTo(before);

                // the refusals left the agents as they were: the next real run uses both
                run(agents, base, 100);
                assertThat(target.stats().requests()).isEqualTo(before + 100);
            } finally {
                stranger.getLifecycleService().terminate();
            }
        }
    }

    private void run(RemoteAgents agents, String base, int urls) {
        List<String> args = new ArrayList<>(agents.joinArgs(50));
        args.addAll(List.of("--agents", "2", "--base", base, "--urls", Integer.toString(urls)));
        Console.Ran r = RunCliTest.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static AgentStatus awaitStatus(RunBoard board, String agent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            AgentStatus s = board.status(agent);
            if (s != null) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("agent " + agent + " said nothing of the plan in 20 s");
    }
}
