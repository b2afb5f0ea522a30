// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.ui.internal.RsmUiPlugin;

/** RSM > Attach to Cluster...: picks a cluster directory and watches the cluster running there. */
public final class AttachClusterHandler extends AbstractHandler {
    /** The command's id. */
    static final String COMMAND = "org.rsmworkbench.ui.attachCluster";

    @Override
    public Object execute(ExecutionEvent event) {
        attach(HandlerUtil.getActiveShell(event));
        return null;
    }

    /** Asks for a directory and attaches; an error dialog says why when nothing runs there. */
    public static RunningCluster attach(Shell shell) {
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Attach to Cluster");
        dialog.setMessage("The directory of a running emulated cluster (rsm-cluster-... under the temp directory, "
                + "or the one its launch printed):");
        dialog.setFilterPath(System.getProperty("java.io.tmpdir"));
        String directory = dialog.open();
        if (directory == null) {
            return null;
        }
        return attach(shell, Path.of(directory));
    }

    /** Attaches to the cluster in {@code directory}, or shows why it cannot. */
    public static RunningCluster attach(Shell shell, Path directory) {
        try {
            return RunningClusters.getDefault().attach(directory);
        } catch (IOException | RuntimeException e) {
            ErrorDialog.openError(shell, "Attach to Cluster", "No running RSM cluster in " + directory + ".",
                    RsmUiPlugin.error(e.getMessage() == null ? e.toString() : e.getMessage(), e));
            return null;
        }
    }
}
