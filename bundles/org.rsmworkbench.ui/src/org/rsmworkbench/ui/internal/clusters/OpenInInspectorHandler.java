// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.ExecutionEvent;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;

/** Open in Inspector (and a double-click): the selected export or import in the Segment Inspector. */
final class OpenInInspectorHandler extends ClusterViewHandler {
    /** The command's id. */
    static final String COMMAND = "org.rsmworkbench.ui.clusters.openInspector";

    OpenInInspectorHandler(ClusterView view) {
        super(view, COMMAND);
    }

    @Override
    protected boolean enabled() {
        return view.selectedSegment() != null;
    }

    @Override
    protected void run(ExecutionEvent event) {
        SegmentInspector.open(view.getSite().getPage(), view.selectedSegment());
    }
}
