package io.loadgrid.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The AWS deployment in {@code terraform/}, checked without providers or an AWS account (neither is reachable here):
 * {@code terraform fmt}, every .tf file parsed by HashiCorp's HCL parser ({@code @cdktf/hcl2json}, see
 * {@code deploy/tools/}), the security rules, variables and outputs read from that JSON, and every template rendered
 * by Terraform itself ({@code terraform console} needs no providers) into scripts that {@code bash -n} accepts.
 */
class TerraformFilesTest {
    /** Tests run in the module directory (coordinator/). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final Path TF = ROOT.resolve("terraform");
    /** Variables without a default on purpose: nothing safe can be guessed for them (see terraform/variables.tf). */
    static final Set<String> REQUIRED_VARIABLES = Set.of("admin_cidr", "key_name", "loadgrid_repo_url");

    static final Set<Integer> ADMIN_PORTS = Set.of(22, 3000, 9090, 9470);
    static final Set<Integer> CLUSTER_PORTS =
            IntStream.rangeClosed(5701, 5720).boxed().collect(Collectors.toSet());
    static final String INGRESS = "aws_vpc_security_group_ingress_rule";
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Terraform itself: no registry CI reaches serves it, so its checks run where it is installed and skip elsewhere.
     */
    static Path terraform() {
        return ExternalTool.optional(
                "terraform", "install Terraform >= 1.5 (https://developer.hashicorp.com/terraform/install) to run it");
    }

    static Path node;
    /** terraform/*.tf file name to its HCL as JSON (expressions are their source text, e.g. "${var.x}"). */
    static Map<String, JsonNode> files;

    static List<Call> calls;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void parseEveryFile() throws Exception {
        node = ExternalTool.require("node", "apt-get install nodejs npm");
        if (!Files.exists(ROOT.resolve("build/tools/hcl2json/node_modules/@cdktf/hcl2json/package.json"))) {
            ExternalTool.require("npm", "apt-get install npm");
        }
        // cheap when installed; (re)installs the pinned version otherwise
        Ran install = run(ROOT, "bash", "deploy/tools/install-hcl2json.sh");
        assertThat(install.exit()).as("install-hcl2json.sh: " + install.err()).isZero();

        List<String> names;
        try (Stream<Path> s = Files.list(TF)) {
            names = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tf"))
                    .sorted()
                    .toList();
        }
        assertThat(names)
                .contains(
                        "main.tf",
                        "network.tf",
                        "security.tf",
                        "instances.tf",
                        "outputs.tf",
                        "variables.tf",
                        "versions.tf");
        List<String> command = new ArrayList<>(List.of(node.toString(), "deploy/tools/hcl2json.mjs"));
        names.forEach(n -> command.add("terraform/" + n));
        Ran parsed = run(ROOT, command.toArray(String[]::new));
        assertThat(parsed.exit()).as("HCL parse errors:\n" + parsed.err()).isZero();
        JsonNode all = JSON.readTree(parsed.out());
        files = new TreeMap<>();
        names.forEach(n -> files.put(n, all.get("terraform/" + n)));
        calls = new ArrayList<>(new LinkedHashSet<>(
                strings().stream().flatMap(s -> Call.allIn(s).stream()).toList()));
    }

    @Test
    void isFormattedAsTerraformFmtWants() throws Exception {
        Ran fmt = run(ROOT, terraform().toString(), "fmt", "-check", "-recursive", "-diff", "terraform");
        assertThat(fmt.exit())
                .as("terraform fmt -check -recursive terraform/ (run 'terraform fmt -recursive terraform/'):\n"
                        + fmt.out())
                .isZero();
    }

    @Test
    void versionsPinTerraformAndProviders() {
        JsonNode tf = block("terraform").get(0);
        assertThat(tf.path("required_version").asText()).isEqualTo(">= 1.5");
        JsonNode providers = tf.path("required_providers").get(0);
        assertThat(providers.path("aws").path("version").asText()).startsWith("~> 5.");
        assertThat(providers.path("random").path("source").asText()).isEqualTo("hashicorp/random");
    }

