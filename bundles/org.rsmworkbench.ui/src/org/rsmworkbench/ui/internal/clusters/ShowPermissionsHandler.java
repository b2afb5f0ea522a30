// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.permissions.PermissionsView;

/** Show Permissions: the selected export or import in the Segment Permissions view. */
final class ShowPermissionsHandler extends ClusterViewHandler {
    /** The command's id. */
    static final String COMMAND = "org.rsmworkbench.ui.clusters.showPermissions";

    ShowPermissionsHandler(ClusterView view) {
        super(view, COMMAND);
    }

    @Override
    protected boolean enabled() {
        return view.selectedSegment() != null;
    }

    @Override
    protected void run(ExecutionEvent event) {
        try {
            PermissionsView permissions = (PermissionsView) view.getSite().getPage().showView(PermissionsView.ID, null,
                    IWorkbenchPage.VIEW_VISIBLE);
            permissions.show(view.selectedSegment());
        } catch (PartInitException e) {
            RsmUiPlugin.log("Cannot open the permissions view", e);
        }
    }
}
