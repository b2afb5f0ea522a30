// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.ExecutionEvent;
import org.rsmworkbench.core.clusters.ClusterTree.ClusterItem;
import org.rsmworkbench.core.clusters.ClusterTree.ControllerItem;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.ui.internal.FaultActions;

/**
 * Take Link Down / Bring Link Up: a link of the selected controller's cluster, named by the command's parameters
 * (the view makes an item per link).
 */
final class SetLinkHandler extends ClusterViewHandler {
    /** The command's id. */
    static final String COMMAND = "org.rsmworkbench.ui.clusters.setLink";
    /** Parameters: the link's ends, and whether it is to be up afterwards ("true"/"false"). */
    static final String NODE_A = "nodeA", CONTROLLER_A = "controllerA", NODE_B = "nodeB", CONTROLLER_B = "controllerB",
            UP = "up";

    SetLinkHandler(ClusterView view) {
        super(view, COMMAND);
    }

    @Override
    protected boolean enabled() {
        ControllerItem controller = view.selected(ControllerItem.class);
        return controller != null && view.clusterOf(controller) != null;
    }

    @Override
    protected void run(ExecutionEvent event) {
        ClusterItem cluster = view.clusterOf(view.selected(ControllerItem.class));
        Fault.SetLink fault = new Fault.SetLink(Integer.parseInt(event.getParameter(NODE_A)), event.getParameter(CONTROLLER_A),
                Integer.parseInt(event.getParameter(NODE_B)), event.getParameter(CONTROLLER_B),
                Boolean.parseBoolean(event.getParameter(UP)));
        FaultActions.inject(view.getSite().getShell(), cluster.cluster(), fault, ClusterView.FAULT_SOURCE);
    }
}
