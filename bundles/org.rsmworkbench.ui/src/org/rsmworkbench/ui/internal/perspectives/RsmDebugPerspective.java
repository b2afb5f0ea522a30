// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * For debug launches of RSM programs: the Debug view with the Clusters view under it, Variables and
 * Breakpoints with the Permissions view on the right, Console, Topology and Memory at the bottom, the
 * source and the segment inspectors in the editor area.
 */
public final class RsmDebugPerspective implements IPerspectiveFactory {
    public static final String ID = "org.rsmworkbench.ui.debugPerspective";
    static final String DEBUG_VIEW = "org.eclipse.debug.ui.DebugView";
    static final String VARIABLES_VIEW = "org.eclipse.debug.ui.VariableView";
    static final String BREAKPOINTS_VIEW = "org.eclipse.debug.ui.BreakpointView";
    static final String MEMORY_VIEW = "org.eclipse.debug.ui.MemoryView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editor = layout.getEditorArea();
        IFolderLayout top = layout.createFolder("debugTop", IPageLayout.TOP, 0.35f, editor);
        top.addView(DEBUG_VIEW);
        IFolderLayout clusters = layout.createFolder("debugClusters", IPageLayout.RIGHT, 0.45f, "debugTop");
        clusters.addView(RsmPerspective.CLUSTER_VIEW);
        IFolderLayout right = layout.createFolder("debugRight", IPageLayout.RIGHT, 0.5f, "debugClusters");
        right.addView(VARIABLES_VIEW);
        right.addView(BREAKPOINTS_VIEW);
        right.addView(RsmPerspective.PERMISSIONS_VIEW);
        IFolderLayout bottom = layout.createFolder("debugBottom", IPageLayout.BOTTOM, 0.65f, editor);
        bottom.addView(RsmPerspective.CONSOLE_VIEW);
        bottom.addView(RsmPerspective.TOPOLOGY_VIEW);
        bottom.addView(MEMORY_VIEW);
        bottom.addPlaceholder(RsmPerspective.TIMELINE_VIEW);
        layout.addShowViewShortcut(DEBUG_VIEW);
        layout.addShowViewShortcut(VARIABLES_VIEW);
        layout.addShowViewShortcut(BREAKPOINTS_VIEW);
        layout.addShowViewShortcut(MEMORY_VIEW);
        RsmPerspective.shortcuts(layout);
        layout.addActionSet("org.eclipse.debug.ui.launchActionSet");
    }
}
