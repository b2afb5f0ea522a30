// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.WorkbenchException;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.rsmworkbench.core.launching.RsmProjects;

/**
 * Creates the {@linkplain ExampleProject example project} in the background (with progress, never on the UI thread),
 * then shows it: the RSM perspective, the Project Explorer with the launch configuration selected (so the toolbar's
 * Run button runs it) and, when asked, the cheat sheet "Your first simulated cluster". A failure ends the job with
 * an error status, which the workbench reports in a dialog.
 */
public final class ExampleProjectJob extends WorkspaceJob {
    /** The RSM perspective of org.rsmworkbench.ui. */
    public static final String RSM_PERSPECTIVE = "org.rsmworkbench.ui.perspective";
    /** The cheat sheet "Your first simulated cluster" of org.rsmworkbench.help. */
    public static final String CHEAT_SHEET = "org.rsmworkbench.help.firstCluster";
    static final String OPEN_CHEAT_SHEET_COMMAND = "org.eclipse.ui.cheatsheets.openCheatSheet(cheatSheetId=" + CHEAT_SHEET + ")";

    private final IWorkbench workbench;
    private final boolean openCheatSheet;
    private volatile RsmProjects.Created created;

    /**
     * @param workbench where to show the project when it is made, or null to only make it
     * @param openCheatSheet whether to open the cheat sheet too (the first start does; the cheat sheet's own step
     *        does not)
     */
    public ExampleProjectJob(IWorkbench workbench, boolean openCheatSheet) {
        super("Setting up the RSM example project " + ExampleProject.NAME);
        this.workbench = workbench;
        this.openCheatSheet = openCheatSheet;
        setRule(ResourcesPlugin.getWorkspace().getRoot());
    }

    /** What the job made, or null before it ends or when it failed. */
    public RsmProjects.Created created() {
        return created;
    }

    @Override
    public IStatus runInWorkspace(IProgressMonitor monitor) {
        try {
            created = ExampleProject.create(monitor);
        } catch (CoreException e) {
            MultiStatus status = new MultiStatus(Images.PLUGIN_ID, 0, new IStatus[] {e.getStatus()},
                    "The RSM example project " + ExampleProject.NAME + " could not be set up: " + e.getStatus().getMessage()
                            + "\nYou can make an RSM project yourself with File > New > Other... > RSM Workbench > RSM Project.",
                    e);
            return status;
        }
        if (workbench != null && !workbench.isClosing()) {
            ILaunchConfiguration configuration = created.launchConfiguration();
            workbench.getDisplay().asyncExec(() -> show(workbench, configuration, openCheatSheet));
        }
        return Status.OK_STATUS;
    }

    /**
     * Shows the example in the active window (UI thread): the RSM perspective, the Project Explorer with the launch
     * configuration's file selected, and the cheat sheet when asked.
     */
    public static void show(IWorkbench workbench, ILaunchConfiguration configuration, boolean openCheatSheet) {
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
        if (window == null && workbench.getWorkbenchWindowCount() > 0) {
            window = workbench.getWorkbenchWindows()[0];
        }
        if (window == null || workbench.isClosing()) {
            return;
        }
        try {
            workbench.showPerspective(RSM_PERSPECTIVE, window);
        } catch (WorkbenchException e) {
            log(IStatus.WARNING, "Cannot show the RSM perspective", e);
        }
        IWorkbenchPage page = window.getActivePage();
        if (page == null) {
            return;
        }
        if (openCheatSheet) {
            openCheatSheet(workbench);
        }
        IResource selected = configuration.getFile() != null ? configuration.getFile() : ExampleProject.project();
        try {
            // shown last: the explorer is the active part, its selection is what the toolbar's Run button launches
            IViewPart explorer = page.showView(IPageLayout.ID_PROJECT_EXPLORER);
            if (explorer instanceof ISetSelectionTarget target) {
                target.selectReveal(new StructuredSelection(selected));
            }
        } catch (PartInitException e) {
            log(IStatus.WARNING, "Cannot show the Project Explorer", e);
        }
    }

    /** Opens the cheat sheet "Your first simulated cluster" through the cheat sheets' command, when they are installed. */
    static void openCheatSheet(IWorkbench workbench) {
        try {
            ParameterizedCommand command = workbench.getService(ICommandService.class).deserialize(OPEN_CHEAT_SHEET_COMMAND);
            workbench.getService(IHandlerService.class).executeCommand(command, null);
        } catch (Exception e) {
            log(IStatus.WARNING, "Cannot open the cheat sheet " + CHEAT_SHEET, e);
        }
    }

    private static void log(int severity, String message, Throwable e) {
        ILog.of(ExampleProjectJob.class).log(new Status(severity, Images.PLUGIN_ID, message, e));
    }
}
