// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.debug.ui.launchConfigurations.JavaApplicationLaunchShortcut;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.PlatformUI;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;

/**
 * Run As / Debug As &gt; RSM Cluster Application on a class with {@code main} (a Java element or a Java editor):
 * reuses the configuration of that class and project, or creates one that runs it on
 * {@value RsmLaunching#DEFAULT_NODE_COUNT} nodes, fully connected. JDT's Java application shortcut finds the types
 * with a main method and the existing configurations.
 */
public class ClusterLaunchShortcut extends JavaApplicationLaunchShortcut {
    @Override
    protected ILaunchConfigurationType getConfigurationType() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(RsmLaunching.LAUNCH_CONFIGURATION_TYPE);
    }

    @Override
    protected ILaunchConfiguration createConfiguration(IType type) {
        try {
            ILaunchConfigurationWorkingCopy copy = RsmProjects.newConfiguration(null, type.getTypeQualifiedName('.'),
                    type.getFullyQualifiedName(), "", null, RsmLaunching.DEFAULT_NODE_COUNT);
            copy.setAttribute("org.eclipse.jdt.launching.PROJECT_ATTR", type.getJavaProject().getElementName());
            copy.setMappedResources(new org.eclipse.core.resources.IResource[] {type.getUnderlyingResource() != null
                    ? type.getUnderlyingResource() : type.getJavaProject().getProject()});
            return copy.doSave();
        } catch (CoreException e) {
            MessageDialog.openError(PlatformUI.getWorkbench().getDisplay().getActiveShell(), "RSM Cluster Application",
                    "Cannot create a launch configuration for " + type.getFullyQualifiedName() + ": " + e.getStatus().getMessage());
            return null;
        }
    }

    /** The configuration that the shortcut launches for that type: an existing one, or a new one. */
    public ILaunchConfiguration configurationFor(IType type) {
        ILaunchConfiguration existing = findLaunchConfiguration(type, getConfigurationType());
        return existing != null ? existing : createConfiguration(type);
    }

    @Override
    protected String getTypeSelectionTitle() {
        return "Select the main class to run on every node";
    }

    @Override
    protected String getEditorEmptyMessage() {
        return "The editor does not contain a main type to run on an RSM cluster.";
    }

    @Override
    protected String getSelectionEmptyMessage() {
        return "The selection does not contain a main type to run on an RSM cluster.";
    }
}
