// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.util.Objects;

/** An undirected link between controller {@code controllerA} of node A and {@code controllerB} of node B. */
public record LinkSpec(int nodeA, String controllerA, int nodeB, String controllerB) {
    public LinkSpec {
        Objects.requireNonNull(controllerA, "controllerA");
        Objects.requireNonNull(controllerB, "controllerB");
    }

    /** Whether this link joins those two controllers, in either direction. */
    public boolean joins(int node1, String controller1, int node2, String controller2) {
        return (nodeA == node1 && controllerA.equalsIgnoreCase(controller1) && nodeB == node2
                && controllerB.equalsIgnoreCase(controller2))
                || (nodeA == node2 && controllerA.equalsIgnoreCase(controller2) && nodeB == node1
                        && controllerB.equalsIgnoreCase(controller1));
    }
}
