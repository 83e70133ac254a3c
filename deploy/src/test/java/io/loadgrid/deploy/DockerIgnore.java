package io.loadgrid.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} read as Docker reads it: patterns in Go's filepath.Match syntax plus {@code **}, leading and
 * trailing slashes dropped, {@code !} re-including; a pattern that matches a path or one of its parent folders
 * decides for it, and the last pattern that matches wins.
 */
final class DockerIgnore {
    private record Rule(boolean include, Pattern regex) {}

    private final List<Rule> rules = new ArrayList<>();

    static DockerIgnore parse(String text) {
        DockerIgnore ignore = new DockerIgnore();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean include = line.startsWith("!");
            String pattern = clean(include ? line.substring(1).strip() : line);
            if (!pattern.isEmpty()) {
                ignore.rules.add(new Rule(include, Pattern.compile(toRegex(pattern))));
            }
        }
        return ignore;
    }

    /**
     * Whether the file or folder at {@code path} (relative to the context, '/'-separated) is left out of the context.
     */
    boolean excludes(String path) {
        String p = clean(path);
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesOrParentMatches(rule.regex, p)) {
                excluded = !rule.include;
            }
        }
        return excluded;
    }

    private static boolean matchesOrParentMatches(Pattern regex, String path) {
        if (regex.matcher(path).matches()) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (regex.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String clean(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.substring(p.startsWith("/") ? 1 : 2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.replaceAll("/+", "/");
    }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int end = glob.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException(".dockerignore pattern '" + glob + "' has an unclosed [");
                }
                String set = glob.substring(i + 1, end);
                re.append('[')
                        .append(set.startsWith("^") || set.startsWith("!") ? "^" + set.substring(1) : set)
                        .append(']');
                i = end;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
