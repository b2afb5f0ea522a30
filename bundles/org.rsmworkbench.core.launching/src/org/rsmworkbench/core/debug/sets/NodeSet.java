// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.sets;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.rsmworkbench.core.debug.stacks.ParallelStacks;
import org.rsmworkbench.core.launching.NodeSettings;

/**
 * A named set of nodes of a cluster: {@link #all()}, every node whatever the cluster, or a set the user defined.
 *
 * @param name the set's name: {@value #ALL} or a name without {@code =} and line breaks
 * @param nodes its nodes, ascending; empty for {@link #all()}
 */
public record NodeSet(String name, SortedSet<Integer> nodes) {
    /** The name of the set of every node, which no user-defined set can take. */
    public static final String ALL = "all";
    private static final Pattern NAME = Pattern.compile("[^=\\r\\n]+");

    public NodeSet {
        nodes = Collections.unmodifiableSortedSet(new TreeSet<>(nodes));
        if (ALL.equals(name) != nodes.isEmpty()) {
            throw new IllegalArgumentException(nodes.isEmpty() ? "the node set \"" + name + "\" has no node"
                    : "\"" + ALL + "\" is the set of every node; give this set another name");
        }
    }

    /** The set of every node of the cluster. */
    public static NodeSet all() {
        return new NodeSet(ALL, new TreeSet<>());
    }

    /**
     * A set the user defines: {@code name} and a node list such as {@code 1,3-5}.
     *
     * @throws IllegalArgumentException saying what is wrong with the name or the list
     */
    public static NodeSet define(String name, String nodeList) {
        return of(checkName(name), parseNodes(nodeList));
    }

    /** A user-defined set of these nodes. */
    public static NodeSet of(String name, Collection<Integer> nodes) {
        return new NodeSet(checkName(name), new TreeSet<>(nodes));
    }

    /**
     * The nodes of a list of ids and ranges separated by commas, e.g. {@code 1,3-5}.
     *
     * @throws IllegalArgumentException when the list is empty or an item is not an id or a range
     */
    public static SortedSet<Integer> parseNodes(String nodeList) {
        Set<Integer> nodes = NodeSettings.parseNodes(nodeList);
        if (nodes == null) {
            throw new IllegalArgumentException("the node list is empty: give node ids and ranges, e.g. 1,3-5");
        }
        return new TreeSet<>(nodes);
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("a node set needs a name");
        }
        if (!NAME.matcher(stripped).matches()) {
            throw new IllegalArgumentException("the name of a node set cannot contain '=' or a line break: " + stripped);
        }
        if (ALL.equals(stripped)) {
            throw new IllegalArgumentException("\"" + ALL + "\" is the set of every node; give this set another name");
        }
        return stripped;
    }

    public boolean isAll() {
        return ALL.equals(name);
    }

    /** Whether the set holds {@code node}. */
    public boolean contains(int node) {
        return isAll() || nodes.contains(node);
    }

    /** The nodes as ranges ({@code 1,3-5}), or {@code every node} for {@link #all()}. */
    public String nodeList() {
        return isAll() ? "every node" : ParallelStacks.nodeList(List.copyOf(nodes));
    }

    /** {@code A: nodes 1,3-5}, {@code B: node 2}, {@code all: every node}. */
    public String label() {
        return name + ": " + (isAll() ? "" : nodes.size() == 1 ? "node " : "nodes ") + nodeList();
    }

    /** Checks that every node of the set is one of the cluster's (a set of another cluster's nodes would do nothing). */
    public void requireIn(Collection<Integer> clusterNodes) {
        NodeSettings.requireNodes(nodes, clusterNodes, "node set " + name);
    }

    @Override
    public String toString() {
        return label();
    }
}
