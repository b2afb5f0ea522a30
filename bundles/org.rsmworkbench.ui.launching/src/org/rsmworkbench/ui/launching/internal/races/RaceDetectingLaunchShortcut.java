// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.races;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IEditorPart;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.ui.launching.internal.ClusterLaunchShortcut;

/**
 * Run As / Debug As &gt; RSM Cluster Application (detect races): launches the configuration that {@link ClusterLaunchShortcut} would,
 * this once with race detection on; the configuration itself is not changed.
 */
public final class RaceDetectingLaunchShortcut extends ClusterLaunchShortcut {

    @Override
    protected void launch(ILaunchConfiguration configuration, String mode) {
        try {
            DebugUITools.launch(withRaceDetection(configuration), mode);
        } catch (CoreException e) {
            MessageDialog.openError(getShell(), "RSM Cluster Application (detect races)",
                    "Cannot launch " + configuration.getName() + " with race detection: " + e.getStatus().getMessage());
        }
    }

    /** An unsaved copy of {@code configuration} that detects races. */
    public static ILaunchConfigurationWorkingCopy withRaceDetection(ILaunchConfiguration configuration) throws CoreException {
        ILaunchConfigurationWorkingCopy copy = configuration.getWorkingCopy();
        copy.setAttribute(RsmLaunching.ATTR_DETECT_RACES, true);
        return copy;
    }

    /** Not part of context launching: a plain Run on the selection keeps launching without race detection. */
    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        return null;
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        return null;
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        return null;
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        return null;
    }
}
