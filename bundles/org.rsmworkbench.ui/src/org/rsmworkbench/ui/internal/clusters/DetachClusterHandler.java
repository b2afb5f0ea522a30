// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.ExecutionEvent;
import org.rsmworkbench.core.clusters.ClusterTree.ClusterItem;
import org.rsmworkbench.core.clusters.RunningClusters;

/** Detach: stops watching the selected cluster (an attached cluster keeps running). */
final class DetachClusterHandler extends ClusterViewHandler {
    /** The command's id. */
    static final String COMMAND = "org.rsmworkbench.ui.clusters.detach";

    DetachClusterHandler(ClusterView view) {
        super(view, COMMAND);
    }

    @Override
    protected boolean enabled() {
        return view.selected(ClusterItem.class) != null;
    }

    @Override
    protected void run(ExecutionEvent event) {
        RunningClusters.getDefault().remove(view.selected(ClusterItem.class).cluster());
    }
}
