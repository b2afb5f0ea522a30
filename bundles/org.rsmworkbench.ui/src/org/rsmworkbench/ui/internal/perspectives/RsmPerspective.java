// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.IPlaceholderFolderLayout;

/**
 * Laid out for a laptop screen (1280x800 and up): the Clusters view on the left (the Project Explorer above it when
 * it is shown), the inspectors in the editor area, under them one wide folder with the Segment Permissions, Topology,
 * Properties and Problems views (and the Console), and on the right the cheat sheet and the Help view when they are
 * open. Every folder is wide enough for the full titles of its tabs.
 */
public final class RsmPerspective implements IPerspectiveFactory {
    public static final String ID = "org.rsmworkbench.ui.perspective";
    public static final String CLUSTER_VIEW = "org.rsmworkbench.ui.clusterView";
    public static final String PERMISSIONS_VIEW = "org.rsmworkbench.ui.permissionsView";
    public static final String TOPOLOGY_VIEW = "org.rsmworkbench.ui.topologyView";
    public static final String TIMELINE_VIEW = "org.rsmworkbench.ui.timelineView";
    static final String CONSOLE_VIEW = "org.eclipse.ui.console.ConsoleView";
    static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";
    static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";
    static final String CHEAT_SHEET_VIEW = "org.eclipse.ui.cheatsheets.views.CheatSheetView";
    static final String HELP_VIEW = "org.eclipse.help.ui.HelpView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editor = layout.getEditorArea();
        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.22f, editor);
        left.addView(CLUSTER_VIEW);
        // a folder of its own: two tabs in the narrow left folder had their titles cut to a few letters
        IPlaceholderFolderLayout explorer = layout.createPlaceholderFolder("explorer", IPageLayout.TOP, 0.45f, "left");
        explorer.addPlaceholder(PROJECT_EXPLORER);
        IPlaceholderFolderLayout guide = layout.createPlaceholderFolder("guide", IPageLayout.RIGHT, 0.72f, editor);
        guide.addPlaceholder(CHEAT_SHEET_VIEW);
        guide.addPlaceholder(HELP_VIEW);
        // as wide as the editor area: the permission matrix shows its Read and Write columns without maximizing
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.55f, editor);
        bottom.addView(PERMISSIONS_VIEW);
        bottom.addView(TOPOLOGY_VIEW);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
        bottom.addPlaceholder(CONSOLE_VIEW);
        // the widest folder but the editor area: without a place of its own the Timeline opened in the active part's
        // folder, the narrow guide beside the cheat sheet that starts it
        bottom.addPlaceholder(TIMELINE_VIEW);
        bottom.addPlaceholder(PROGRESS_VIEW);
        shortcuts(layout);
        newWizards(layout);
    }

    /**
     * File > New in the perspective programs are written in: what an RSM program is made of (the RSM project and
     * cluster wizards add themselves, from their bundles).
     */
    private static void newWizards(IPageLayout layout) {
        layout.addNewWizardShortcut("org.eclipse.jdt.ui.wizards.NewPackageCreationWizard");
        layout.addNewWizardShortcut("org.eclipse.jdt.ui.wizards.NewClassCreationWizard");
        layout.addNewWizardShortcut("org.eclipse.jdt.ui.wizards.NewInterfaceCreationWizard");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.file");
    }

    static void shortcuts(IPageLayout layout) {
        layout.addShowViewShortcut(CLUSTER_VIEW);
        layout.addShowViewShortcut(PERMISSIONS_VIEW);
        layout.addShowViewShortcut(TOPOLOGY_VIEW);
        layout.addShowViewShortcut(TIMELINE_VIEW);
        layout.addShowViewShortcut(CONSOLE_VIEW);
        layout.addShowViewShortcut(PROGRESS_VIEW);
        // the cluster editor edits in the Properties view and reports its validation in the Problems view
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
        layout.addShowViewShortcut(PROJECT_EXPLORER);
        layout.addPerspectiveShortcut(RsmPerspective.ID);
        layout.addPerspectiveShortcut(RsmDebugPerspective.ID);
        layout.addPerspectiveShortcut("org.eclipse.jdt.ui.JavaPerspective");
        layout.addPerspectiveShortcut("org.eclipse.debug.ui.DebugPerspective");
    }
}
