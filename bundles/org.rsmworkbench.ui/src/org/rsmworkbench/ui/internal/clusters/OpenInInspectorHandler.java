package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.ExecutionEvent;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;

/** Open in Inspector (and a double-click): the selected export or import in the Segment Inspector. */
public final class OpenInInspectorHandler extends ClusterViewHandler {
    /** The command's id. */
    public static final String COMMAND = "org.rsmworkbench.ui.clusters.openInspector";

    @Override
    protected boolean enabledFor(ClusterView view) {
        return view.selectedSegment() != null;
    }

    @Override
    protected void run(ClusterView view, ExecutionEvent event) {
        SegmentInspector.open(view.getSite().getPage(), view.selectedSegment());
    }
}
