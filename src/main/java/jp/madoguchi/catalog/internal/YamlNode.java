package jp.madoguchi.catalog.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.madoguchi.catalog.CatalogProblem;
import jp.madoguchi.catalog.SourceLocation;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node read with its line number, for catalog files: typed getters that record a Japanese problem (file,
 * line, key) instead of throwing, so one reading reports every mistake in a file. Scalars are read as text and
 * converted by the expected type, so YAML 1.1's implicit types ({@code no} → false) never surprise.
 */
final class YamlNode {

    private final String source;
    private final Node node;
    private final List<CatalogProblem> problems;

    YamlNode(String source, Node node, List<CatalogProblem> problems) {
        this.source = source;
        this.node = node;
        this.problems = problems;
    }

    SourceLocation location() {
        return new SourceLocation(source, node.getStartMark().getLine() + 1);
    }

    Node raw() {
        return node;
    }

    void problem(String message) {
        problems.add(new CatalogProblem(location(), message));
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    String scalar() {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /** The entries of a mapping, in order; reports keys not in {@code allowed} (typos such as "deadlines"). */
    Map<String, YamlNode> entries(String what, Set<String> allowed) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode map)) {
            problem(what + "は「キー: 値」の形で書いてください");
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            YamlNode key = new YamlNode(source, t.getKeyNode(), problems);
            String name = key.scalar();
            if (name == null) {
                key.problem(what + "のキーが文字列ではありません");
                continue;
            }
            if (allowed != null && !allowed.contains(name)) {
                key.problem(what + "に「" + name + "」という項目はありません（使える項目: " + String.join(", ", new java.util.TreeSet<>(allowed)) + "）");
                continue;
            }
            if (out.containsKey(name)) {
                key.problem(what + "の「" + name + "」が2回書かれています");
                continue;
            }
            out.put(name, new YamlNode(source, t.getValueNode(), problems));
        }
        return out;
    }

    List<YamlNode> items(String what) {
        if (node instanceof SequenceNode seq) {
            List<YamlNode> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                out.add(new YamlNode(source, n, problems));
            }
            return out;
        }
        problem(what + "は「- 」で始まるリストで書いてください");
        return List.of();
    }

    /** Reads the plain structure (strings, lists, maps) of this node, for answers. */
    Object plain() {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        if (node instanceof SequenceNode) {
            return items("").stream().map(YamlNode::plain).toList();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        entries("", null).forEach((k, v) -> out.put(k, v.plain()));
        return out;
    }

    static String text(Map<String, YamlNode> map, String key, String what, boolean required, YamlNode owner) {
        YamlNode n = map.get(key);
        if (n == null) {
            if (required) {
                owner.problem(what + "に「" + key + "」がありません");
            }
            return null;
        }
        if (!n.isScalar() || n.scalar().isBlank()) {
            n.problem(what + "の「" + key + "」は空でない文字列にしてください");
            return null;
        }
        return n.scalar().strip();
    }

    static Integer integer(Map<String, YamlNode> map, String key, String what, int min, int max) {
        YamlNode n = map.get(key);
        if (n == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(n.scalar() == null ? "" : n.scalar().strip());
            if (v < min || v > max) {
                n.problem(what + "の「" + key + "」は" + min + "〜" + max + "の整数にしてください（" + v + "）");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            n.problem(what + "の「" + key + "」は整数にしてください（" + n.scalar() + "）");
            return null;
        }
    }

    static boolean bool(Map<String, YamlNode> map, String key, String what, boolean defaultValue) {
        YamlNode n = map.get(key);
        if (n == null) {
            return defaultValue;
        }
        String v = n.scalar();
        if ("true".equals(v)) {
            return true;
        }
        if ("false".equals(v)) {
            return false;
        }
        n.problem(what + "の「" + key + "」は true か false にしてください（" + v + "）");
        return defaultValue;
    }

    static LocalDate date(Map<String, YamlNode> map, String key, String what) {
        YamlNode n = map.get(key);
        if (n == null) {
            return null;
        }
        try {
            return LocalDate.parse(n.scalar() == null ? "" : n.scalar().strip());
        } catch (DateTimeParseException e) {
            n.problem(what + "の「" + key + "」は 2024-10-01 の形の日付にしてください（" + n.scalar() + "）");
            return null;
        }
    }

    static List<String> texts(Map<String, YamlNode> map, String key, String what) {
        YamlNode n = map.get(key);
        if (n == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : n.items(what + "の「" + key + "」")) {
            if (!item.isScalar() || item.scalar().isBlank()) {
                item.problem(what + "の「" + key + "」の要素は空でない文字列にしてください");
            } else {
                out.add(item.scalar().strip());
            }
        }
        return out;
    }
}
