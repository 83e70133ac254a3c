package io.loadgrid.common.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JavaProcessTest {
    private static final String ARCHIVES = "loadgrid.cds";

    @AfterEach
    void clear() {
        System.clearProperty(ARCHIVES);
        System.clearProperty("loadgrid.own.flags");
    }

    @Test
    void aChildRunsThisJvmsFlagsAndClasspath() {
        List<String> cmd = JavaProcess.builder("io.loadgrid.agent.cluster.AgentCli", List.of("--local"))
                .command();
        assertThat(cmd).containsSubsequence("-cp", System.getProperty("java.class.path"));
        assertThat(cmd.subList(cmd.size() - 2, cmd.size()))
                .containsExactly("io.loadgrid.agent.cluster.AgentCli", "--local");
        assertThat(cmd).contains("-Xmn32m");
    }

    @Test
    void underTheLauncherAChildMapsTheArchiveOfItsOwnMainClass() {
        System.setProperty(ARCHIVES, "/var/cache/loadgrid-cds");
        List<String> agent = JavaProcess.builder("io.loadgrid.agent.cluster.AgentCli", List.of())
                .command();
        List<String> target =
                JavaProcess.builder("io.loadgrid.testbed.TargetCli", List.of()).command();
        assertThat(agent.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")))
                .containsExactly("-XX:SharedArchiveFile=/var/cache/loadgrid-cds/AgentCli.jsa");
        assertThat(target).contains("-XX:SharedArchiveFile=/var/cache/loadgrid-cds/TargetCli.jsa");
    }

    @Test
    void outsideTheLauncherAChildMapsNoArchive() {
        assertThat(JavaProcess.builder("io.loadgrid.agent.cluster.AgentCli", List.of())
                        .command())
                .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
    }

    @Test
    void aChildDoesNotInheritTheFlagsItsParentCallsItsOwn() {
        assertThat(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                .as("this JVM runs with the flags the child must not get")
                .contains("-Xss512k", "-Xmn32m");
        System.setProperty("loadgrid.own.flags", "-Xss512k -Xmn32m");
        assertThat(JavaProcess.builder("io.loadgrid.agent.cluster.AgentCli", List.of())
                        .command())
                .doesNotContain("-Xss512k", "-Xmn32m")
                .contains("-XX:+UseParallelGC");
    }
}
