// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.timeline;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.ui.internal.clusters.ClusterView;

/**
 * RSM > Timeline of the Run: shows the recording of a running cluster's launch in the Timeline view, following it
 * while the run goes on: the cluster selected in the Clusters view, else the last launched cluster that records, else
 * the recording of the recorded run that ended last.
 */
public final class ShowRunRecordingHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        RunningCluster selected = HandlerUtil.getActivePart(event) instanceof ClusterView view ? view.selectedCluster() : null;
        RunningClusters registry = RunningClusters.getDefault();
        Path folder = recordingOf(selected, registry.clusters());
        if (folder == null && selected == null) {
            folder = registry.lastEndedRecording().orElse(null);
        }
        if (folder == null) {
            MessageDialog.openInformation(HandlerUtil.getActiveShellChecked(event), "Timeline of the Run", (selected != null
                    ? "The launch of " + selected.label() + " does not record."
                    : "No running cluster records, and there is no recording of a run that ended since the IDE started.")
                    + " To record a run, turn on \"Record this run\" on the Recording tab of its launch configuration and run it"
                    + " again. To look at an older recording, use RSM > Open Recording... and choose its .rsmtrace folder.");
            return null;
        }
        OpenRecordingHandler.show(HandlerUtil.getActiveWorkbenchWindowChecked(event), folder);
        return null;
    }

    /** The recording of {@code selected} if it records, else of the last of {@code clusters} that records; null if none. */
    static Path recordingOf(RunningCluster selected, List<RunningCluster> clusters) {
        if (selected != null) {
            return selected.recording().orElse(null);
        }
        for (int i = clusters.size() - 1; i >= 0; i--) {
            Path folder = clusters.get(i).recording().orElse(null);
            if (folder != null) {
                return folder;
            }
        }
        return null;
    }
}
