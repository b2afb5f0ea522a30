// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.debug.ui.launchConfigurations.JavaApplicationLaunchShortcut;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;

/**
 * Run As / Debug As &gt; RSM Cluster Application on a class with {@code main} (a Java element or a Java editor):
 * reuses the configuration of that class and project, or creates one that runs it on
 * {@value RsmLaunching#DEFAULT_NODE_COUNT} nodes, fully connected. JDT's Java application shortcut finds the types
 * with a main method and the existing configurations.
 * <p>
 * On a {@code .rsmcluster} file (selected, or open in the cluster editor, so that the toolbar's Run runs it too): the
 * configuration that runs a program on that cluster, chosen among several, or a new one for a main class of the file's
 * project.
 */
public class ClusterLaunchShortcut extends JavaApplicationLaunchShortcut {
    private static final String TITLE = "RSM Cluster Application";

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
            MessageDialog.openError(getShell(), TITLE,
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
    protected void launch(IType type, String mode) {
        ILaunchConfiguration configuration = configurationFor(type);
        if (configuration != null) {
            launch(configuration, mode);
        }
    }

    /** Launches the configuration the shortcut found or made. */
    protected void launch(ILaunchConfiguration configuration, String mode) {
        DebugUITools.launch(configuration, mode);
    }

    @Override
    public void launch(ISelection selection, String mode) {
        IFile cluster = clusterFile(selection);
        if (cluster == null) {
            super.launch(selection, mode);
        } else {
            launchOn(cluster, mode);
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile cluster = clusterFile(editor);
        if (cluster == null) {
            super.launch(editor, mode);
        } else {
            launchOn(cluster, mode);
        }
    }

    private void launchOn(IFile cluster, String mode) {
        ILaunchConfiguration configuration = configurationOn(cluster);
        if (configuration != null) {
            launch(configuration, mode);
        }
    }

    /**
     * The configuration that runs a program on that cluster file: the one that names it, one of several that the user
     * chooses, or a new one for a main class of the file's project; null when the user cancelled or there is none
     * (the user was told why).
     */
    private ILaunchConfiguration configurationOn(IFile cluster) {
        List<ILaunchConfiguration> existing;
        try {
            existing = ClusterLaunchConfiguration.configurationsOn(cluster);
        } catch (CoreException e) {
            MessageDialog.openError(getShell(), TITLE, "Cannot read the launch configurations: " + e.getStatus().getMessage());
            return null;
        }
        if (existing.size() == 1) {
            return existing.get(0);
        }
        if (existing.size() > 1) {
            return chooseConfiguration(existing);
        }
        IJavaProject project = JavaCore.create(cluster.getProject());
        if (!project.exists()) {
            MessageDialog.openError(getShell(), TITLE, cluster.getFullPath() + " is in " + cluster.getProject().getName()
                    + ", which is not a Java project: no program there runs on it. Make an RSM Cluster Application configuration"
                    + " that names this cluster file (Run > Run Configurations...).");
            return null;
        }
        IType[] types;
        try {
            types = findTypes(new Object[] {project}, PlatformUI.getWorkbench().getProgressService());
        } catch (InterruptedException e) {
            return null;
        } catch (CoreException e) {
            MessageDialog.openError(getShell(), TITLE, "Cannot search " + project.getElementName() + " for main classes: "
                    + e.getStatus().getMessage());
            return null;
        }
        if (types.length == 0) {
            MessageDialog.openError(getShell(), TITLE, "No class with a main method in " + project.getElementName() + " to run on "
                    + cluster.getFullPath() + ". Write a node program there, or make an RSM Cluster Application configuration"
                    + " that names this cluster file (Run > Run Configurations...).");
            return null;
        }
        IType type = types.length == 1 ? types[0] : chooseType(types, "Select the main class to run on every node of " + cluster.getName());
        if (type == null) {
            return null;
        }
        try {
            return RsmProjects.newConfiguration(null, type.getTypeQualifiedName('.') + " on " + cluster.getName(),
                    type.getFullyQualifiedName(), "", cluster, 0).doSave();
        } catch (CoreException e) {
            MessageDialog.openError(getShell(), TITLE, "Cannot create a launch configuration for " + type.getFullyQualifiedName()
                    + " on " + cluster.getFullPath() + ": " + e.getStatus().getMessage());
            return null;
        }
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        IFile cluster = clusterFile(selection);
        return cluster == null ? super.getLaunchConfigurations(selection) : configurationsOn(cluster);
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        IFile cluster = clusterFile(editor);
        return cluster == null ? super.getLaunchConfigurations(editor) : configurationsOn(cluster);
    }

    /** For context launching: the configurations on that cluster file (none is an answer: the shortcut then makes one). */
    private static ILaunchConfiguration[] configurationsOn(IFile cluster) {
        try {
            return ClusterLaunchConfiguration.configurationsOn(cluster).toArray(ILaunchConfiguration[]::new);
        } catch (CoreException e) {
            return null;
        }
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        IFile cluster = clusterFile(selection);
        return cluster == null ? super.getLaunchableResource(selection) : cluster;
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        IFile cluster = clusterFile(editor);
        return cluster == null ? super.getLaunchableResource(editor) : cluster;
    }

    /** The {@code .rsmcluster} file that is the one element of the selection, or null. */
    private static IFile clusterFile(ISelection selection) {
        return selection instanceof IStructuredSelection structured && structured.size() == 1
                ? clusterFile(Adapters.adapt(structured.getFirstElement(), IFile.class)) : null;
    }

    /** The {@code .rsmcluster} file the editor shows, or null. */
    private static IFile clusterFile(IEditorPart editor) {
        return clusterFile(Adapters.adapt(editor.getEditorInput(), IFile.class));
    }

    private static IFile clusterFile(IFile file) {
        return ClusterLaunchConfiguration.isClusterFile(file) ? file : null;
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
