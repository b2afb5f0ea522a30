// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal;

import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.PlatformUI;

/** The F1 help contexts of the views; the help bundle's contexts_ui.xml describes them. */
public final class HelpContexts {
    public static final String CLUSTER_VIEW = "org.rsmworkbench.ui.clusterView";
    public static final String SEGMENT_INSPECTOR = "org.rsmworkbench.ui.segmentInspector";
    public static final String PERMISSIONS_VIEW = "org.rsmworkbench.ui.permissionsView";
    public static final String TOPOLOGY_VIEW = "org.rsmworkbench.ui.topologyView";
    public static final String PREFERENCES = "org.rsmworkbench.ui.preferences";

    private HelpContexts() {
    }

    /** F1 on {@code control} (or a child of it) opens the help of {@code context}. */
    public static void set(Control control, String context) {
        PlatformUI.getWorkbench().getHelpSystem().setHelp(control, context);
    }
}
