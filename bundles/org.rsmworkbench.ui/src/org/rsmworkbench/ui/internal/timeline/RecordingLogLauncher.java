// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.timeline;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IEditorLauncher;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * Opens a process's event log ({@code .rsmlog}, e.g. double-clicked in the Project Explorer) as what it is part of: the
 * recording in its folder, in the Timeline view (a log is binary: no text editor shows it).
 */
public final class RecordingLogLauncher implements IEditorLauncher {

    @Override
    public void open(IPath file) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        try {
            OpenRecordingHandler.show(window, file.toPath().getParent());
        } catch (ExecutionException e) {
            MessageDialog.openError(window.getShell(), "Open Recording", e.getMessage());
        }
    }
}
