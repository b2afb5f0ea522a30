// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor;

/** Identifiers of the cluster editor's contributions (plugin.xml). */
public final class ClusterEditorIds {
    /** The editor of {@code .rsmcluster} files (IDE.openEditor(page, file, EDITOR_ID)). */
    public static final String EDITOR_ID = "org.rsmworkbench.model.editor.clusterEditor";
    /** The "New RSM Cluster" wizard. */
    public static final String NEW_CLUSTER_WIZARD_ID = "org.rsmworkbench.model.editor.newClusterWizard";
    /** The new-wizard category "RSM Workbench", shared by every RSM Workbench bundle. */
    public static final String WIZARD_CATEGORY_ID = "org.rsmworkbench.wizards.category";
    /**
     * The marker type of validation problems on a {@code .rsmcluster} file (a subtype of
     * {@code org.eclipse.core.resources.problemmarker}), with attribute {@link #URI_ATTRIBUTE}.
     */
    public static final String PROBLEM_MARKER = "org.rsmworkbench.model.editor.problem";
    /** Marker attribute: the URI fragment of the offending object inside its file. */
    public static final String URI_ATTRIBUTE = "uri";

    private ClusterEditorIds() {
    }
}
