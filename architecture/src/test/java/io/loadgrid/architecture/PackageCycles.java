package io.loadgrid.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The package cycles inside each module, one line per group of packages that all reach each other (a strongly
 * connected group, Tarjan's algorithm): "agent: metrics, model, run". One line per group stays the same while the
 * classes in it change, so a known cycle can be listed and a new one, or a grown one, seen.
 */
final class PackageCycles {
    private static final String ROOT = "io.loadgrid.";

    private final Map<String, Set<String>> edges = new TreeMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<String> groups = new ArrayList<>();

    private PackageCycles() {}

    static List<String> of(JavaClasses classes) {
        PackageCycles cycles = new PackageCycles();
        for (JavaClass c : classes) {
            String from = slice(c.getPackageName());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = slice(d.getTargetClass().getPackageName());
                if (from != null && to != null && !to.equals(from) && module(to).equals(module(from))) {
                    cycles.edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        for (String p : cycles.edges.keySet()) {
            if (!cycles.index.containsKey(p)) {
                cycles.visit(p);
            }
        }
        return cycles.groups.stream().sorted().toList();
    }

    private void visit(String p) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        onStack.add(p);
        for (String q : edges.getOrDefault(p, Set.of())) {
            if (!index.containsKey(q)) {
                visit(q);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (onStack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            TreeSet<String> group = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                onStack.remove(q);
                group.add(q.substring(q.indexOf('.') + 1));
            } while (!q.equals(p));
            if (group.size() > 1) {
                groups.add(module(p) + ": " + String.join(", ", group));
            }
        }
    }

    /** "module.package" of a package under io.loadgrid (its first two levels), or null outside the project. */
    private static String slice(String pkg) {
        if (!pkg.startsWith(ROOT)) {
            return null;
        }
        String[] parts = pkg.substring(ROOT.length()).split("\\.");
        return parts.length == 1 ? parts[0] + ".(root)" : parts[0] + "." + parts[1];
    }

    private static String module(String slice) {
        return slice.substring(0, slice.indexOf('.'));
    }
}
