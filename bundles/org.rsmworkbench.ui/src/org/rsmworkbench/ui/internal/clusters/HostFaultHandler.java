// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.ExecutionEvent;
import org.rsmworkbench.core.clusters.ClusterTree.ClusterItem;
import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.ui.internal.FaultActions;

/**
 * Kill Host, Cut Link Between Hosts, Restore Link Between Hosts: a fault of the hosts of the selected cluster's launch
 * across hosts, named by the command's parameter (the view makes an item per host and per pair of hosts, from
 * {@link org.rsmworkbench.core.clusters.HostFaultChoices}); confirmed first, injected by the launch's host fault injector.
 */
final class HostFaultHandler extends ClusterViewHandler {
    /** The command's id. */
    static final String COMMAND = "org.rsmworkbench.ui.clusters.hostFault";
    /** Parameter: the fault as the Faults tab writes it, e.g. {@code kill-host:beta@0ms}. */
    static final String FAULT = "fault";

    HostFaultHandler(ClusterView view) {
        super(view, COMMAND);
    }

    @Override
    protected boolean enabled() {
        ClusterItem cluster = view.clusterOfSelection();
        return cluster != null && cluster.cluster().hostFaults().isPresent();
    }

    @Override
    protected void run(ExecutionEvent event) {
        FaultActions.inject(view.getSite().getShell(), view.clusterOfSelection().cluster(), HostFault.parse(event.getParameter(FAULT)),
                ClusterView.FAULT_SOURCE);
    }
}
