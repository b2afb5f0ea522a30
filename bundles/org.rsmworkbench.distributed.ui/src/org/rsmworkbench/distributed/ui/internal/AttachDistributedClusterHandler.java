// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.ui.internal;

import java.io.IOException;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.distributed.DistributedClusters;

/**
 * RSM > Attach to Distributed Cluster...: a dialog asks for the connect string (checked as it is typed), then a job
 * attaches off the UI thread, an error dialog saying what to check when it cannot; the Clusters view shows the cluster.
 */
public final class AttachDistributedClusterHandler extends AbstractHandler {
    /** The Clusters view (the org.rsmworkbench.ui bundle's). */
    private static final String CLUSTER_VIEW = "org.rsmworkbench.ui.clusterView";
    /** The title of its dialogs. */
    public static final String TITLE = "Attach to Distributed Cluster";

    /** What the dialog offers: the connect string attached to last in this session of the IDE. */
    private static volatile String lastConnectString = "";

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        InputDialog dialog = new InputDialog(shell, TITLE,
                "The connect string of the cluster's registry in ZooKeeper, as rsm-launch --zookeeper printed it\n"
                        + "(HOST:PORT[,HOST:PORT...]/rsm-workbench/CLUSTER):",
                lastConnectString, DistributedClusters::syntaxProblem);
        if (dialog.open() == Window.OK) {
            attachInBackground(dialog.getValue());
        }
        return null;
    }

    /**
     * Attaches in a job (ZooKeeper may take up to {@link DistributedClusters#ATTACH_TIMEOUT_MILLIS} to answer, or not):
     * then shows the Clusters view, or an error dialog saying why not and what to check.
     */
    public static Job attachInBackground(String connectString) {
        Display display = PlatformUI.getWorkbench().getDisplay();
        Job job = Job.create("Attaching to the distributed cluster at " + connectString, _ -> {
            try {
                attach(connectString);
                display.asyncExec(AttachDistributedClusterHandler::showClusterView);
            } catch (IOException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                display.asyncExec(() -> MessageDialog.openError(PlatformUI.getWorkbench().getModalDialogShellProvider().getShell(),
                        TITLE, "Cannot attach to the distributed cluster at " + connectString + ".\n\n" + reason));
            }
            return Status.OK_STATUS; // the dialog told the user: no second report in the error log
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    /**
     * Attaches the IDE to the distributed cluster whose registry {@code connectString} names (blocks: not on the UI thread).
     *
     * @throws IOException when it cannot (the message says what to check)
     */
    public static RunningCluster attach(String connectString) throws IOException {
        RunningCluster entry = RunningClusters.getDefault().attach(DistributedClusters.attach(connectString));
        lastConnectString = connectString.strip();
        return entry;
    }

    private static void showClusterView() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (page != null) {
            try {
                page.showView(CLUSTER_VIEW);
            } catch (PartInitException e) {
                // the cluster is attached all the same: the Clusters view shows it when opened
            }
        }
    }
}
