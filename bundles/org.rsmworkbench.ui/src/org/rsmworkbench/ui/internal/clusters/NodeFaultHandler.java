// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import java.util.function.IntFunction;

import org.eclipse.core.commands.ExecutionEvent;
import org.rsmworkbench.core.clusters.ClusterTree.NodeItem;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.ui.internal.FaultActions;

/**
 * Kill Node and Restart Node: a fault on the selected node, enabled while the node is up (kill) or down (restart);
 * confirmed first, run in a job.
 */
final class NodeFaultHandler extends ClusterViewHandler {
    /** The commands' ids. */
    static final String KILL = "org.rsmworkbench.ui.clusters.killNode", RESTART = "org.rsmworkbench.ui.clusters.restartNode";

    private final boolean whenUp;
    private final IntFunction<Fault> fault;

    private NodeFaultHandler(ClusterView view, String commandId, boolean whenUp, IntFunction<Fault> fault) {
        super(view, commandId);
        this.whenUp = whenUp;
        this.fault = fault;
    }

    /** Kill Node: the selected node, if up, is killed (its program's JVMs and its state in the cluster). */
    static NodeFaultHandler kill(ClusterView view) {
        return new NodeFaultHandler(view, KILL, true, Fault.KillNode::new);
    }

    /** Restart Node: the selected node, if down, starts again with its program. */
    static NodeFaultHandler restart(ClusterView view) {
        return new NodeFaultHandler(view, RESTART, false, Fault.RestartNode::new);
    }

    @Override
    protected boolean enabled() {
        NodeItem node = view.selected(NodeItem.class);
        return node != null && node.node().up() == whenUp;
    }

    @Override
    protected void run(ExecutionEvent event) {
        NodeItem node = view.selected(NodeItem.class);
        FaultActions.inject(view.getSite().getShell(), node.cluster(), fault.apply(node.node().id()), ClusterView.FAULT_SOURCE);
    }
}
