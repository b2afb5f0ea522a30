package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.ExecutionEvent;
import org.rsmworkbench.core.clusters.ClusterTree.NodeItem;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.ui.internal.FaultActions;

/** Restart Node: the selected node, if down, starts again with its program. */
final class RestartNodeHandler extends ClusterViewHandler {
    /** The command's id. */
    static final String COMMAND = "org.rsmworkbench.ui.clusters.restartNode";

    RestartNodeHandler(ClusterView view) {
        super(view, COMMAND);
    }

    @Override
    protected boolean enabled() {
        NodeItem node = view.selected(NodeItem.class);
        return node != null && !node.node().up();
    }

    @Override
    protected void run(ExecutionEvent event) {
        NodeItem node = view.selected(NodeItem.class);
        FaultActions.inject(view.getSite().getShell(), node.cluster(), new Fault.RestartNode(node.node().id()),
                ClusterView.FAULT_SOURCE);
    }
}
