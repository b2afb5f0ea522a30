// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.rsmworkbench.core.debug.stacks.ParallelStacks;

/**
 * The values of one expression on every node, grouped: rows with equal value text form a group ("nodes 1-2,4: 42"),
 * and so do rows with the same error. When the rows hold more than one value, those outside the common value (the one
 * that more rows hold than any other) differ; when no value is the most common, every value row differs.
 */
public record Comparison(String expression, List<NodeValue> rows, List<Group> groups) {
    /** Rows with the same outcome, in node order. */
    public record Group(String outcome, boolean error, List<NodeValue> rows) {
        public Group {
            rows = List.copyOf(rows);
        }

        /** The nodes of the rows, ascending, each once. */
        public List<Integer> nodes() {
            return rows.stream().map(NodeValue::node).distinct().sorted().toList();
        }

        /** Who holds the outcome: {@code nodes 1-2,4}, {@code node 3 · 2 threads}. */
        public String who() {
            List<Integer> nodes = nodes();
            return (nodes.size() == 1 ? "node " : "nodes ") + ParallelStacks.nodeList(nodes)
                    + (rows.size() == nodes.size() ? "" : " · " + rows.size() + " threads");
        }

        /** {@code nodes 1-2,4: 42}. */
        public String label() {
            return who() + ": " + outcome;
        }
    }

    public Comparison {
        rows = List.copyOf(rows);
        groups = List.copyOf(groups);
    }

    /** Groups {@code rows}: values first, the most common first, then errors; rows in node order. */
    public static Comparison of(String expression, List<NodeValue> rows) {
        List<NodeValue> sorted = rows.stream()
                .sorted(Comparator.comparingInt(NodeValue::node).thenComparing(NodeValue::thread, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        Map<List<Object>, List<NodeValue>> byOutcome = new LinkedHashMap<>();
        for (NodeValue row : sorted) {
            byOutcome.computeIfAbsent(List.of(row.isError(), row.outcome()), _ -> new ArrayList<>()).add(row);
        }
        List<Group> groups = new ArrayList<>();
        byOutcome.forEach((key, members) -> groups.add(new Group((String) key.get(1), (Boolean) key.get(0), members)));
        groups.sort(Comparator.comparing(Group::error).thenComparing(g -> -g.rows().size()));
        return new Comparison(expression, sorted, groups);
    }

    /** The groups of values (not errors). */
    public List<Group> valueGroups() {
        return groups.stream().filter(g -> !g.error()).toList();
    }

    /** Whether the nodes' values are not all equal. */
    public boolean hasDifferences() {
        return valueGroups().size() > 1;
    }

    /** The value more rows hold than any other, or null when there is no such value (or no value). */
    public String commonValue() {
        List<Group> values = valueGroups();
        if (values.isEmpty() || values.size() > 1 && values.get(1).rows().size() == values.get(0).rows().size()) {
            return null;
        }
        return values.getFirst().outcome();
    }

    /** Whether the row holds a value other than the common one (while the values differ). */
    public boolean differs(NodeValue row) {
        return !row.isError() && hasDifferences() && !Objects.equals(row.value(), commonValue());
    }

    /** The groups' labels, one a line: {@code nodes 1-2,4: 42}. */
    public String summary() {
        return String.join("\n", groups.stream().map(Group::label).toList());
    }
}
