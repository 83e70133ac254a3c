package io.loadgrid.deploy;

import static io.loadgrid.deploy.DockerTestSupport.COMPOSE;
import static io.loadgrid.deploy.DockerTestSupport.DEPLOY;
import static io.loadgrid.deploy.DockerTestSupport.DOCKERFILE;
import static io.loadgrid.deploy.DockerTestSupport.LINTERS_HINT;
import static io.loadgrid.deploy.DockerTestSupport.ROOT;
import static io.loadgrid.deploy.DockerTestSupport.TOOLS;
import static io.loadgrid.deploy.DockerTestSupport.mutate;
import static io.loadgrid.deploy.DockerTestSupport.read;
import static io.loadgrid.deploy.DockerTestSupport.run;
import static io.loadgrid.deploy.DockerTestSupport.write;
import static io.loadgrid.deploy.DockerTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/docker/Dockerfile, its entry point and the root .dockerignore, checked without a Docker engine: the
 * dockerfile-utils linter, the project's rules (each also shown to catch a broken copy), the entry point's behaviour
 * with a stub launcher, and the launcher running a prebuilt install on a JRE as the image does.
 */
class DockerFilesTest {
    private static final DockerIgnore IGNORE = DockerIgnore.parse(read(ROOT.resolve(".dockerignore")));
    private static final Path ENTRYPOINT = DEPLOY.resolve("docker/entrypoint.sh");

    @Test
    void dockerfileFollowsTheProjectRules() {
        assertThat(DockerfileRules.parse(read(DOCKERFILE)).problems(ROOT, IGNORE))
                .isEmpty();
    }