    @Test
    void variablesAreDescribedAndHaveDefaultsUnlessRequiredOnPurpose() {
        Map<String, JsonNode> variables = variables();
        assertThat(variables)
                .containsKeys(
                        "region",
                        "admin_cidr",
                        "key_name",
                        "agent_count",
                        "instance_type",
                        "dedicated_tenancy",
                        "loadgrid_repo_url",
                        "loadgrid_ref",
                        "cluster_name",
                        "target_latency_ms");
        variables.forEach((name, v) -> {
            assertThat(v.path("description").asText())
                    .as("description of variable " + name)
                    .isNotBlank();
            assertThat(v.has("type")).as("type of variable " + name).isTrue();
            assertThat(v.has("default"))
                    .as("variable " + name + " has a default unless it is one of " + REQUIRED_VARIABLES)
                    .isEqualTo(!REQUIRED_VARIABLES.contains(name));
        });
        assertThat(variables.get("agent_count").get("default").asInt()).isEqualTo(2);
        assertThat(variables.get("instance_type").get("default").asText()).isEqualTo("c5.large");
        assertThat(variables.get("dedicated_tenancy").get("default").asBoolean())
                .isFalse();
    }

    @Test
    void adminCidrValidationRefusesOpenRanges() throws Exception {
        String condition = unwrap(variables()
                .get("admin_cidr")
                .path("validation")
                .get(0)
                .path("condition")
                .asText());
        assertThat(condition).contains("var.admin_cidr");
        Map<String, Boolean> expected = new LinkedHashMap<>();
        expected.put("203.0.113.7/32", true);
        expected.put("10.0.0.0/8", true);
        expected.put("0.0.0.0/0", false);
        expected.put("203.0.113.7/0", false);
        expected.put("10.0.0.0/7", false);
        expected.put("203.0.113.7", false);
        expected.put("not a cidr", false);
        List<String> entries = new ArrayList<>();
        for (String value : expected.keySet()) {
            entries.add(
                    "c" + entries.size() + " = " + condition.replace("var.admin_cidr", JSON.writeValueAsString(value)));
        }
        JsonNode results = evaluate(entries, "");
        int i = 0;
        for (Map.Entry<String, Boolean> e : expected.entrySet()) {
            assertThat(results.get("c" + i++).asBoolean())
                    .as("admin_cidr = " + e.getKey() + " accepted")
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void hazelcastAndTargetPortsAreOpenOnlyInsideTheGroup() {
        Set<Integer> selfPorts = new TreeSet<>();
        resources(INGRESS).forEach((name, rule) -> {
            Set<Integer> ports = ports(name, rule);
            if (ports.stream().anyMatch(p -> CLUSTER_PORTS.contains(p) || p == 8080)) {
                assertThat(rule.has("cidr_ipv4") || rule.has("cidr_ipv6") || rule.has("prefix_list_id"))
                        .as(INGRESS + "." + name
                                + " opens cluster ports to addresses; use referenced_security_group_id")
                        .isFalse();
                assertThat(rule.path("referenced_security_group_id").asText())
                        .as(INGRESS + "." + name + " refers to its own group")
                        .isNotEmpty()
                        .isEqualTo(rule.path("security_group_id").asText());
                selfPorts.addAll(ports);
            }
        });
        assertThat(selfPorts).containsAll(CLUSTER_PORTS).contains(8080);
    }

    @Test
    void adminPortsAreOpenOnlyToTheAdminCidr() {
        Set<Integer> adminPorts = new TreeSet<>();
        resources(INGRESS).forEach((name, rule) -> {
            assertThat(rule.has("cidr_ipv6") || rule.has("prefix_list_id"))
                    .as(INGRESS + "." + name + ": IPv4 admin CIDR only")
                    .isFalse();
            if (rule.has("cidr_ipv4")) {
                assertThat(rule.get("cidr_ipv4").asText())
                        .as(INGRESS + "." + name + " source")
                        .isEqualTo("${var.admin_cidr}");
                adminPorts.addAll(ports(name, rule));
            }
        });
        assertThat(adminPorts).containsExactlyInAnyOrderElementsOf(ADMIN_PORTS);
        // inline rules in the group itself would bypass everything checked above
        resources("aws_security_group")
                .forEach((name, group) -> assertThat(group.has("ingress"))
                        .as("aws_security_group." + name + " has inline ingress rules")
                        .isFalse());
        assertThat(resources("aws_security_group_rule"))
                .as("legacy aws_security_group_rule resources")
                .isEmpty();
    }

    @Test
    void instancesUseImdsV2FixedAddressesTheTenancySwitchAndTheSharedBootstrap() {
        Map<String, JsonNode> instances = resources("aws_instance");
        assertThat(instances).containsOnlyKeys("target", "agent", "coordinator");
        assertThat(instances.get("agent").path("count").asText()).isEqualTo("${var.agent_count}");
        instances.forEach((name, instance) -> {
            assertThat(instance.path("metadata_options")
                            .path(0)
                            .path("http_tokens")
                            .asText())
                    .as(name + " IMDSv2 only")
                    .isEqualTo("required");
            assertThat(instance.path("private_ip").asText())
                    .as(name + " fixed private address")
                    .startsWith("${local.");
            assertThat(resolveLocal(instance.path("tenancy").asText()))
                    .as(name + " tenancy")
                    .contains("var.dedicated_tenancy", "\"dedicated\"");
            assertThat(instance.path("instance_type").asText()).isEqualTo("${var.instance_type}");
            assertThat(instance.path("user_data").asText())
                    .as(name + " user_data")
                    .contains("local.install_script");
        });
        assertThat(locals().get("install_script").asText()).contains("/templates/install.sh.tftpl");
    }

    @Test
    void outputsNameEveryAddressTheUrlsAndTheSweepCommand() {
        Map<String, JsonNode> outputs = blockMap("output");
        assertThat(outputs)
                .containsKeys(
                        "grafana_url",
                        "prometheus_url",
                        "sweep_command",
                        "ssh_commands",
                        "target_public_ip",
                        "target_private_ip",
                        "agent_public_ips",
                        "agent_private_ips",
                        "coordinator_public_ip",
                        "coordinator_private_ip");
        outputs.forEach((name, o) -> assertThat(o.path("description").asText())
                .as("description of output " + name)
                .isNotBlank());
        assertThat(outputs.get("grafana_url").path("value").asText())
                .startsWith("http://")
                .endsWith(":3000");
        assertThat(outputs.get("prometheus_url").path("value").asText())
                .startsWith("http://")
                .endsWith(":9090");
        assertThat(outputs.get("sweep_command").path("value").asText())
                .contains("loadgrid sweep sweeps/quick.yaml --base http://${aws_instance.target.private_ip}:8080");
    }

    @Test
    void everyReferencedVariableIsDeclaredAndEveryDeclaredOneIsUsed() throws Exception {
        Set<String> referenced = new TreeSet<>();
        for (String name : files.keySet()) {
            Matcher m =
                    Pattern.compile("\\bvar\\.([A-Za-z_][A-Za-z0-9_-]*)").matcher(Files.readString(TF.resolve(name)));
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        assertThat(variables().keySet()).as("declared variables").containsAll(referenced);
        assertThat(referenced)
                .as("variables used somewhere")
                .containsAll(variables().keySet());
        // the example tfvars sets only declared variables, and every required one
        Ran example = run(ROOT, node.toString(), "deploy/tools/hcl2json.mjs", "terraform/terraform.tfvars.example");
        assertThat(example.exit()).as(example.err()).isZero();
        Set<String> set = new TreeSet<>();
        JSON.readTree(example.out())
                .path("terraform/terraform.tfvars.example")
                .fieldNames()
                .forEachRemaining(set::add);
        assertThat(variables().keySet()).containsAll(set);
        assertThat(set).containsAll(REQUIRED_VARIABLES);
    }

    @Test
    void everyTemplatefileCallNamesAnExistingTemplateAndPassesEveryNameItUses() throws IOException {
        assertThat(calls).isNotEmpty();
        Set<Path> used = new TreeSet<>();
        for (Call call : calls) {
            assertThat(call.template()).as("templatefile path").exists();
            used.add(call.template());
            Set<String> names = Template.names(Files.readString(call.template()));
            assertThat(call.args().keySet())
                    .as(TF.relativize(call.template()) + " uses " + names + "; the call passes")
                    .containsAll(names);
        }
        try (Stream<Path> s = Files.list(TF.resolve("templates"))) {
            assertThat(used)
                    .as("templates used by some templatefile() call")
                    .containsAll(s.sorted().toList());
        }
    }

    @Test
    void userDataRendersToValidShellScripts() throws Exception {
        Path bash = ExternalTool.require("bash", "apt-get install bash");
        for (Map.Entry<String, String> e : userData().entrySet()) {
            String name = e.getKey();
            assertThat(e.getValue()).startsWith("#!/bin/bash\n");
            assertThat(e.getValue().getBytes(StandardCharsets.UTF_8).length)
                    .as(name + " user data bytes (EC2 takes at most 16 KiB)")
                    .isLessThan(15 * 1024); // room for the real values, longer than the samples
            Ran syntax = run(ROOT, bash.toString(), "-n", script(name).toString());
            assertThat(syntax.exit())
                    .as("bash -n on the " + name + " user data:\n" + syntax.err())
                    .isZero();
        }
    }

    @Test
    void userDataPassesShellcheck() throws Exception {
        Path shellcheck = ExternalTool.require("shellcheck", "apt-get install shellcheck");
        for (String name : userData().keySet()) {
            Ran check = run(
                    ROOT, shellcheck.toString(), "--shell=bash", script(name).toString());
            assertThat(check.exit())
                    .as("shellcheck on the " + name + " user data:\n" + check.out())
                    .isZero();
        }
    }

    @Test
    void prometheusConfigScrapesTheCoordinatorAndTheTarget() throws Exception {
        Call prometheus = calls.stream()
                .filter(c -> c.template().endsWith("prometheus.yml.tftpl"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> config = new Yaml().load(rendered().get(prometheus));
        String targets = String.valueOf(config.get("scrape_configs"));
        assertThat(targets).contains("localhost:9470", sample("target"));
        assertThat(userData().get("coordinator"))
                .as("the coordinator's user data writes prometheus.yml")
                .contains("cat > /etc/prometheus/prometheus.yml", "localhost:9470");
    }

    // ---------------------------------------------------------------------------------------------------------------

    static Map<Call, String> rendered;
    static Map<String, String> userData;

    /**
     * Each instance's user data as cloud-init gets it (install.sh.tftpl, then the role's script), rendered with sample
     * values, and written to {@link #script(String)}.
     */
    static synchronized Map<String, String> userData() throws Exception {
        if (userData == null) {
            Map<String, String> scripts = new TreeMap<>();
            String install = rendered().entrySet().stream()
                    .filter(e -> e.getKey().template().endsWith("install.sh.tftpl"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow();
            for (Map.Entry<String, JsonNode> instance :
                    resources("aws_instance").entrySet()) {
                List<Call> roles = Call.allIn(
                                instance.getValue().path("user_data").asText())
                        .stream()
                        .filter(c -> c.template().getFileName().toString().endsWith(".sh.tftpl"))
                        .toList();
                assertThat(roles).as(instance.getKey() + " role script").hasSize(1);
                String script = install + "\n" + rendered().get(roles.get(0));
                Files.writeString(script(instance.getKey()), script);
                scripts.put(instance.getKey(), script);
            }
            userData = scripts;
        }
        return userData;
    }

    static Path script(String instance) {
        return tmp.resolve("user_data_" + instance + ".sh");
    }

    static synchronized Map<Call, String> rendered() throws Exception {
        if (rendered == null) {
            rendered = render();
        }
        return rendered;
    }

    /** Every template rendered by Terraform with a sample string for each argument (nested templates rendered too). */
    static Map<Call, String> render() throws Exception {
        List<String> entries = new ArrayList<>();
        StringBuilder locals = new StringBuilder("locals {\n");
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            locals.append("  t")
                    .append(i)
                    .append(" = templatefile(")
                    .append(JSON.writeValueAsString(call.template().toString()))
                    .append(", {\n");
            for (Map.Entry<String, String> arg : call.args().entrySet()) {
                String value = Call.isCall(arg.getValue())
                        ? "local.t" + calls.indexOf(Call.parse(arg.getValue(), 0))
                        : JSON.writeValueAsString(sample(arg.getKey()));
                locals.append("    ")
                        .append(arg.getKey())
                        .append(" = ")
                        .append(value)
                        .append('\n');
            }
            locals.append("  })\n");
            entries.add("t" + i + " = local.t" + i);
        }
        JsonNode out = evaluate(entries, locals.append("}\n").toString());
        Map<Call, String> rendered = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            rendered.put(calls.get(i), out.get("t" + i).asText());
        }
        return rendered;
    }

    static String sample(String argument) {
        return "sample-" + argument;
    }

    /**
     * Evaluates an object of one-line "name = expression" entries with {@code terraform console} in a module of {@code
     * hcl}.
     */
    static JsonNode evaluate(List<String> entries, String hcl) throws Exception {
        Path module = Files.createTempDirectory(tmp, "console");
        Files.writeString(module.resolve("main.tf"), hcl);
        // base64: the console prints strings HCL-escaped; base64 has nothing to escape
        String expression = "base64encode(jsonencode({" + String.join(", ", entries) + "}))\n";
        Ran console = runWithInput(module, expression, terraform().toString(), "console");
        assertThat(console.exit()).as("terraform console: " + console.err()).isZero();
        String line = console.out().strip();
        // an error in the module's locals still exits 0 and prints "(known after apply)"; the error is on stdout/stderr
        assertThat(line)
                .as("terraform console did not print a value:\n" + console.out() + console.err())
                .startsWith("\"")
                .endsWith("\"");
        return JSON.readTree(Base64.getDecoder().decode(line.substring(1, line.length() - 1)));
    }

    /**
     * The ports a rule opens: a from/to range, or the keys of the local map its for_each iterates ({@code each.key}).
     */
    static Set<Integer> ports(String name, JsonNode rule) {
        JsonNode from = rule.path("from_port");
        JsonNode to = rule.path("to_port");
        if (from.isInt() && to.isInt()) {
            return IntStream.rangeClosed(from.asInt(), to.asInt()).boxed().collect(Collectors.toSet());
        }
        String forEach = rule.path("for_each").asText();
        if ("${each.key}".equals(from.asText())
                && "${each.key}".equals(to.asText())
                && forEach.matches("\\$\\{local\\.\\w+}")) {
            JsonNode map = locals().get(forEach.substring("${local.".length(), forEach.length() - 1));
            assertThat(map).as(forEach).isNotNull();
            Set<Integer> ports = new TreeSet<>();
            map.fieldNames().forEachRemaining(k -> ports.add(Integer.parseInt(k)));
            return ports;
        }
        return fail(
                INGRESS + "." + name + ": ports must be numbers or each.key over a local map, not " + from + ".." + to);
    }

    /** "${local.x}" becomes local x's expression; anything else stays as it is. */
    static String resolveLocal(String expression) {
        Matcher m = Pattern.compile("\\$\\{local\\.(\\w+)}").matcher(expression);
        return m.matches() && locals().containsKey(m.group(1))
                ? locals().get(m.group(1)).asText()
                : expression;
    }

    static String unwrap(String expression) {
        assertThat(expression).startsWith("${").endsWith("}");
        return expression.substring(2, expression.length() - 1);
    }

    /** Every top-level block of a kind, across the files (hcl2json gives each file's blocks as arrays). */
    static List<JsonNode> block(String kind) {
        List<JsonNode> blocks = new ArrayList<>();
        files.values().forEach(f -> f.path(kind).forEach(blocks::add));
        return blocks;
    }

    /** Labelled blocks (variable, output) by label. */
    static Map<String, JsonNode> blockMap(String kind) {
        Map<String, JsonNode> map = new TreeMap<>();
        files.values()
                .forEach(f -> f.path(kind)
                        .fields()
                        .forEachRemaining(e -> map.put(e.getKey(), e.getValue().get(0))));
        return map;
    }

    static Map<String, JsonNode> variables() {
        return blockMap("variable");
    }

    static Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> map = new TreeMap<>();
        files.values()
                .forEach(f -> f.path("resource")
                        .path(type)
                        .fields()
                        .forEachRemaining(e -> map.put(e.getKey(), e.getValue().get(0))));
        return map;
    }

    static Map<String, JsonNode> locals() {
        Map<String, JsonNode> map = new TreeMap<>();
        block("locals").forEach(b -> b.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue())));
        return map;
    }

    /** Every string in every file: expressions, where templatefile() calls are. */
    static List<String> strings() {
        List<String> out = new ArrayList<>();
        files.values().forEach(f -> collectStrings(f, out));
        return out;
    }

    static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, out));
    }

    /**
     * One {@code templatefile("${path.module}/...", { name = expr ... })} call in an expression's source text. The
     * variables must be an object literal, so that what the template gets can be checked here.
     */
    record Call(Path template, Map<String, String> args) {
        static final String NAME = "templatefile(";

        static boolean isCall(String expression) {
            return expression.startsWith(NAME);
        }

        static List<Call> allIn(String source) {
            List<Call> found = new ArrayList<>();
            for (int i = source.indexOf(NAME); i >= 0; i = source.indexOf(NAME, i + 1)) {
                if (i == 0 || !Character.isLetterOrDigit(source.charAt(i - 1)) && source.charAt(i - 1) != '_') {
                    found.add(parse(source, i));
                }
            }
            return found;
        }

        static Call parse(String s, int start) {
            Scanner in = new Scanner(s, start + NAME.length());
            in.skipBlank();
            in.expect('"');
            int pathEnd = Scanner.skipString(s, in.pos - 1);
            String path = s.substring(in.pos, pathEnd - 1);
            in.pos = pathEnd;
            if (!path.startsWith("${path.module}/") || path.indexOf("${", 1) >= 0) {
                fail("templatefile() path must be \"${path.module}/...\" with nothing else interpolated: " + path);
            }
            in.skipBlank();
            in.expect(',');
            in.skipBlank();
            if (s.charAt(in.pos) != '{') {
                fail("templatefile(" + path
                        + ", ...) must pass an object literal { name = value }, so the names can be checked");
            }
            in.pos++;
            Map<String, String> args = new LinkedHashMap<>();
            while (true) {
                in.skipBlank();
                if (in.peek() == ',') {
                    in.pos++;
                    continue;
                }
                if (in.peek() == '}') {
                    break;
                }
                int keyStart = in.pos;
                while (Character.isLetterOrDigit(in.peek()) || in.peek() == '_' || in.peek() == '-') {
                    in.pos++;
                }
                String key = s.substring(keyStart, in.pos);
                in.skipBlank();
                if (key.isEmpty() || in.peek() != '=' && in.peek() != ':') {
                    fail("cannot read the variables of templatefile(" + path + ") near: "
                            + s.substring(keyStart, Math.min(s.length(), keyStart + 40)));
                }
                in.pos++;
                int valueStart = in.pos;
                in.skipValue();
                args.put(key, s.substring(valueStart, in.pos).strip());
            }
            return new Call(
                    TF.resolve(path.substring("${path.module}/".length())).normalize(), args);
        }
    }

    /** Just enough of HCL's expression syntax to find where strings, brackets and values end. */
    static final class Scanner {
        final String s;
        int pos;

        Scanner(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        void expect(char c) {
            if (peek() != c) {
                fail("expected '" + c + "' at: " + s.substring(pos, Math.min(s.length(), pos + 40)));
            }
            pos++;
        }

        /** Whitespace, newlines and comments. */
        void skipBlank() {
            while (pos < s.length()) {
                if (Character.isWhitespace(peek())) {
                    pos++;
                } else if (peek() == '#' || s.startsWith("//", pos)) {
                    while (pos < s.length() && peek() != '\n') {
                        pos++;
                    }
                } else {
                    return;
                }
            }
        }

        /**
         * To the end of an object attribute's value: a newline, comma or closing brace outside brackets and strings.
         */
        void skipValue() {
            while (pos < s.length()) {
                char c = peek();
                if (c == '"') {
                    pos = skipString(s, pos);
                } else if (c == '(' || c == '[' || c == '{') {
                    pos = skipTo(s, pos + 1, c == '(' ? ')' : c == '[' ? ']' : '}');
                } else if (c == '\n' || c == ',' || c == '}') {
                    return;
                } else {
                    pos++;
                }
            }
        }

        /** From an opening quote to just after its closing quote, across ${...} holding strings of their own. */
        static int skipString(String s, int quote) {
            int i = quote + 1;
            while (i < s.length() && s.charAt(i) != '"') {
                if (s.charAt(i) == '\\') {
                    i += 2;
                } else if (s.startsWith("$${", i) || s.startsWith("%%{", i)) {
                    i += 3;
                } else if (s.startsWith("${", i) || s.startsWith("%{", i)) {
                    i = skipTo(s, i + 2, '}');
                } else {
                    i++;
                }
            }
            return i + 1;
        }

        /** From inside a bracket to just after its closing {@code close}. */
        static int skipTo(String s, int i, char close) {
            while (i < s.length() && s.charAt(i) != close) {
                char c = s.charAt(i);
                if (c == '"') {
                    i = skipString(s, i);
                } else if (c == '(' || c == '[' || c == '{') {
                    i = skipTo(s, i + 1, c == '(' ? ')' : c == '[' ? ']' : '}');
                } else {
                    i++;
                }
            }
            if (i >= s.length()) {
                fail("unbalanced '" + close + "' in: " + s);
            }
            return i + 1;
        }
    }

    /** The names a Terraform template reads in its ${...} and %{...} sequences ($${ and %%{ are literal text). */
    static final class Template {
        static final Set<String> KEYWORDS =
                Set.of("if", "else", "endif", "for", "endfor", "in", "true", "false", "null");
        static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_][\\w-]*)(?!\\s*\\()");
        static final Pattern LOOP = Pattern.compile("\\bfor\\s+(\\w+)(?:\\s*,\\s*(\\w+))?\\s+in\\b");
        static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

        static Set<String> names(String text) {
            List<String> expressions = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) {
                if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
                    i += 2;
                } else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
                    int end = Scanner.skipTo(text, i + 2, '}');
                    expressions.add(text.substring(i + 2, end - 1).replace("~", " "));
                    i = end - 1;
                }
            }
            Set<String> bound = new TreeSet<>();
            Set<String> names = new TreeSet<>();
            for (String e : expressions) {
                Matcher loop = LOOP.matcher(e);
                while (loop.find()) {
                    bound.add(loop.group(1));
                    if (loop.group(2) != null) {
                        bound.add(loop.group(2));
                    }
                }
                Matcher m = NAME.matcher(STRING.matcher(e).replaceAll("\"\""));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            names.removeAll(KEYWORDS);
            names.removeAll(bound);
            return names;
        }
    }

    record Ran(int exit, String out, String err) {}

    static Ran run(Path dir, String... command) throws Exception {
        return runWithInput(dir, null, command);
    }

    static Ran runWithInput(Path dir, String stdin, String... command) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 180 s");
        }
        return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
