// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;

/**
 * What a cluster spec must be for the emulator: checked when a cluster starts, and again when another JVM
 * joins it and reads the spec back from its directory (a file that may have been damaged since).
 */
public final class SpecValidation {
    private SpecValidation() {
    }

    /**
     * Throws IllegalArgumentException, saying why, unless the emulator can run {@code spec}: node ids 0..63, each once;
     * controller names {@code <type><unit>}, unique per node; links between controllers of two different nodes;
     * at most {@link ClusterSpec#MAX_LINKS} links; a page size that is a power of two of at least 4096.
     */
    public static void check(ClusterSpec spec) {
        if (spec.pageSize() < 4096 || Long.bitCount(spec.pageSize()) != 1) {
            throw new IllegalArgumentException("page size " + spec.pageSize() + " is not a power of two of at least 4096");
        }
        Set<Integer> ids = new HashSet<>();
        for (NodeSpec node : spec.nodes()) {
            if (node.id() < 0 || node.id() >= ClusterSpec.MAX_NODES) {
                throw new IllegalArgumentException("node id " + node.id() + " is outside 0.." + (ClusterSpec.MAX_NODES - 1));
            }
            if (!ids.add(node.id())) {
                throw new IllegalArgumentException("node id " + node.id() + " appears twice");
            }
            Set<String> names = new HashSet<>();
            for (ControllerSpec controller : node.controllers()) {
                if (!controller.name().matches("[A-Za-z]+[0-9]*") || controller.name().equalsIgnoreCase("loopback")) {
                    throw new IllegalArgumentException("controller name \"" + controller.name() + "\" of node " + node.id()
                            + " is not <type><unit> (letters, then digits), or is the reserved loopback");
                }
                if (!names.add(controller.name().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("node " + node.id() + " has two controllers named " + controller.name());
                }
            }
        }
        for (LinkSpec link : spec.links()) {
            if (!hasController(spec, link.nodeA(), link.controllerA()) || !hasController(spec, link.nodeB(), link.controllerB())) {
                throw new IllegalArgumentException("link " + link + " names a controller that no node has");
            }
            if (link.nodeA() == link.nodeB()) {
                throw new IllegalArgumentException("link " + link + " joins a node to itself");
            }
        }
        if (spec.links().size() > ClusterSpec.MAX_LINKS) {
            throw new IllegalArgumentException("a cluster has at most " + ClusterSpec.MAX_LINKS + " links, not "
                    + spec.links().size());
        }
    }

    private static boolean hasController(ClusterSpec spec, int nodeId, String name) {
        NodeSpec node = spec.node(nodeId);
        return node != null && node.controllers().stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
    }
}
