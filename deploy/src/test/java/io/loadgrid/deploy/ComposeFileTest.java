package io.loadgrid.deploy;

import static io.loadgrid.deploy.DockerTestSupport.COMPOSE;
import static io.loadgrid.deploy.DockerTestSupport.DEPLOY;
import static io.loadgrid.deploy.DockerTestSupport.LINTERS_HINT;
import static io.loadgrid.deploy.DockerTestSupport.PROMETHEUS;
import static io.loadgrid.deploy.DockerTestSupport.ROOT;
import static io.loadgrid.deploy.DockerTestSupport.TOOLS;
import static io.loadgrid.deploy.DockerTestSupport.mutate;
import static io.loadgrid.deploy.DockerTestSupport.read;
import static io.loadgrid.deploy.DockerTestSupport.run;
import static io.loadgrid.deploy.DockerTestSupport.write;
import static io.loadgrid.deploy.DockerTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/docker-compose.yml and deploy/prometheus/prometheus.yml, checked without a Docker engine: docker-compose
 * 1.29's
 * own validation, dclint against the current Compose Specification (what Compose v2 reads), promtool, and the
 * project's rules (each also shown to catch a broken copy).
 */
class ComposeFileTest {
    private static final String PROMETHEUS_IN_CONTAINER = "/etc/prometheus/prometheus.yml";

    private static ComposeRules rules() {
        return new ComposeRules(yaml(read(COMPOSE)), DEPLOY);
    }

    @Test
    void composeFileFollowsTheProjectRules() {
        assertThat(rules().problems()).isEmpty();
    }

