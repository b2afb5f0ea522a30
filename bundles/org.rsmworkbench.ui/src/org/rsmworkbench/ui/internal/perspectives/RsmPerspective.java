package org.rsmworkbench.ui.internal.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Clusters on the left, the inspector in the editor area, permissions on the right, topology below. */
public final class RsmPerspective implements IPerspectiveFactory {
    public static final String ID = "org.rsmworkbench.ui.perspective";
    public static final String CLUSTER_VIEW = "org.rsmworkbench.ui.clusterView";
    public static final String PERMISSIONS_VIEW = "org.rsmworkbench.ui.permissionsView";
    public static final String TOPOLOGY_VIEW = "org.rsmworkbench.ui.topologyView";
    static final String CONSOLE_VIEW = "org.eclipse.ui.console.ConsoleView";
    static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";
    static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editor = layout.getEditorArea();
        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.3f, editor);
        left.addView(CLUSTER_VIEW);
        left.addPlaceholder(PROJECT_EXPLORER);
        IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.68f, editor);
        right.addView(PERMISSIONS_VIEW);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.6f, editor);
        bottom.addView(TOPOLOGY_VIEW);
        bottom.addPlaceholder(CONSOLE_VIEW);
        bottom.addPlaceholder(PROGRESS_VIEW);
        shortcuts(layout);
    }

    static void shortcuts(IPageLayout layout) {
        layout.addShowViewShortcut(CLUSTER_VIEW);
        layout.addShowViewShortcut(PERMISSIONS_VIEW);
        layout.addShowViewShortcut(TOPOLOGY_VIEW);
        layout.addShowViewShortcut(CONSOLE_VIEW);
        layout.addShowViewShortcut(PROGRESS_VIEW);
        layout.addPerspectiveShortcut(RsmPerspective.ID);
        layout.addPerspectiveShortcut(RsmDebugPerspective.ID);
        layout.addPerspectiveShortcut("org.eclipse.jdt.ui.JavaPerspective");
        layout.addPerspectiveShortcut("org.eclipse.debug.ui.DebugPerspective");
    }
}
