// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Shell;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.ToldDeadlocks;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;

/**
 * Tells the user of each deadlock of a watched cluster once while it lasts ({@link ToldDeadlocks}), in a dialog that does
 * not block the IDE: the nodes of the cycle, and for each the call it waits in, the program's line that made it and who
 * alone could end it (the lines of {@code rsm-launch}'s report), with the cycle drawn.
 */
final class DeadlockNotification {
    static final String TITLE = "Deadlock";

    private final ToldDeadlocks told = new ToldDeadlocks();

    /** Tells the deadlocks of {@code lasting} not told yet, and returns them. */
    List<Deadlock> tell(Shell parent, RunningCluster cluster, List<Deadlock> lasting) {
        List<Deadlock> news = told.untold(lasting);
        news.forEach(deadlock -> new DeadlockDialog(parent, message(cluster, deadlock), deadlock).open());
        return news;
    }

    static String message(RunningCluster cluster, Deadlock deadlock) {
        String nodes = deadlock.waits().stream().map(w -> String.valueOf(w.node())).distinct().collect(Collectors.joining(", "));
        return "Nodes " + nodes + " of " + cluster.label() + " wait for each other: each is blocked in a wait that only another "
                + "of them could end.\n\n" + String.join("\n", deadlock.lines().stream().map(String::strip).toList())
                + "\n\nThe waits are shown under the nodes' processes in the Clusters view.";
    }
}
