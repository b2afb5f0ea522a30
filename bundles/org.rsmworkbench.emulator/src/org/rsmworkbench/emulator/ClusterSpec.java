// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What an emulated cluster is made of: nodes with their controllers, and the links between controllers. */
public record ClusterSpec(String name, long pageSize, List<NodeSpec> nodes, List<LinkSpec> links) {
    /** Node ids are below this (the kernel agent's MAX_NODES): a larger id is unreachable. */
    public static final int MAX_NODES = 64;
    /** The most links a cluster the emulator runs may have. */
    public static final int MAX_LINKS = 4096;

    public ClusterSpec {
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    /** Nodes 1..n, each with one controller "emu0" with default attributes, every pair linked; page size 4096. */
    public static ClusterSpec fullyConnected(int nodeCount) {
        if (nodeCount < 1 || nodeCount >= MAX_NODES) {
            throw new IllegalArgumentException("a cluster has 1 to " + (MAX_NODES - 1) + " nodes, not " + nodeCount);
        }
        List<NodeSpec> nodes = new ArrayList<>();
        List<LinkSpec> links = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            nodes.add(new NodeSpec(i, "node" + i, List.of(new ControllerSpec("emu0", ControllerSpec.DEFAULT_ATTRIBUTES))));
            for (int j = i + 1; j <= nodeCount; j++) {
                links.add(new LinkSpec(i, "emu0", j, "emu0"));
            }
        }
        return new ClusterSpec("cluster-of-" + nodeCount, 4096, nodes, links);
    }

    /** The node with that id, or null. */
    public NodeSpec node(int id) {
        for (NodeSpec n : nodes) {
            if (n.id() == id) {
                return n;
            }
        }
        return null;
    }
}
