// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.ExecutionEvent;
import org.rsmworkbench.core.clusters.RunningCluster;

/**
 * Terminate Cluster: stops every node of the selected cluster's launch and the cluster, as terminating the cluster's
 * process in the Debug view does (a node's console terminates only its node).
 */
final class TerminateClusterHandler extends ClusterViewHandler {
    /** The command's id. */
    static final String COMMAND = "org.rsmworkbench.ui.clusters.terminate";

    TerminateClusterHandler(ClusterView view) {
        super(view, COMMAND);
    }

    @Override
    protected boolean enabled() {
        RunningCluster cluster = view.selectedCluster();
        return cluster != null && cluster.canTerminate();
    }

    @Override
    protected void run(ExecutionEvent event) {
        view.selectedCluster().terminate();
    }
}
