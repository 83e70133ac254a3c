package io.loadgrid.coordinator.sweep.plan;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One mapping of the plan whose keys are known to be words, each given once, and each allowed at this place; so a
 * misspelt key fails here with its line instead of being silently ignored.
 */
final class YamlMap {
    private final String file;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(String file, String path, MappingNode node, Collection<String> known) {
        this.file = file;
        this.path = path;
        this.node = node;
        for (NodeTuple t : node.getValue()) {
            int line = line(t.getKeyNode());
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw PlanError.field(
                        file, line, path, "keys must be plain words; use one of " + String.join(", ", known));
            }
            String key = k.getValue();
            if (!known.contains(key)) {
                throw PlanError.field(file, line, field(key), "unknown key; use one of " + String.join(", ", known));
            }
            NodeTuple first = entries.putIfAbsent(key, t);
            if (first != null) {
                throw PlanError.field(
                        file,
                        line,
                        field(key),
                        "given twice (first on line " + line(first.getKeyNode()) + "); keep one");
            }
        }
    }

    /** @param path the field path of this mapping ("" for the whole plan), the prefix of its keys in errors */
    static YamlMap of(String file, String path, Node node, Collection<String> known) {
        if (node instanceof MappingNode m) {
            return new YamlMap(file, path, m, known);
        }
        String what = "expected a mapping of key: value, got " + new Scalar(file, path, node).shown();
        throw path.isEmpty()
                ? new PlanError(file, line(node), "plan", what)
                : PlanError.field(file, line(node), path, what);
    }

    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node node(String key) {
        return entries.get(key).getValueNode();
    }

    Scalar scalar(String key) {
        return new Scalar(file, field(key), node(key));
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String file() {
        return file;
    }

    /** Where the mapping starts; for a block mapping that is the line of its first key. */
    int line() {
        return line(node);
    }

    int keyLine(String key) {
        return line(entries.get(key).getKeyNode());
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
