// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;
import org.rsmworkbench.core.launching.RsmProjects.Example;

/**
 * The example project of the first start of the product and of the cheat sheet "Your first simulated cluster": an
 * RSM project ({@link RsmProjects#create}) named {@value #NAME} with the doorbell ping-pong on
 * {@value #NODES} nodes, whose launch configuration runs long enough to look inside the cluster while it runs
 * and is a Run and Debug favorite (first in the toolbar's Run and Debug menus).
 */
public final class ExampleProject {
    /** The project's name. */
    public static final String NAME = "rsm-example";
    /** Its program: every node exports a mailbox segment that the others put into, so there is something to see. */
    public static final Example EXAMPLE = Example.DOORBELL_PING_PONG;
    /** The nodes of its cluster (fully connected). */
    public static final int NODES = 4;
    /**
     * The program's arguments: ten million rounds, a quarter of an hour or more, to follow the cheat sheet at reading
     * pace while the mailboxes change (a million ended within 5 minutes on a 2-core VM, before the cheat sheet's Restart
     * step, and sooner where a cache-line transfer is cheaper).
     */
    public static final String ARGUMENTS = "10000000";
    /**
     * The most each node process's log of the example's recording holds, in MiB: the last seconds of the run. With 64 MiB
     * (node 1 filled that in about a minute on a 2-core VM) the cheat sheet's time travel through the full rings (4 logs,
     * about 8 million events) did not fit the IDE's default heap of 2 GB; rsm-trace segment needed about 2.4 GB for it.
     */
    static final int EXAMPLE_RECORD_LIMIT_MIB = 16;

    private ExampleProject() {
    }

    /** The project (it may not exist). */
    public static IProject project() {
        return ResourcesPlugin.getWorkspace().getRoot().getProject(NAME);
    }

    /** Its cluster file (it may not exist). */
    public static IFile clusterFile() {
        return project().getFile(RsmProjects.CLUSTER_FILE);
    }

    /**
     * The RSM Cluster Application configuration stored in the project (the one {@link #create} made, or the first
     * such configuration of the project), or null when there is none.
     */
    public static ILaunchConfiguration launchConfiguration() throws CoreException {
        IProject project = project();
        if (!project.isAccessible()) {
            return null;
        }
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfiguration found = null;
        for (ILaunchConfiguration configuration : manager
                .getLaunchConfigurations(manager.getLaunchConfigurationType(RsmLaunching.LAUNCH_CONFIGURATION_TYPE))) {
            IFile file = configuration.getFile();
            if (file != null && file.getProject().equals(project)) {
                if (EXAMPLE.mainType().equals(configuration.getAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, ""))) {
                    return configuration;
                }
                if (found == null) {
                    found = configuration;
                }
            }
        }
        return found;
    }

    /**
     * Creates the project, its cluster file and its launch configuration (through {@link RsmProjects#create}), then
     * gives the configuration the example's long run, recorded, and makes it a Run and Debug favorite.
     *
     * @throws CoreException when the project cannot be made (the name is taken, the examples bundle is missing, the
     *         disk refuses...)
     */
    public static RsmProjects.Created create(IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Creating the example project " + NAME, 10);
        RsmProjects.Created created = RsmProjects.create(NAME, EXAMPLE, NODES, progress.split(9));
        // the debug UI reads favorites from its history file, and after that only from configurations that change:
        // load its launch histories first (a new workspace has no file), so they see this configuration become one
        DebugUITools.getLastLaunch(IDebugUIConstants.ID_RUN_LAUNCH_GROUP);
        ILaunchConfigurationWorkingCopy copy = created.launchConfiguration().getWorkingCopy();
        copy.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROGRAM_ARGUMENTS, ARGUMENTS);
        // the first run is recorded, so that the Timeline view has something to show; each log keeps the last 64 MiB:
        // node 1 writes that in less than two minutes, and a log that stopped there would miss what the cheat sheet
        // does later (kill and restart a node, then travel back in time)
        copy.setAttribute(RsmLaunching.ATTR_RECORD, true);
        copy.setAttribute(RsmLaunching.ATTR_RECORD_LIMIT_MIB, EXAMPLE_RECORD_LIMIT_MIB);
        copy.setAttribute(RsmLaunching.ATTR_RECORD_AT_LIMIT, "ring");
        copy.setAttribute(IDebugUIConstants.ATTR_FAVORITE_GROUPS,
                List.of(IDebugUIConstants.ID_RUN_LAUNCH_GROUP, IDebugUIConstants.ID_DEBUG_LAUNCH_GROUP));
        ILaunchConfiguration configuration = copy.doSave();
        progress.worked(1);
        return new RsmProjects.Created(created.project(), created.mainSource(), created.clusterFile(), configuration);
    }
}
