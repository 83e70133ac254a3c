package io.loadgrid.deploy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's rules for deploy/docker-compose.yml, beyond schema validity: images pinned or built here, mounted host
 * paths present, ports published on loopback and matching the commands, every service a command names defined, and
 * the cluster wired (one name, one secret written before the members start, agents allowed to load the target).
 */
final class ComposeRules {
    record Port(String hostIp, int host, int container) {}

    record Mount(String source, String target, boolean bind) {}

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"',]+");
    private static final Pattern IPV4 = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    final Map<String, Object> compose;
    private final Path baseDir;

    /** {@code baseDir}: the folder relative paths resolve against (the compose file's). */
    ComposeRules(Map<String, Object> compose, Path baseDir) {
        this.compose = compose;
        this.baseDir = baseDir;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        Object s = compose.get("services");
        return s instanceof Map<?, ?> m ? (Map<String, Map<String, Object>>) m : Map.of();
    }

    /** The services that run the loadgrid image, by role (the command's first word). */
    Map<String, String> loadgridRoles() {
        Map<String, String> roles = new LinkedHashMap<>();
        services().forEach((name, svc) -> {
            if (svc.containsKey("build")) {
                List<String> cmd = command(svc);
                roles.put(name, cmd.isEmpty() ? "" : cmd.getFirst());
            }
        });
        return roles;
    }

    String serviceWithRole(String role) {
        return loadgridRoles().entrySet().stream()
                .filter(e -> e.getValue().equals(role))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    static List<String> command(Map<String, Object> svc) {
        Object c = svc.get("command");
        if (c instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return c == null ? List.of() : List.of(String.valueOf(c).strip().split("\\s+"));
    }

    /** The value of {@code --name V} or {@code --name=V}, or null. */
    static String flag(List<String> cmd, String name) {
        for (int i = 0; i < cmd.size(); i++) {
            if (cmd.get(i).equals(name) && i + 1 < cmd.size()) {
                return cmd.get(i + 1);
            }
            if (cmd.get(i).startsWith(name + "=")) {
                return cmd.get(i).substring(name.length() + 1);
            }
        }
        return null;
    }

    static Map<String, String> env(Map<String, Object> svc) {
        Map<String, String> env = new LinkedHashMap<>();
        Object e = svc.get("environment");
        if (e instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (e instanceof List<?> l) {
            for (Object o : l) {
                String[] kv = String.valueOf(o).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }

    /** Published ports; an entry that is not a quoted "IP:HOST:CONTAINER" or "HOST:CONTAINER" string is a problem. */
    static List<Port> ports(Map<String, Object> svc, List<String> problems, String name) {
        List<Port> ports = new ArrayList<>();
        Object p = svc.get("ports");
        if (!(p instanceof List<?> list)) {
            return ports;
        }
        for (Object o : list) {
            if (!(o instanceof String s)) {
                problems.add(name + ": port " + o + " is not a quoted string (YAML reads 22:22 as a number)");
                continue;
            }
            String[] parts = s.replaceFirst("/(tcp|udp)$", "").split(":");
            try {
                if (parts.length == 3) {
                    ports.add(new Port(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
                } else if (parts.length == 2) {
                    ports.add(new Port("", Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
                } else {
                    problems.add(name + ": port '" + s + "' is not HOST:CONTAINER or IP:HOST:CONTAINER");
                }
            } catch (NumberFormatException e) {
                problems.add(name + ": port '" + s + "' has a range or a name; publish single ports");
            }
        }
        return ports;
    }

    static List<Mount> mounts(Map<String, Object> svc) {
        List<Mount> mounts = new ArrayList<>();
        Object v = svc.get("volumes");
        if (!(v instanceof List<?> list)) {
            return mounts;
        }
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                String source = String.valueOf(m.get("source"));
                mounts.add(new Mount(source, String.valueOf(m.get("target")), "bind".equals(m.get("type"))));
            } else {
                String[] parts = String.valueOf(o).split(":");
                String source = parts[0];
                boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
                mounts.add(parts.length == 1 ? new Mount("", source, false) : new Mount(source, parts[1], bind));
            }
        }
        return mounts;
    }

    /** Every rule broken, one line each; empty when the file is fine. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> services = services();
        if (services.isEmpty()) {
            problems.add("no services");
            return problems;
        }
        Set<String> namedVolumes = compose.get("volumes") instanceof Map<?, ?> m ? stringKeys(m) : Set.of();
        for (var e : services.entrySet()) {
            String name = e.getKey();
            Map<String, Object> svc = e.getValue();
            imageAndBuild(name, svc, problems);
            Object restart = svc.get("restart");
            if (restart != null
                    && !List.of("no", "always", "on-failure", "unless-stopped")
                            .contains(String.valueOf(restart).replaceFirst(":\\d+$", ""))) {
                problems.add(
                        name + ": restart '" + restart + "' is none of no, always, on-failure[:N], unless-stopped");
            }
            for (Mount m : mounts(svc)) {
                if (m.bind) {
                    if (!Files.exists(baseDir.resolve(m.source).normalize())) {
                        problems.add(name + ": mounted host path " + m.source + " does not exist in the repository");
                    }
                } else if (!m.source.isEmpty() && !namedVolumes.contains(m.source)) {
                    problems.add(name + ": volume '" + m.source + "' is not declared under the top-level volumes");
                }
            }
            for (Port p : ports(svc, problems, name)) {
                if (!p.hostIp.equals("127.0.0.1")) {
                    problems.add(name + ": port " + p.container + " is published on every interface; use \"127.0.0.1:"
                            + p.host + ":" + p.container + "\" (the coordinator takes sweeps, Grafana needs no login)");
                }
            }
            for (String dep : dependsOn(svc)) {
                if (!services.containsKey(dep)) {
                    problems.add(name + ": depends_on names '" + dep + "', which is not a service");
                }
            }
            problems.addAll(namedHostsProblems(name, svc, services.keySet()));
        }
        problems.addAll(clusterProblems());
        return problems;
    }

    private void imageAndBuild(String name, Map<String, Object> svc, List<String> problems) {
        Object image = svc.get("image");
        Object build = svc.get("build");
        if (image == null && build == null) {
            problems.add(name + ": neither image nor build");
        }
        if (build != null) {
            String context = build instanceof Map<?, ?> b ? String.valueOf(b.get("context")) : String.valueOf(build);
            String dockerfile = build instanceof Map<?, ?> b && b.get("dockerfile") != null
                    ? String.valueOf(b.get("dockerfile"))
                    : "Dockerfile";
            Path ctx = baseDir.resolve(context).normalize();
            if (!Files.isDirectory(ctx)) {
                problems.add(name + ": build context " + context + " is not a folder");
            } else if (!Files.isRegularFile(ctx.resolve(dockerfile))) {
                problems.add(name + ": build dockerfile " + dockerfile + " does not exist in " + context);
            }
            if (image != null && String.valueOf(image).matches(".*:latest$|^[^:]*$")) {
                problems.add(
                        name + ": the built image is tagged '" + image + "'; give it a tag of its own, not latest");
            }
        } else if (image != null) {
            String why = DockerfileRules.unpinned(String.valueOf(image));
            if (why != null) {
                problems.add(name + ": image " + image + ": " + why);
            }
        }
    }

    private static List<String> dependsOn(Map<String, Object> svc) {
        Object d = svc.get("depends_on");
        if (d instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return d instanceof Map<?, ?> m ? List.copyOf(stringKeys(m)) : List.of();
    }

    /** Hosts named in --join, --allow-target, --base and in URLs of commands and environment must be services. */
    private static List<String> namedHostsProblems(String name, Map<String, Object> svc, Set<String> services) {
        List<String> problems = new ArrayList<>();
        List<String> cmd = command(svc);
        Set<String> hosts = new LinkedHashSet<>();
        String join = flag(cmd, "--join");
        if (join != null) {
            for (String member : join.split(",")) {
                hosts.add(member.strip().replaceFirst(":\\d+$", ""));
            }
        }
        String allow = flag(cmd, "--allow-target");
        if (allow != null) {
            for (String entry : allow.split(",")) {
                if (!entry.contains("/") && !IPV4.matcher(entry.strip()).matches()) {
                    hosts.add(entry.strip());
                }
            }
        }
        List<String> texts = new ArrayList<>(cmd);
        texts.addAll(env(svc).values());
        for (String t : texts) {
            Matcher m = URL.matcher(t);
            while (m.find()) {
                hosts.add(URI.create(m.group()).getHost());
            }
        }
        for (String h : hosts) {
            if (h != null && !h.equals("localhost") && !IPV4.matcher(h).matches() && !services.contains(h)) {
                problems.add(name + ": names host '" + h + "', which is not a service of this file");
            }
        }
        return problems;
    }

    /** One coordinator, agents, a target; one cluster name, one secret file written before they start. */
    private List<String> clusterProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> services = services();
        String coordinator = serviceWithRole("coordinator");
        String agent = serviceWithRole("agent");
        String target = serviceWithRole("target");
        if (coordinator == null || agent == null || target == null) {
            problems.add(
                    "the loadgrid services need the roles coordinator, agent and target; found " + loadgridRoles());
            return problems;
        }
        Set<String> clusterNames = new LinkedHashSet<>();
        Set<String> secretFiles = new LinkedHashSet<>();
        for (String member : List.of(coordinator, agent)) {
            Map<String, Object> svc = services.get(member);
            List<String> cmd = command(svc);
            clusterNames.add(flag(cmd, "--cluster-name"));
            String secret = flag(cmd, "--secret-file");
            secretFiles.add(secret);
            if (flag(cmd, "--join") == null) {
                problems.add(member + ": no --join");
            }
            String bind = flag(cmd, "--bind");
            if (bind != null && !IPV4.matcher(bind).matches()) {
                problems.add(member + ": --bind " + bind + " is not an IP (Hazelcast matches interfaces by address); "
                        + "leave it out and the entry point binds the container's IP");
            }
            if (secret == null) {
                problems.add(member + ": no --secret-file");
            } else if (mountFor(svc, secret) == null) {
                problems.add(member + ": --secret-file " + secret + " is in no volume of this service");
            }
        }
        if (clusterNames.size() != 1 || clusterNames.contains(null)) {
            problems.add("coordinator and agents must share one --cluster-name; found " + clusterNames);
        }
        if (secretFiles.size() == 1 && !secretFiles.contains(null)) {
            problems.addAll(secretWriterProblems(secretFiles.iterator().next(), coordinator, agent));
        } else {
            problems.add("coordinator and agents must read one --secret-file; found " + secretFiles);
        }
        String allow = Objects.requireNonNullElse(flag(command(services.get(agent)), "--allow-target"), "");
        if (!List.of(allow.split(",")).contains(target)) {
            problems.add(agent + ": --allow-target " + allow + " does not admit the target service '" + target + "'");
        }
        List<String> join = List.of(Objects.requireNonNullElse(flag(command(services.get(agent)), "--join"), "")
                .split(","));
        if (!join.contains(coordinator)) {
            problems.add(agent + ": --join does not name the coordinator '" + coordinator + "'");
        }
        problems.addAll(portProblems(coordinator, target));
        return problems;
    }

    private List<String> secretWriterProblems(String secret, String coordinator, String agent) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> services = services();
        String writer = services.entrySet().stream()
                .filter(e -> command(e.getValue()).equals(List.of("init-secret", secret)))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        if (writer == null) {
            problems.add("no service runs 'init-secret " + secret + "', so the members would have no shared secret");
            return problems;
        }
        Mount written = mountFor(services.get(writer), secret);
        for (String member : List.of(coordinator, agent)) {
            Mount read = mountFor(services.get(member), secret);
            if (written == null || read == null || !written.source.equals(read.source)) {
                problems.add(member + " reads the secret from another volume than " + writer + " writes it to");
            }
        }
        Object dep = services.get(coordinator).get("depends_on");
        if (!(dep instanceof Map<?, ?> m)
                || !(m.get(writer) instanceof Map<?, ?> cond)
                || !"service_completed_successfully".equals(cond.get("condition"))) {
            problems.add(coordinator + " must depend on " + writer + " with condition service_completed_successfully");
        }
        return problems;
    }

    /** The coordinator publishes its metrics port and submits to it; the target publishes the port it listens on. */
    private List<String> portProblems(String coordinator, String target) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> c = services().get(coordinator);
        List<String> cmd = command(c);
        int metrics = Integer.parseInt(Objects.requireNonNullElse(flag(cmd, "--metrics-port"), "9470"));
        if (!"0.0.0.0".equals(flag(cmd, "--metrics-host"))) {
            problems.add(
                    coordinator + ": --metrics-host must be 0.0.0.0 for Prometheus and the published port to reach it");
        }
        if (ports(c, new ArrayList<>(), coordinator).stream().noneMatch(p -> p.container == metrics)) {
            problems.add(coordinator + ": the metrics port " + metrics + " is not published");
        }
        if (!("http://localhost:" + metrics).equals(env(c).get("LOADGRID_COORDINATOR"))) {
            problems.add(coordinator + ": LOADGRID_COORDINATOR must be http://localhost:" + metrics
                    + " so 'loadgrid sweep' run in the container submits to it");
        }
        Map<String, Object> t = services().get(target);
        List<String> tcmd = command(t);
        String port = flag(tcmd, "--port");
        if (!"0.0.0.0".equals(flag(tcmd, "--host"))) {
            problems.add(target + ": --host must be 0.0.0.0 so the agents reach it");
        }
        if (port == null
                || ports(t, new ArrayList<>(), target).stream().noneMatch(p -> p.container == Integer.parseInt(port))) {
            problems.add(target + ": --port " + port + " is not the published container port");
        }
        return problems;
    }

    /** Ports a service listens on, from its command: the target's --port, the coordinator's metrics port. */
    int listenPort(String service) {
        List<String> cmd = command(services().get(service));
        String role = cmd.isEmpty() ? "" : cmd.getFirst();
        return switch (role) {
            case "target" -> Integer.parseInt(Objects.requireNonNullElse(flag(cmd, "--port"), "8080"));
            case "coordinator" -> Integer.parseInt(Objects.requireNonNullElse(flag(cmd, "--metrics-port"), "9470"));
            default -> -1;
        };
    }

    private static Mount mountFor(Map<String, Object> svc, String file) {
        return mounts(svc).stream()
                .filter(m -> file.startsWith(m.target.endsWith("/") ? m.target : m.target + "/"))
                .findFirst()
                .orElse(null);
    }

    private static Set<String> stringKeys(Map<?, ?> m) {
        Set<String> keys = new LinkedHashSet<>();
        m.keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }
}
