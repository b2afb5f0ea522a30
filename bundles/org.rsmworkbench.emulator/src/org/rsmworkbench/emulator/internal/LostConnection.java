// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.util.ArrayList;
import java.util.List;

import org.rsmworkbench.emulator.LinkSpec;

/**
 * Why a connection between two nodes was lost, in words for the message of the error that reports it: the
 * exporting node is down, or a link between the two nodes is down, or else the segment itself went away. Read
 * from the cluster when the error is raised, never on the data path.
 */
final class LostConnection {
    private LostConnection() {
    }

    /** E.g. "node 2 is down", "link 1:emu0 - 2:emu0 is down". */
    static String cause(ClusterRuntime runtime, int importerNode, int exporterNode) {
        if (!runtime.isNodeUp(exporterNode)) {
            return "node " + exporterNode + " is down";
        }
        List<String> down = new ArrayList<>();
        List<LinkSpec> links = runtime.spec.links();
        for (int i = 0; i < links.size(); i++) {
            LinkSpec link = links.get(i);
            boolean between = link.nodeA() == importerNode && link.nodeB() == exporterNode
                    || link.nodeA() == exporterNode && link.nodeB() == importerNode;
            if (between && !runtime.isLinkUp(i)) {
                down.add("link " + link.nodeA() + ":" + link.controllerA() + " - " + link.nodeB() + ":" + link.controllerB());
            }
        }
        if (!down.isEmpty()) {
            return String.join(" and ", down) + (down.size() == 1 ? " is down" : " are down");
        }
        return "the segment was unpublished or destroyed, or its process or node went away";
    }
}
