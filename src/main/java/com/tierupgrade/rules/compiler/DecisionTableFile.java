package com.tierupgrade.rules.compiler;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.tierupgrade.rules.engine.Ladders;

/**
 * A truth table marketers keep instead of rules ({@code *.table.yaml}, e.g. the eight RFM segments): columns are
 * measures with the comparison that makes them 高, rows give a value of a dimension for each 高 / 低 combination.
 * The compiler turns it into marketing sentences ({@code .dslr}, the vocabulary of marketing.dsl), one rule per row;
 * a wrong cell is reported with the table file's own line and column.
 */
final class DecisionTableFile {

    static final String SUFFIX = ".table.yaml";

    private static final Pattern COMPARISON = Pattern.compile("\\s*(至少|不超过|高于|低于)\\s*([\\w.]+)\\s*");
    private static final Map<String, String> OPPOSITE = Map.of("至少", "低于", "低于", "至少", "不超过", "高于",
            "高于", "不超过");

    private record Column(String name, String measure, String comparison, String threshold, String unit) {
    }

    private DecisionTableFile() {
    }

    static boolean isTable(String fileName) {
        return fileName.endsWith(SUFFIX);
    }

    /** The name the generated sentences are compiled under; problems in it are reported against the table. */
    static String generatedName(String fileName) {
        return fileName + ".dslr";
    }

    static Optional<String> tableOf(String generatedFileName) {
        return generatedFileName.endsWith(SUFFIX + ".dslr")
                ? Optional.of(generatedFileName.substring(0, generatedFileName.length() - ".dslr".length()))
                : Optional.empty();
    }

    /** The rules of the table, or the problems of its cells (then the returned text is empty). */
    static String toDslr(String file, String content, Ladders ladders, List<RuleSetInvalid.Problem> problems) {
        int before = problems.size();
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            problems.add(new RuleSetInvalid.Problem(file, e.getProblemMark().getLine() + 1,
                    e.getProblemMark().getColumn() + 1, "not valid YAML: " + e.getProblem()));
            return "";
        }
        if (!(root instanceof MappingNode table)) {
            problems.add(at(file, root, "the table must have 维度, 列 and 行"));
            return "";
        }
        Map<String, Node> sections = entries(table);
        String dimension = text(sections.get("维度"));
        if (dimension == null || dimension.isBlank()) {
            problems.add(at(file, root, "维度: the dimension the rows give a value of, e.g. RFM分群"));
        }
        List<Column> columns = columns(file, sections.get("列"), root, problems);
        Node rowsNode = sections.get("行");
        if (!(rowsNode instanceof SequenceNode rows) || rows.getValue().isEmpty()) {
            problems.add(at(file, rowsNode == null ? root : rowsNode,
                    "行: one row per value, e.g. [重要价值, 高, 高, 高]"));
            return "";
        }
        StringBuilder dslr = new StringBuilder("package rules;\n\n// generated from ").append(file)
                .append("\n\nimport com.tierupgrade.rules.fact.*;\n");
        Map<String, Integer> combinations = new HashMap<>();
        int rowNumber = 0;
        for (Node rowNode : rows.getValue()) {
            rowNumber++;
            if (!(rowNode instanceof SequenceNode row) || row.getValue().size() != columns.size() + 1) {
                problems.add(at(file, rowNode, "行 " + rowNumber + ": a value name and one 高 or 低 per column ("
                        + columns.stream().map(Column::name).toList() + ")"));
                continue;
            }
            List<Node> cells = row.getValue();
            String value = text(cells.get(0));
            if (value == null || ladders.all().stream().flatMap(l -> l.rungs().stream())
                    .noneMatch(rung -> rung.name().equals(value))) {
                problems.add(at(file, cells.get(0), "'" + value + "' is not a value name of " + Ladders.FILE));
            }
            StringBuilder when = new StringBuilder();
            StringBuilder label = new StringBuilder();
            StringBuilder reason = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                String cell = text(cells.get(i + 1));
                if (!"高".equals(cell) && !"低".equals(cell)) {
                    problems.add(at(file, cells.get(i + 1), "column " + column.name() + ": '" + cell
                            + "' must be 高 or 低"));
                    continue;
                }
                String comparison = cell.equals("高") ? column.comparison() : OPPOSITE.get(column.comparison());
                when.append("    ").append(column.measure()).append(' ').append(comparison).append(' ')
                        .append(column.threshold()).append('\n');
                label.append(label.isEmpty() ? "" : " ").append(column.name()).append(cell);
                reason.append(reason.isEmpty() ? "" : ",").append(column.measure()).append(" {")
                        .append(column.measure()).append("} ").append(column.unit()).append('(')
                        .append(column.name()).append(cell).append(",高:").append(column.comparison()).append(' ')
                        .append(column.threshold()).append(' ').append(column.unit()).append(')');
            }
            Integer earlier = combinations.putIfAbsent(label.toString(), rowNumber);
            if (earlier != null) {
                problems.add(at(file, rowNode, "行 " + rowNumber + " repeats " + label + " of 行 " + earlier));
            }
            dslr.append("\n规则 \"").append(dimension).append(' ').append(value).append(':').append(label)
                    .append("\"\n如果\n").append(when).append("那么\n    归入 ").append(dimension).append('「')
                    .append(value).append("」,原因 \"").append(reason).append("\"\n结束\n");
        }
        return problems.size() > before ? "" : dslr.toString();
    }

    private static List<Column> columns(String file, Node node, Node root, List<RuleSetInvalid.Problem> problems) {
        List<Column> columns = new ArrayList<>();
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            problems.add(at(file, node == null ? root : node,
                    "列: one entry per column, e.g. {名称: R, 指标: 距最近一次购买天数, 高: 不超过 30, 单位: 天}"));
            return columns;
        }
        for (Node entry : list.getValue()) {
            Map<String, Node> fields = entry instanceof MappingNode mapping ? entries(mapping) : Map.of();
            String name = text(fields.get("名称"));
            String measure = text(fields.get("指标"));
            String high = text(fields.get("高"));
            Matcher comparison = high == null ? null : COMPARISON.matcher(high);
            if (name == null || measure == null) {
                problems.add(at(file, entry, "a column needs 名称 and 指标 (a measure of marketing.dsl)"));
            } else if (comparison == null || !comparison.matches()) {
                problems.add(at(file, fields.getOrDefault("高", entry), "column " + name
                        + ": 高 must be 至少 / 不超过 / 高于 / 低于 and a number or parameter, e.g. 至少 3"));
            } else {
                String unit = text(fields.get("单位"));
                columns.add(new Column(name, measure, comparison.group(1), comparison.group(2),
                        unit == null ? "" : unit));
            }
        }
        return columns;
    }

    private static Map<String, Node> entries(MappingNode mapping) {
        Map<String, Node> entries = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = text(tuple.getKeyNode());
            if (key != null) {
                entries.put(key, tuple.getValueNode());
            }
        }
        return entries;
    }

    private static String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue().strip() : null;
    }

    private static RuleSetInvalid.Problem at(String file, Node node, String message) {
        return new RuleSetInvalid.Problem(file, node == null ? 0 : node.getStartMark().getLine() + 1,
                node == null ? 0 : node.getStartMark().getColumn() + 1, message);
    }
}
