// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;

/**
 * Command "Open the Example's Cluster File" (a step of the cheat sheet "Your first simulated cluster"): opens the example
 * project's {@code cluster.rsmcluster} in the cluster editor. (Navigate's Open Resource with a file path would do, but
 * in the Java perspective its action set takes the command and shows the Open Resource dialog instead.)
 */
public final class OpenExampleClusterHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IFile file = ExampleProject.clusterFile();
        if (!file.exists()) {
            MessageDialog.openError(HandlerUtil.getActiveShell(event), "RSM Example Project", "The example project has no "
                    + file.getName() + ": open the example project first (Help > Cheat Sheets... > Your first simulated cluster, "
                    + "first step).");
            return null;
        }
        try {
            IDE.openEditor(HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage(), file);
        } catch (PartInitException e) {
            throw new ExecutionException("Cannot open " + file.getFullPath() + ": " + e.getMessage(), e);
        }
        return null;
    }
}
