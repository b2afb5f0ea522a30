// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.IOException;

import org.rsmworkbench.distributed.DistributedClusters;
import org.rsmworkbench.emulator.WatchedCluster;

/**
 * The IDE's RSM &gt; Attach in a JVM of its own, whose environment a test chooses: attaches to each connect string given,
 * printing a line for each: "attached", or "refused" and why.
 */
public final class AttachProbe {
    private AttachProbe() {
    }

    public static void main(String[] args) {
        for (String connectString : args) {
            try (WatchedCluster cluster = DistributedClusters.attach(connectString)) {
                System.out.println("attached");
            } catch (IOException e) {
                System.out.println("refused " + e.getMessage().replace('\n', ' '));
            }
        }
    }
}
