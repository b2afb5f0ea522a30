package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.ExecutionEvent;
import org.rsmworkbench.core.clusters.ClusterTree.ClusterItem;
import org.rsmworkbench.core.clusters.RunningClusters;

/** Detach: stops watching the selected cluster (an attached cluster keeps running). */
public final class DetachClusterHandler extends ClusterViewHandler {
    @Override
    protected boolean enabledFor(ClusterView view) {
        return view.selected(ClusterItem.class) != null;
    }

    @Override
    protected void run(ClusterView view, ExecutionEvent event) {
        RunningClusters.getDefault().remove(view.selected(ClusterItem.class).cluster());
    }
}