    static Stream<Arguments> brokenDockerfiles() {
        String ok = read(DOCKERFILE);
        String runtime = "FROM eclipse-temurin:21.0.9_10-jre-noble";
        return Stream.of(
                Arguments.of(
                        "single stage", mutate(ok, runtime, runtime).substring(ok.indexOf(runtime)), "not multi-stage"),
                Arguments.of("latest runtime", mutate(ok, runtime, "FROM eclipse-temurin:latest"), "not a version"),
                Arguments.of("untagged base", mutate(ok, runtime, "FROM eclipse-temurin"), "no tag"),
                Arguments.of(
                        "JRE 17",
                        mutate(ok, runtime, "FROM eclipse-temurin:17.0.13_11-jre-noble"),
                        "not a JDK/JRE 21+"),
                Arguments.of(
                        "Maven on JDK 17",
                        mutate(ok, "eclipse-temurin-21-noble AS build", "eclipse-temurin-17-noble AS build"),
                        "has no JDK 21+"),
                Arguments.of("root user", mutate(ok, "USER 10001:10001", "USER root"), "is root"),
                Arguments.of("no user", mutate(ok, "USER 10001:10001", ""), "no USER"),
                Arguments.of(
                        "shell-form entrypoint",
                        mutate(ok, "ENTRYPOINT [\"loadgrid-entrypoint\"]", "ENTRYPOINT loadgrid-entrypoint"),
                        "shell form"),
                Arguments.of("no entrypoint", mutate(ok, "ENTRYPOINT [\"loadgrid-entrypoint\"]", ""), "no ENTRYPOINT"),
                Arguments.of(
                        "missing source",
                        mutate(
                                ok,
                                "COPY loadgrid jvm.properties /opt/loadgrid/",
                                "COPY loadgrd jvm.properties /opt/loadgrid/"),
                        "does not exist"),
                Arguments.of(
                        "source left out by .dockerignore",
                        mutate(ok, "COPY sweeps /opt/loadgrid/sweeps", "COPY bench /opt/loadgrid/bench"),
                        ".dockerignore"),
                Arguments.of(
                        "test sources left out",
                        mutate(ok, "COPY agent/src/main agent/src/main", "COPY agent/src/test agent/src/test"),
                        ".dockerignore"),
                Arguments.of(
                        "ADD",
                        mutate(ok, "COPY sweeps /opt/loadgrid/sweeps", "ADD sweeps /opt/loadgrid/sweeps"),
                        "use COPY"),
                Arguments.of(
                        "unknown stage",
                        mutate(ok, "COPY --from=build /src/build/lib", "COPY --from=builder /src/build/lib"),
                        "neither a stage nor a pinned image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDockerfiles")
    void brokenDockerfilesBreakTheRules(String what, String dockerfile, String expected) {
        assertThat(DockerfileRules.parse(dockerfile).problems(ROOT, IGNORE))
                .anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void lintsCleanWithDockerfileUtils() {
        Path lint = dockerfileUtils();
        DockerTestSupport.Result r = run(ROOT, List.of(lint.toString(), "lint", "--json", DOCKERFILE.toString()));
        // no error and no warning either
        assertThat(r.output().strip()).as(r.output()).isEqualTo("[]");
        assertThat(r.exit()).isZero();
    }

    @Test
    void dockerfileUtilsRejectsABrokenDockerfile(@TempDir Path tmp) {
        Path lint = dockerfileUtils();
        String broken =
                mutate(mutate(read(DOCKERFILE), "COPY loadgrid ./", "COPPY loadgrid ./"), "EXPOSE 8080", "EXPOSE http");
        Path file = tmp.resolve("Dockerfile");
        write(file, broken);
        DockerTestSupport.Result r = run(ROOT, List.of(lint.toString(), "lint", "--json", file.toString()));
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("Unknown instruction: COPPY").contains("Invalid containerPort: http");
    }

    private static Path dockerfileUtils() {
        ExternalTool.require("node", "apt-get install nodejs npm");
        return ExternalTool.require(
                "dockerfile-utils", LINTERS_HINT, TOOLS.resolve("dockerfile-utils/node_modules/.bin"));
    }

    @Test
    void dockerignoreSendsOnlyWhatTheImageNeeds() {
        for (String left : List.of(
                ".git/config",
                "build/lib/hazelcast-5.6.0.jar",
                "build/.built",
                "results/quick-1/results.json",
                "coordinator/src/test/java/io/loadgrid/coordinator/deploy/DockerFilesTest.java",
                "common/target/classes/A.class",
                "testbed/target/loadgrid-testbed-0.1.0.jar",
                "bench/models.sh",
                "deploy/docker-compose.yml",
                "build.log",
                "README.md")) {
            assertThat(IGNORE.excludes(left)).as(left).isTrue();
        }
        for (String sent : List.of(
                "pom.xml",
                "loadgrid",
                "sweeps/quick.yaml",
                "deploy/docker/entrypoint.sh",
                "common/.runnable",
                "testbed/pom.xml",
                "testbed/src/main/java/io/loadgrid/testbed/TargetCli.java",
                "coordinator/src/main/java/io/loadgrid/coordinator/cli/SweepCli.java")) {
            assertThat(IGNORE.excludes(sent)).as(sent).isFalse();
        }
    }

    @Test
    void dockerignoreMatchesAsDockerDoes() {
        DockerIgnore ignore = DockerIgnore.parse("# comment\n**/*.log\n/build/\ndocs\n!docs/keep.md\n*/tmp?\n");
        assertThat(ignore.excludes("a/b/c.log")).isTrue();
        assertThat(ignore.excludes("c.log")).isTrue();
        assertThat(ignore.excludes("build/lib/x.jar")).isTrue();
        assertThat(ignore.excludes("src/build/x")).isFalse();
        assertThat(ignore.excludes("docs/a.png")).isTrue();
        assertThat(ignore.excludes("docs/keep.md")).isFalse();
        assertThat(ignore.excludes("a/tmp1/x")).isTrue();
        assertThat(ignore.excludes("a/b/tmp1")).isFalse();
    }

    /** Every published container port of a loadgrid service is EXPOSEd, and every EXPOSEd port is used by compose. */
    @Test
    void exposesThePortsComposeUses() {
        Set<Integer> exposed = DockerfileRules.parse(read(DOCKERFILE)).exposedPorts();
        ComposeRules compose = new ComposeRules(yaml(read(COMPOSE)), DEPLOY);
        Set<Integer> published = new LinkedHashSet<>();
        Set<Integer> used = new LinkedHashSet<>();
        for (String name : compose.loadgridRoles().keySet()) {
            Map<String, Object> svc = compose.services().get(name);
            ComposeRules.ports(svc, new ArrayList<>(), name).forEach(p -> published.add(p.container()));
            if (svc.get("healthcheck") instanceof Map<?, ?> hc && hc.get("test") instanceof List<?> test) {
                test.stream()
                        .map(String::valueOf)
                        .filter(s -> s.matches("\\d+"))
                        .forEach(s -> used.add(Integer.parseInt(s)));
            }
        }
        used.addAll(published);
        assertThat(published).isNotEmpty();
        assertThat(exposed).containsAll(published).containsExactlyInAnyOrderElementsOf(used);
    }

    /** The Dockerfile copies them with their mode; Docker runs neither unless the checkout has them executable. */
    @Test
    void scriptsTheImageRunsAreExecutable() {
        assertThat(ENTRYPOINT).isExecutable();
        assertThat(ROOT.resolve("loadgrid")).isExecutable();
        assertThat(DockerTestSupport.run(ROOT, List.of("bash", "-n", ENTRYPOINT.toString()))
                        .exit())
                .isZero();
    }

    @Test
    void entrypointAddsTheContainerAddressToClusterRoles(@TempDir Path tmp) throws IOException {
        Map<String, String> env = stubLauncher(tmp);
        assertThat(entrypoint(env, "agent", "--join", "coordinator,agent")
                        .output()
                        .strip())
                .isEqualTo("launcher agent --bind 10.9.8.7 --join coordinator,agent");
        assertThat(entrypoint(env, "coordinator", "--join", "agent").output().strip())
                .isEqualTo("launcher coordinator --bind 10.9.8.7 --join agent");
        assertThat(entrypoint(env, "agent", "--bind", "10.1.1.1", "--join", "x")
                        .output()
                        .strip())
                .isEqualTo("launcher agent --bind 10.1.1.1 --join x");
        assertThat(entrypoint(env, "target", "--port", "8080").output().strip())
                .isEqualTo("launcher target --port 8080");
        assertThat(entrypoint(env, "sweep", "sweeps/quick.yaml").output().strip())
                .isEqualTo("launcher sweep sweeps/quick.yaml");
        assertThat(entrypoint(env).output().strip()).isEqualTo("launcher help");
        // anything else runs as it is (a shell for a look around)
        assertThat(entrypoint(env, "echo", "as is").output().strip()).isEqualTo("as is");
    }

    @Test
    void entrypointFindsAnAddressOfThisHost(@TempDir Path tmp) throws IOException {
        Map<String, String> env = new java.util.HashMap<>(stubLauncher(tmp));
        env.put("LOADGRID_BIND", "");
        DockerTestSupport.Result r = entrypoint(env, "agent", "--join", "x");
        assertThat(r.exit()).as(r.output()).isZero();
        String bind = r.output().strip().split(" ")[3];
        assertThat(bind).matches("\\d+\\.\\d+\\.\\d+\\.\\d+").doesNotStartWith("127.");
        assertThat(InetAddress.getByName(bind).isAnyLocalAddress()
                        || java.net.NetworkInterface.getByInetAddress(InetAddress.getByName(bind)) != null)
                .as("%s is an address of one of this host's interfaces", bind)
                .isTrue();
    }

    @Test
    void entrypointWritesTheSecretOnce(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("loadgrid.secret");
        assertThat(entrypoint(Map.of(), "init-secret", secret.toString()).exit())
                .isZero();
        String first = Files.readString(secret);
        assertThat(first.strip().length()).isGreaterThanOrEqualTo(16);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                .isEqualTo("rw-------");
        DockerTestSupport.Result again = entrypoint(Map.of(), "init-secret", secret.toString());
        assertThat(again.output()).contains("keeping");
        assertThat(Files.readString(secret)).isEqualTo(first);
    }

    @Test
    void entrypointHealthcheckProbesPorts() throws IOException {
        Map<String, String> env = Map.of("LOADGRID_BIND", "127.0.0.1");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(open.getLocalPort());
            assertThat(entrypoint(env, "healthcheck", port).exit()).isZero();
            assertThat(entrypoint(env, "healthcheck", port, String.valueOf(closed))
                            .exit())
                    .isEqualTo(1);
            assertThat(entrypoint(env, "healthcheck", "http").exit()).isEqualTo(2);
        }
    }

    /** The image has build/lib and build/.built but no sources and no javac: the launcher must run it on the JRE. */
    @Test
    void launcherRunsAPrebuiltInstallOnAJre(@TempDir Path tmp) throws IOException {
        Path home = tmp.resolve("opt/loadgrid");
        Files.createDirectories(home.resolve("build/lib"));
        Files.createDirectories(home.resolve("sweeps"));
        Files.copy(ROOT.resolve("loadgrid"), home.resolve("loadgrid"));
        Files.copy(ROOT.resolve("jvm.properties"), home.resolve("jvm.properties"));
        Files.createFile(home.resolve("build/.built"));
        Path jre = tmp.resolve("jre");
        Files.createDirectories(jre.resolve("bin"));
        // a JRE (no bin/javac) whose java reports version 21 and otherwise prints its arguments
        executable(jre.resolve("bin/java"), """
                #!/bin/sh
                for a in "$@"; do
                  [ "$a" = "-XshowSettings:properties" ] && { echo "    java.specification.version = 21" >&2; exit 0; }
                done
                echo "$@"
                """);
        DockerTestSupport.Result r = run(
                tmp,
                Map.of("JAVA_HOME", jre.toString(), "HOME", tmp.toString()),
                List.of("bash", home.resolve("loadgrid").toString(), "agent", "--help"));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output())
                .contains("-Dloadgrid.home=" + home)
                .contains("--add-opens=java.base/java.nio=ALL-UNNAMED")
                .contains("-Xmn32m")
                .contains("-cp " + home + "/build/lib/* io.loadgrid.agent.cluster.AgentCli --help")
                .doesNotContain("building");
    }

    private static Map<String, String> stubLauncher(Path tmp) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        executable(bin.resolve("loadgrid"), "#!/bin/sh\necho launcher \"$@\"\n");
        return Map.of("PATH", bin + ":" + System.getenv("PATH"), "LOADGRID_BIND", "10.9.8.7");
    }

    private static DockerTestSupport.Result entrypoint(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", ENTRYPOINT.toString()));
        cmd.addAll(List.of(args));
        return run(ROOT, env, cmd);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
