// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Command "Open the RSM Example Project" (a step of the cheat sheet "Your first simulated cluster"): shows the
 * {@linkplain ExampleProject example project} and its launch configuration, creating them first when the workspace
 * has no such project (as the product's first start does).
 */
public final class OpenExampleHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbench workbench = PlatformUI.getWorkbench();
        IProject project = ExampleProject.project();
        if (!project.exists()) {
            new ExampleProjectJob(workbench, false).schedule();
            return null;
        }
        String problem;
        try {
            ILaunchConfiguration configuration = project.isOpen() ? ExampleProject.launchConfiguration() : null;
            if (configuration != null) {
                ExampleProjectJob.show(workbench, configuration, false);
                return null;
            }
            problem = project.isOpen() ? "The project " + project.getName() + " has no RSM Cluster Application launch configuration."
                    : "The project " + project.getName() + " is closed: open it (Project > Open Project) and try again.";
        } catch (CoreException e) {
            problem = e.getStatus().getMessage();
        }
        MessageDialog.openError(HandlerUtil.getActiveShell(event), "RSM Example Project", problem);
        return null;
    }
}
