// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal.wizard;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.ide.IDE;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.editor.ClusterEditorIds;
import org.rsmworkbench.model.editor.internal.EditorPlugin;

/** File > New > Other > RSM Workbench > RSM Cluster: writes a new {@code .rsmcluster} file and opens it in the editor. */
public class NewClusterWizard extends Wizard implements INewWizard {
    private IWorkbench workbench;
    private IStructuredSelection selection;
    private NewClusterWizardPage page;
    private IFile createdFile;

    public NewClusterWizard() {
        setWindowTitle("New RSM Cluster");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
        this.selection = selection;
    }

    @Override
    public void addPages() {
        page = new NewClusterWizardPage(selection);
        addPage(page);
    }

    /** The page (for tests). */
    public NewClusterWizardPage page() {
        return page;
    }

    /** The file the last finish created, or null. */
    public IFile createdFile() {
        return createdFile;
    }

    @Override
    public boolean performFinish() {
        NewClusterSettings settings = page.settings();
        if (NewClusterSettings.firstError(page.messages()) != null) {
            return false;
        }
        IContainer container = (IContainer) ResourcesPlugin.getWorkspace().getRoot()
                .findMember(IPath.fromPortableString(settings.container.strip()));
        IFile file = container.getFile(IPath.fromPortableString(settings.normalizedFileName()));
        WorkspaceModifyOperation create = new WorkspaceModifyOperation(container) {
            @Override
            protected void execute(org.eclipse.core.runtime.IProgressMonitor monitor) throws CoreException {
                SubMonitor progress = SubMonitor.convert(monitor, "Creating " + file.getName(), 3);
                if (file.exists()) {
                    throw new CoreException(Status.error("'" + file.getFullPath() + "' already exists: it was not replaced."));
                }
                Cluster cluster = settings.createCluster();
                progress.worked(1);
                try {
                    ClusterFiles.save(cluster, file.getLocation().toPath());
                } catch (java.io.IOException e) {
                    throw new CoreException(Status.error("Could not write " + file.getLocation() + ": " + e.getMessage(), e));
                }
                progress.worked(1);
                file.refreshLocal(IResource.DEPTH_ZERO, progress.split(1));
            }
        };
        try {
            getContainer().run(true, false, create);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            IStatus status = cause instanceof CoreException ce ? ce.getStatus()
                    : new Status(IStatus.ERROR, EditorPlugin.ID, String.valueOf(cause.getMessage()), cause);
            ErrorDialog.openError(getShell(), "New RSM Cluster", "The cluster file was not created.", status);
            return false;
        } catch (InterruptedException e) {
            return false;
        }
        createdFile = file;
        IWorkbenchPage activePage = workbench == null || workbench.getActiveWorkbenchWindow() == null ? null
                : workbench.getActiveWorkbenchWindow().getActivePage();
        if (activePage != null) {
            try {
                IDE.openEditor(activePage, file, ClusterEditorIds.EDITOR_ID, true);
            } catch (PartInitException e) {
                ErrorDialog.openError(getShell(), "New RSM Cluster", "The cluster file was created but could not be opened.",
                        e.getStatus());
            }
        }
        return true;
    }
}