    static Stream<Arguments> brokenComposeFiles() {
        String ok = read(COMPOSE);
        String agentSecret =
                "\"--secret-file\"\n      - \"/var/lib/loadgrid/secret/loadgrid.secret\"\n      - \"--allow-target\"";
        return Stream.of(
                Arguments.of(
                        "latest image",
                        mutate(ok, "prom/prometheus:v2.55.1", "prom/prometheus:latest"),
                        "not a version"),
                Arguments.of("untagged image", mutate(ok, "grafana/grafana:11.4.0", "grafana/grafana"), "no tag"),
                Arguments.of(
                        "built image tagged latest",
                        mutate(ok, "image: loadgrid:local", "image: loadgrid:latest"),
                        "not latest"),
                Arguments.of(
                        "missing Dockerfile",
                        mutate(ok, "dockerfile: deploy/docker/Dockerfile", "dockerfile: deploy/docker/Dockerfile.jre"),
                        "does not exist"),
                Arguments.of(
                        "missing mounted file",
                        mutate(ok, "./prometheus/prometheus.yml:", "./prometheus/prometheus.yaml:"),
                        "mounted host path ./prometheus/prometheus.yaml does not exist"),
                Arguments.of(
                        "undeclared volume",
                        mutate(ok, "- results:/var/lib/loadgrid/results", "- result:/var/lib/loadgrid/results"),
                        "volume 'result' is not declared"),
                Arguments.of(
                        "unknown restart policy", mutate(ok, "restart: \"no\"", "restart: never"), "restart 'never'"),
                Arguments.of(
                        "port on every interface",
                        mutate(ok, "\"127.0.0.1:3000:3000\"", "\"3000:3000\""),
                        "every interface"),
                Arguments.of("unquoted port", mutate(ok, "\"127.0.0.1:3000:3000\"", "3000"), "not a quoted string"),
                Arguments.of(
                        "join names no service",
                        mutate(ok, "- \"coordinator,agent\"", "- \"coordinator,agents\""),
                        "names host 'agents'"),
                Arguments.of(
                        "depends on no service",
                        mutate(ok, "      - prometheus\n\nvolumes", "      - prom\n\nvolumes"),
                        "depends_on names 'prom'"),
                Arguments.of(
                        "allowlist without the target",
                        mutate(
                                ok,
                                "- \"--allow-target\"\n      - \"target\"",
                                "- \"--allow-target\"\n      - \"10.0.0.0/8\""),
                        "does not admit the target"),
                Arguments.of(
                        "URL to no service",
                        mutate(ok, "\"http://localhost:9470\"", "\"http://coordinatr:9470\""),
                        "names host 'coordinatr'"),
                Arguments.of(
                        "submission to another port",
                        mutate(ok, "\"http://localhost:9470\"", "\"http://localhost:9471\""),
                        "LOADGRID_COORDINATOR must be"),
                Arguments.of(
                        "metrics on loopback",
                        mutate(
                                ok,
                                "- \"--metrics-host\"\n      - \"0.0.0.0\"",
                                "- \"--metrics-host\"\n      - \"127.0.0.1\""),
                        "--metrics-host must be 0.0.0.0"),
                Arguments.of(
                        "target port not published",
                        mutate(ok, "\"--port\", \"8080\"", "\"--port\", \"8081\""),
                        "not the published container port"),
                Arguments.of(
                        "two cluster names",
                        mutate(
                                ok,
                                "\"--cluster-name\"\n      - \"loadgrid\"\n      - " + agentSecret,
                                "\"--cluster-name\"\n      - \"lab\"\n      - " + agentSecret),
                        "one --cluster-name"),
                Arguments.of(
                        "bind by name",
                        mutate(
                                ok,
                                "- \"--allow-target\"",
                                "- \"--bind\"\n      - \"agent\"\n      - \"--allow-target\""),
                        "is not an IP"),
                Arguments.of(
                        "secret never written",
                        mutate(
                                ok,
                                "[\"init-secret\", \"/var/lib/loadgrid/secret/loadgrid.secret\"]",
                                "[\"init-secret\", \"/tmp/loadgrid.secret\"]"),
                        "no service runs 'init-secret"),
                Arguments.of(
                        "secret not waited for",
                        mutate(ok, "condition: service_completed_successfully", "condition: service_started"),
                        "service_completed_successfully"),
                Arguments.of(
                        "no agents",
                        mutate(
                                ok,
                                "      - \"agent\"\n      - \"--join\"\n      - \"coordinator,agent\"",
                                "      - \"agents\"\n      - \"--join\"\n      - \"coordinator,agent\""),
                        "need the roles"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenComposeFiles")
    void brokenComposeFilesBreakTheRules(String what, String compose, String expected) {
        assertThat(new ComposeRules(yaml(compose), DEPLOY).problems())
                .anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void validatesWithDockerCompose() {
        Path dc = ExternalTool.require("docker-compose", "apt-get install docker-compose");
        DockerTestSupport.Result r = run(ROOT, List.of(dc.toString(), "-f", COMPOSE.toString(), "config", "-q"));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).as("no warnings").isBlank();
    }

    @Test
    void dockerComposeRejectsABrokenFile(@TempDir Path tmp) {
        Path dc = ExternalTool.require("docker-compose", "apt-get install docker-compose");
        Path broken = tmp.resolve("docker-compose.yml");
        write(broken, mutate(read(COMPOSE), "condition: service_healthy", "condition: service_ready"));
        DockerTestSupport.Result r = run(
                ROOT,
                List.of(
                        dc.toString(),
                        "--project-directory",
                        DEPLOY.toString(),
                        "-f",
                        broken.toString(),
                        "config",
                        "-q"));
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("service_ready");
    }

    @Test
    void lintsCleanWithDclint() {
        DockerTestSupport.Result r = dclint(COMPOSE);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).as("no errors or warnings").isBlank();
    }

    @Test
    void dclintRejectsABrokenFile(@TempDir Path tmp) {
        Path broken = tmp.resolve("docker-compose.yml");
        // an unknown key (schema) and an image without a tag (rule)
        write(
                broken,
                mutate(
                        mutate(read(COMPOSE), "restart: \"no\"", "restarts: \"no\""),
                        "grafana/grafana:11.4.0",
                        "grafana/grafana"));
        DockerTestSupport.Result r = dclint(broken);
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("invalid-schema");
        write(broken, mutate(read(COMPOSE), "grafana/grafana:11.4.0", "grafana/grafana"));
        DockerTestSupport.Result tag = dclint(broken);
        assertThat(tag.exit()).as(tag.output()).isNotZero();
        assertThat(tag.output()).contains("service-image-require-explicit-tag");
    }

    private static DockerTestSupport.Result dclint(Path file) {
        ExternalTool.require("node", "apt-get install nodejs npm");
        Path dclint = ExternalTool.require("dclint", LINTERS_HINT, TOOLS.resolve("dclint/node_modules/.bin"));
        return run(
                ROOT,
                List.of(
                        dclint.toString(),
                        "-c",
                        DEPLOY.resolve("tools/dclint.yaml").toString(),
                        "--max-warnings",
                        "0",
                        "--quiet",
                        file.toString()));
    }

    @Test
    void prometheusConfigPassesPromtool() {
        Path promtool = ExternalTool.require("promtool", "apt-get install prometheus");
        DockerTestSupport.Result r = run(ROOT, List.of(promtool.toString(), "check", "config", PROMETHEUS.toString()));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void promtoolRejectsABrokenConfig(@TempDir Path tmp) {
        Path promtool = ExternalTool.require("promtool", "apt-get install prometheus");
        Path broken = tmp.resolve("prometheus.yml");
        write(broken, mutate(read(PROMETHEUS), "scrape_interval: 1s", "scrape_interval: 1s\n    scrape_timeout: 5s"));
        DockerTestSupport.Result r = run(ROOT, List.of(promtool.toString(), "check", "config", broken.toString()));
        assertThat(r.exit()).as(r.output()).isNotZero();
    }

    /**
     * Prometheus reads the config the test checks, and scrapes the coordinator and the target on the ports they listen
     * on.
     */
    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheCoordinatorAndTheTarget() {
        ComposeRules compose = rules();
        Map<String, Object> prometheus = compose.services().get("prometheus");
        assertThat(prometheus).as("a 'prometheus' service").isNotNull();
        assertThat(ComposeRules.mounts(prometheus)).anySatisfy(m -> {
            assertThat(DEPLOY.resolve(m.source()).normalize()).isEqualTo(PROMETHEUS);
            assertThat(m.target()).isEqualTo(PROMETHEUS_IN_CONTAINER);
        });
        assertThat(ComposeRules.command(prometheus)).contains("--config.file=" + PROMETHEUS_IN_CONTAINER);

        Map<String, Object> config = yaml(read(PROMETHEUS));
        Map<String, Object> global = (Map<String, Object>) config.get("global");
        List<String> scraped = new ArrayList<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            Object interval = job.getOrDefault("scrape_interval", global.get("scrape_interval"));
            assertThat(duration(String.valueOf(interval)))
                    .as("%s scrape interval", job.get("job_name"))
                    .isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(job.getOrDefault("metrics_path", "/metrics")).isEqualTo("/metrics");
            for (Map<String, Object> sc : (List<Map<String, Object>>) job.get("static_configs")) {
                for (String t : (List<String>) sc.get("targets")) {
                    String host = t.substring(0, t.lastIndexOf(':'));
                    int port = Integer.parseInt(t.substring(t.lastIndexOf(':') + 1));
                    assertThat(compose.services())
                            .as("scrape target %s is a service", t)
                            .containsKey(host);
                    assertThat(compose.listenPort(host))
                            .as("%s listens on %d", host, port)
                            .isEqualTo(port);
                    scraped.add(host);
                }
            }
        }
        assertThat(scraped).contains(compose.serviceWithRole("coordinator"), compose.serviceWithRole("target"));
    }

    @Test
    void grafanaShowsTheProvisionedDashboardsWithoutLogin() {
        Map<String, Object> grafana = rules().services().get("grafana");
        assertThat(grafana).as("a 'grafana' service").isNotNull();
        Map<String, String> env = ComposeRules.env(grafana);
        assertThat(env)
                .containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
                .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
        assertThat(ComposeRules.mounts(grafana))
                .extracting(m -> m.source() + " -> " + m.target())
                .contains(
                        "./grafana/provisioning -> /etc/grafana/provisioning",
                        "./grafana/dashboards -> /var/lib/grafana/dashboards");
        assertThat(ComposeRules.ports(grafana, new ArrayList<>(), "grafana"))
                .extracting(ComposeRules.Port::container)
                .contains(3000);
    }

    private static Duration duration(String s) {
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> throw new AssertionError("unexpected duration " + s);
        };
    }
}
