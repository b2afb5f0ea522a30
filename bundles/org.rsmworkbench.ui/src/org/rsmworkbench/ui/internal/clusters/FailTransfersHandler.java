// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.rsmworkbench.core.clusters.ClusterTree.ClusterItem;
import org.rsmworkbench.core.clusters.ClusterTree.ExportItem;
import org.rsmworkbench.core.clusters.ClusterTree.ImportItem;
import org.rsmworkbench.core.clusters.ClusterTree.NodeItem;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.ui.internal.FaultActions;

/**
 * Fail Next Transfers...: asks how many of the next transfers between which importer and exporter fail, proposing
 * the pair of the selected import, export or node.
 */
final class FailTransfersHandler extends ClusterViewHandler {
    /** The command's id. */
    static final String COMMAND = "org.rsmworkbench.ui.clusters.failTransfers";

    FailTransfersHandler(ClusterView view) {
        super(view, COMMAND);
    }

    @Override
    protected boolean enabled() {
        return view.clusterOfSelection() != null;
    }

    @Override
    protected void run(ExecutionEvent event) {
        ClusterItem cluster = view.clusterOfSelection();
        List<Integer> nodes = cluster.state().nodes().stream().map(ClusterState.Node::id).toList();
        int importer = nodes.get(0);
        int exporter = nodes.size() > 1 ? nodes.get(1) : nodes.get(0);
        Object first = view.selected(Object.class);
        if (first instanceof ImportItem i) {
            importer = i.connection().importerNode();
            exporter = i.connection().exporterNode();
        } else if (first instanceof ExportItem e) {
            exporter = e.segment().node();
            importer = nodes.stream().filter(n -> n != e.segment().node()).findFirst().orElse(exporter);
        } else if (first instanceof NodeItem n) {
            exporter = n.node().id();
            importer = nodes.stream().filter(id -> id != n.node().id()).findFirst().orElse(exporter);
        }
        FailTransfersDialog dialog = new FailTransfersDialog(view.getSite().getShell(), nodes, importer, exporter);
        if (dialog.open() == Window.OK) {
            FaultActions.inject(view.getSite().getShell(), cluster.cluster(),
                    new Fault.FailTransfers(dialog.importer(), dialog.exporter(), dialog.count()), ClusterView.FAULT_SOURCE);
        }
    }
}
