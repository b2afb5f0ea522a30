// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Command "Run the RSM Example" (a step of the cheat sheet "Your first simulated cluster"): launches the launch
 * configuration of the {@linkplain ExampleProject example project}, in run mode or in the mode of the parameter
 * {@value #MODE} ({@code run} or {@code debug}), as the Run button does.
 */
public final class RunExampleHandler extends AbstractHandler {
    /** The command's optional parameter: the launch mode. */
    public static final String MODE = "mode";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        String mode = event.getParameter(MODE) != null ? event.getParameter(MODE) : ILaunchManager.RUN_MODE;
        ILaunchConfiguration configuration;
        try {
            configuration = ExampleProject.launchConfiguration();
        } catch (CoreException e) {
            throw new ExecutionException("Cannot read the launch configurations: " + e.getStatus().getMessage(), e);
        }
        if (configuration == null) {
            MessageDialog.openError(HandlerUtil.getActiveShell(event), "Run the RSM Example", "There is no example project "
                    + ExampleProject.NAME + " with a launch configuration: open it first (the cheat sheet's first step).");
            return null;
        }
        DebugUITools.launch(configuration, mode);
        return null;
    }
}
