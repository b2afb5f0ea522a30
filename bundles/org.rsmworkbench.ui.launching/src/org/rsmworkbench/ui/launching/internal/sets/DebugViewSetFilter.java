// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.sets;

import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.ui.IWorkbenchPage;
import org.rsmworkbench.core.debug.sets.NodeSetControl;
import org.rsmworkbench.core.launching.RsmLaunching;

/**
 * Shows in the Debug view only the node JVMs (debug targets and processes) of one set of a launch; the other launches,
 * and the cluster's own target and process, stay.
 */
final class DebugViewSetFilter extends ViewerFilter {
    private final LaunchSet shown;

    DebugViewSetFilter(LaunchSet shown) {
        this.shown = shown;
    }

    LaunchSet shown() {
        return shown;
    }

    @Override
    public boolean select(Viewer viewer, Object parent, Object element) {
        if (element instanceof IDebugTarget target && target.getLaunch() == shown.launch()) {
            int node = NodeSetControl.nodeOf(target);
            return node < 0 || shown.set().contains(node);
        }
        if (element instanceof IProcess process && process.getLaunch() == shown.launch()) {
            String node = process.getAttribute(RsmLaunching.PROCESS_ATTR_NODE);
            return node == null || shown.set().contains(Integer.parseInt(node));
        }
        return true;
    }

    /** The Debug view's tree in the page, or null when the view is not open. */
    static StructuredViewer debugViewer(IWorkbenchPage page) {
        return page.findView(IDebugUIConstants.ID_DEBUG_VIEW) instanceof IDebugView view && view.getViewer() instanceof StructuredViewer viewer
                ? viewer
                : null;
    }

    /** Removes the set filters from the viewer. */
    static void removeAll(StructuredViewer viewer) {
        for (ViewerFilter filter : viewer.getFilters()) {
            if (filter instanceof DebugViewSetFilter) {
                viewer.removeFilter(filter);
            }
        }
    }
}
