// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.ICoreRunnable;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.rsmworkbench.core.clusters.ClusterTree.ClusterItem;
import org.rsmworkbench.core.clusters.ClusterTree.NodeItem;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.ui.internal.FaultActions;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;
import org.rsmworkbench.ui.internal.permissions.PermissionsView;

/**
 * The commands of the Clusters view that act on one thing the selection names (a segment, a node, a cluster): each is
 * enabled when there is one and it suits the command.
 *
 * @param <T> what the command acts on
 */
final class SelectionHandler<T> extends ClusterViewHandler {
    /** The commands' ids. */
    static final String OPEN_INSPECTOR = "org.rsmworkbench.ui.clusters.openInspector",
            SHOW_PERMISSIONS = "org.rsmworkbench.ui.clusters.showPermissions",
            KILL_NODE = "org.rsmworkbench.ui.clusters.killNode", RESTART_NODE = "org.rsmworkbench.ui.clusters.restartNode",
            DETACH = "org.rsmworkbench.ui.clusters.detach", TERMINATE = "org.rsmworkbench.ui.clusters.terminate",
            HOST_FAULT = "org.rsmworkbench.ui.clusters.hostFault";
    /** Host Fault's parameter: the fault as the Faults tab writes it, e.g. {@code kill-host:beta@0ms}. */
    static final String FAULT = "fault";

    private final Function<ClusterView, T> selected;
    private final Predicate<T> suits;
    private final BiConsumer<T, ExecutionEvent> action;

    /** @param selected what the view's selection names, or null */
    private SelectionHandler(ClusterView view, String commandId, Function<ClusterView, T> selected, Predicate<T> suits,
            BiConsumer<T, ExecutionEvent> action) {
        super(view, commandId);
        this.selected = selected;
        this.suits = suits;
        this.action = action;
    }

    /** Open in Inspector (and a double-click): the selected export or import in the Segment Inspector. */
    static SelectionHandler<SegmentRef> openInInspector(ClusterView view) {
        return new SelectionHandler<>(view, OPEN_INSPECTOR, ClusterView::selectedSegment, _ -> true,
                (segment, _) -> SegmentInspector.open(view.getSite().getPage(), segment));
    }

    /** Show Permissions: the selected export or import in the Segment Permissions view. */
    static SelectionHandler<SegmentRef> showPermissions(ClusterView view) {
        return new SelectionHandler<>(view, SHOW_PERMISSIONS, ClusterView::selectedSegment, _ -> true, (segment, _) -> {
            try {
                PermissionsView permissions = (PermissionsView) view.getSite().getPage().showView(PermissionsView.ID, null,
                        IWorkbenchPage.VIEW_VISIBLE);
                permissions.show(segment);
            } catch (PartInitException e) {
                RsmUiPlugin.log("Cannot open the permissions view", e);
            }
        });
    }

    /**
     * Kill Node: the selected node, if up, is killed (its program's JVMs and its state in the cluster); confirmed first,
     * run in a job.
     */
    static SelectionHandler<NodeItem> killNode(ClusterView view) {
        return nodeFault(view, KILL_NODE, true, Fault.KillNode::new);
    }

    /**
     * Restart Node: the selected node, if down (and its cluster not stopping), starts again with its program; confirmed
     * first, run in a job.
     */
    static SelectionHandler<NodeItem> restartNode(ClusterView view) {
        return nodeFault(view, RESTART_NODE, false, Fault.RestartNode::new);
    }

    private static SelectionHandler<NodeItem> nodeFault(ClusterView view, String commandId, boolean whenUp,
            IntFunction<Fault> fault) {
        return new SelectionHandler<>(view, commandId, v -> v.selected(NodeItem.class),
                node -> node.node().up() == whenUp && !node.stopping(),
                (node, _) -> FaultActions.inject(view.getSite().getShell(), node.cluster(), fault.apply(node.node().id()),
                        ClusterView.FAULT_SOURCE));
    }

    /** Detach: stops watching the selected cluster (an attached cluster keeps running). */
    static SelectionHandler<ClusterItem> detach(ClusterView view) {
        return new SelectionHandler<>(view, DETACH, v -> v.selected(ClusterItem.class), _ -> true,
                (cluster, _) -> RunningClusters.getDefault().remove(cluster.cluster()));
    }

    /**
     * Terminate Cluster: stops every node of the launch of the selection's cluster and the cluster, as terminating the
     * cluster's process in the Debug view does (a node's console terminates only its node); in a job, as the Debug view
     * terminates: it waits for the node JVMs to end.
     */
    static SelectionHandler<RunningCluster> terminate(ClusterView view) {
        return new SelectionHandler<>(view, TERMINATE, ClusterView::selectedCluster, RunningCluster::canTerminate,
                (cluster, _) -> Job.create("Terminating " + cluster.label(), (ICoreRunnable) _ -> cluster.terminate())
                        .schedule());
    }

    /**
     * Kill Host, Cut Link Between Hosts, Restore Link Between Hosts: a fault of the hosts of the selection cluster's
     * launch across hosts, named by the command's parameter (the view makes an item per host and per pair of hosts, from
     * {@link org.rsmworkbench.core.clusters.HostFaultChoices}); confirmed first, injected by the launch's host fault
     * injector.
     */
    static SelectionHandler<RunningCluster> hostFault(ClusterView view) {
        return new SelectionHandler<>(view, HOST_FAULT, ClusterView::selectedCluster,
                cluster -> cluster.hostFaults().isPresent(), (cluster, event) -> FaultActions.inject(view.getSite().getShell(),
                        cluster, HostFault.parse(event.getParameter(FAULT)), ClusterView.FAULT_SOURCE));
    }

    @Override
    protected boolean enabled() {
        T target = selected.apply(view);
        return target != null && suits.test(target);
    }

    @Override
    protected void run(ExecutionEvent event) {
        action.accept(selected.apply(view), event);
    }
}
