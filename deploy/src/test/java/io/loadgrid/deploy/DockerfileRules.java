package io.loadgrid.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's rules for its Dockerfiles, beyond what a linter checks: multi-stage, every base image pinned to a
 * version, Java 21+ in the build and runtime stages, a non-root user, an exec-form ENTRYPOINT, and every file copied
 * from the context present in the repository and not left out by {@code .dockerignore}.
 */
final class DockerfileRules {
    record Instruction(int line, String keyword, String args) {}

    record Stage(String image, String name, List<Instruction> instructions) {}

    private static final Pattern JAVA_IMAGE =
            Pattern.compile("(?:^|/)(eclipse-temurin|openjdk|amazoncorretto|ibm-semeru-runtimes|sapmachine)$");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");
    private static final Pattern JDK_IN_TAG = Pattern.compile("(?:temurin|openjdk|corretto|semeru|sapmachine)-(\\d+)");

    final List<Stage> stages = new ArrayList<>();

    private DockerfileRules() {}

    /** Instructions with continuation lines joined and comments dropped, grouped by stage. */
    static DockerfileRules parse(String text) {
        DockerfileRules d = new DockerfileRules();
        String[] lines = text.split("\n", -1);
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.strip().startsWith("#") || (current == null && line.isBlank())) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                start = i + 1;
            }
            boolean continued = line.endsWith("\\");
            current.append(continued ? line.substring(0, line.length() - 1) : line)
                    .append(' ');
            if (!continued) {
                d.add(start, current.toString().strip());
                current = null;
            }
        }
        if (current != null) {
            d.add(start, current.toString().strip());
        }
        return d;
    }

    private void add(int line, String text) {
        String[] parts = text.split("\\s+", 2);
        Instruction ins = new Instruction(line, parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
        if (ins.keyword.equals("FROM")) {
            List<String> words = words(withoutFlags(ins.args));
            String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
            stages.add(new Stage(words.isEmpty() ? "" : words.get(0), name, new ArrayList<>()));
        }
        if (!stages.isEmpty()) {
            stages.getLast().instructions.add(ins);
        }
    }

    /** Every rule broken, one line each; empty when the Dockerfile is fine. */
    List<String> problems(Path context, DockerIgnore ignore) {
        List<String> problems = new ArrayList<>();
        if (stages.size() < 2) {
            problems.add("not multi-stage: " + stages.size()
                    + " FROM; build with Maven in one stage, run on a JRE in another");
        }
        Set<String> stageNames = new LinkedHashSet<>();
        for (Stage s : stages) {
            if (!stageNames.contains(s.image)) {
                String why = unpinned(s.image);
                if (why != null) {
                    problems.add("FROM " + s.image + ": " + why);
                }
            }
            if (s.name != null) {
                stageNames.add(s.name);
            }
        }
        if (stages.isEmpty()) {
            return problems;
        }
        for (Stage s : stages) {
            boolean builds = s.instructions.stream()
                    .anyMatch(i -> i.keyword.equals("RUN") && i.args.matches(".*\\b(mvn|loadgrid build)\\b.*"));
            if (builds && javaMajor(s.image) < 21) {
                problems.add("build stage FROM " + s.image + " has no JDK 21+ (" + javaMajor(s.image) + ")");
            }
        }
        Stage runtime = stages.getLast();
        if (javaMajor(runtime.image) < 21) {
            problems.add("runtime stage FROM " + runtime.image + " is not a JDK/JRE 21+ image");
        }
        if (runtime.instructions.stream().anyMatch(i -> i.keyword.equals("RUN") && i.args.matches(".*\\bmvn\\b.*"))) {
            problems.add("the runtime stage runs Maven; build in the build stage");
        }
        String user = runtime.instructions.stream()
                .filter(i -> i.keyword.equals("USER"))
                .map(i -> i.args.strip())
                .reduce((a, b) -> b)
                .orElse(null);
        if (user == null) {
            problems.add("the runtime stage has no USER: it would run as root");
        } else if (user.split(":")[0].equals("root") || user.split(":")[0].equals("0")) {
            problems.add("USER " + user + " is root");
        }
        List<Instruction> entrypoints = runtime.instructions.stream()
                .filter(i -> i.keyword.equals("ENTRYPOINT"))
                .toList();
        if (entrypoints.isEmpty()) {
            problems.add("the runtime stage has no ENTRYPOINT");
        } else if (!entrypoints.getLast().args.strip().startsWith("[")) {
            problems.add("ENTRYPOINT is in shell form: signals would reach /bin/sh, not the JVM; use [\"...\"]");
        }
        for (Stage s : stages) {
            for (Instruction i : s.instructions) {
                if (i.keyword.equals("ADD")) {
                    problems.add("line " + i.line + ": ADD; use COPY (ADD fetches URLs and unpacks archives)");
                }
                if (i.keyword.equals("COPY")) {
                    problems.addAll(copyProblems(i, context, ignore, stageNames));
                }
            }
        }
        return problems;
    }

    private static List<String> copyProblems(
            Instruction copy, Path context, DockerIgnore ignore, Set<String> stageNames) {
        List<String> problems = new ArrayList<>();
        Matcher from = Pattern.compile("--from=(\\S+)").matcher(copy.args);
        if (from.find()) {
            String source = from.group(1);
            if (!stageNames.contains(source) && !source.matches("\\d+")) {
                String why = unpinned(source);
                if (why != null) {
                    problems.add("line " + copy.line + ": COPY --from=" + source
                            + " is neither a stage nor a pinned image: " + why);
                }
            }
            return problems;
        }
        List<String> words = words(withoutFlags(copy.args));
        if (words.size() < 2) {
            problems.add("line " + copy.line + ": COPY needs a source and a destination");
            return problems;
        }
        for (String src : words.subList(0, words.size() - 1)) {
            String rel = src.replaceFirst("^(\\./)+", "");
            Path p = context.resolve(rel).normalize();
            if (!p.startsWith(context)) {
                problems.add("line " + copy.line + ": COPY " + src + " is outside the build context");
            } else if (rel.contains("*") || rel.contains("?")) {
                problems.add(
                        "line " + copy.line + ": COPY " + src + ": name files explicitly, so this test can check them");
            } else if (!Files.exists(p)) {
                problems.add("line " + copy.line + ": COPY " + src + " does not exist in the repository");
            } else if (!sentToDocker(p, context, ignore)) {
                problems.add(
                        "line " + copy.line + ": COPY " + src + " is left out of the build context by .dockerignore");
            }
        }
        return problems;
    }

    /** A file is sent when .dockerignore keeps it; a folder when it keeps at least one file in it. */
    private static boolean sentToDocker(Path p, Path context, DockerIgnore ignore) {
        if (!Files.isDirectory(p)) {
            return !ignore.excludes(context.relativize(p).toString());
        }
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile)
                    .anyMatch(f -> !ignore.excludes(context.relativize(f).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ports of the runtime stage's EXPOSE instructions. */
    Set<Integer> exposedPorts() {
        Set<Integer> ports = new LinkedHashSet<>();
        for (Instruction i : stages.getLast().instructions) {
            if (i.keyword.equals("EXPOSE")) {
                for (String w : words(i.args)) {
                    ports.add(Integer.parseInt(w.replaceFirst("/(tcp|udp)$", "")));
                }
            }
        }
        return ports;
    }

    /** Why an image reference is not pinned to a version, or null when it is. */
    static String unpinned(String image) {
        if (image.contains("$")) {
            return "the image comes from a build argument; name it in the Dockerfile";
        }
        if (image.contains("@sha256:")) {
            return null;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon < 0) {
            return "no tag (that is 'latest'); pin a version";
        }
        String tag = last.substring(colon + 1);
        if (tag.equals("latest") || !tag.matches(".*\\d.*")) {
            return "tag '" + tag + "' is not a version; pin one";
        }
        return null;
    }

    /** The Java feature version an image provides (eclipse-temurin:21..., maven:...-eclipse-temurin-21), or -1. */
    static int javaMajor(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon < 0) {
            return -1;
        }
        String repo = image.substring(0, image.length() - last.length() + colon);
        String tag = last.substring(colon + 1);
        Matcher m = JAVA_IMAGE.matcher(repo).find() ? LEADING_NUMBER.matcher(tag) : JDK_IN_TAG.matcher(tag);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String withoutFlags(String args) {
        return args.replaceAll("(^|\\s)--\\S+", " ").strip();
    }

    private static List<String> words(String args) {
        String a = args.strip();
        if (a.startsWith("[")) {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(a);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }
        return a.isEmpty() ? List.of() : List.of(a.split("\\s+"));
    }
}
