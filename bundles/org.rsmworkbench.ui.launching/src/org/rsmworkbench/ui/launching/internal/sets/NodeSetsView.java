// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.sets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationListener;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.ILaunchesListener2;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandImageService;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.UIJob;
import org.rsmworkbench.core.debug.sets.NodeSet;
import org.rsmworkbench.core.debug.sets.NodeSetControl;
import org.rsmworkbench.core.debug.sets.NodeSets;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;

/**
 * The node sets of every running cluster debug launch: under each launch, "all" and the sets of its configuration, with
 * how many of their nodes are suspended and how many run. The toolbar suspends, resumes and steps the selected set,
 * defines and deletes sets, and shows only the selected set's nodes in the Debug view.
 */
public final class NodeSetsView extends ViewPart {
    public static final String ID = "org.rsmworkbench.ui.launching.nodeSetsView";
    /** Suspends of many nodes come in bursts: one refresh after the burst. */
    private static final long REFRESH_DELAY_MILLIS = 100;

    private TreeViewer viewer;
    private final UIJob refresher = UIJob.create("Refreshing the node sets", _ -> {
        refresh();
        return Status.OK_STATUS;
    });
    private final IDebugEventSetListener debugEvents = this::debugEvents;
    private final Listeners listeners = new Listeners();

    private final IAction suspend = setAction("Suspend Set", "Suspends every node of the set; the other nodes go on",
            DebugCommands.SUSPEND, NodeSetControl::suspend);
    private final IAction resume = setAction("Resume Set", "Resumes every node of the set; the other nodes stay as they are",
            DebugCommands.RESUME, NodeSetControl::resume);
    private final IAction stepOver = setAction("Step Over Set", "Steps over in the stopped threads of every node of the set",
            DebugCommands.STEP_OVER, (launch, set) -> NodeSetControl.step(launch, set, NodeSetControl.Step.OVER));
    private final IAction stepInto = setAction("Step Into Set", "Steps into in the stopped threads of every node of the set",
            DebugCommands.STEP_INTO, (launch, set) -> NodeSetControl.step(launch, set, NodeSetControl.Step.INTO));
    private final IAction stepReturn = setAction("Step Return Set", "Steps return in the stopped threads of every node of the set",
            DebugCommands.STEP_RETURN, (launch, set) -> NodeSetControl.step(launch, set, NodeSetControl.Step.RETURN));
    private final IAction newSet = new Action("New Set...") {
        @Override
        public void run() {
            newSet();
        }
    };
    private final IAction deleteSet = new Action("Delete Set") {
        @Override
        public void run() {
            deleteSet();
        }
    };
    private final IAction showOnly = new Action("Show Only This Set in the Debug View", IAction.AS_CHECK_BOX) {
        @Override
        public void run() {
            showOnlyInDebugView(isChecked() ? selectedSet() : null);
        }
    };

    /** What a set's operation does. */
    @FunctionalInterface
    private interface SetOperation {
        void run(ILaunch launch, NodeSet set) throws DebugException;
    }

    /** The debug UI's commands whose images the set's actions show. */
    private static final class DebugCommands {
        static final String SUSPEND = "org.eclipse.debug.ui.commands.Suspend";
        static final String RESUME = "org.eclipse.debug.ui.commands.Resume";
        static final String STEP_OVER = "org.eclipse.debug.ui.commands.StepOver";
        static final String STEP_INTO = "org.eclipse.debug.ui.commands.StepInto";
        static final String STEP_RETURN = "org.eclipse.debug.ui.commands.StepReturn";
    }

    private IAction setAction(String label, String tooltip, String imageOfCommand, SetOperation operation) {
        IAction action = new Action(label) {
            @Override
            public void run() {
                LaunchSet selected = selectedSet();
                if (selected != null) {
                    perform(label, selected, operation);
                }
            }
        };
        action.setToolTipText(tooltip);
        action.setImageDescriptor(PlatformUI.getWorkbench().getService(ICommandImageService.class).getImageDescriptor(imageOfCommand));
        return action;
    }

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return parentElement instanceof ILaunch launch ? setsOf(launch).toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return element instanceof LaunchSet set ? set.launch() : null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof ILaunch;
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof LaunchSet set ? set.label() : launchLabel((ILaunch) element);
            }
        });
        viewer.addSelectionChangedListener(_ -> updateActions());
        viewer.addDoubleClickListener(_ -> showOnlyInDebugView(selectedSet()));
        newSet.setToolTipText("Defines a node set of the selected launch's configuration (by a node list such as 1,3-5)");
        newSet.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_OBJ_ADD));
        deleteSet.setToolTipText("Deletes the selected set from its launch configuration");
        deleteSet.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_ETOOL_DELETE));
        showOnly.setToolTipText("Hides the node JVMs outside the selected set in the Debug view");
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        for (IAction action : List.of(suspend, resume, stepOver, stepInto, stepReturn)) {
            toolbar.add(action);
        }
        toolbar.add(new Separator());
        toolbar.add(newSet);
        toolbar.add(deleteSet);
        getViewSite().getActionBars().getMenuManager().add(showOnly);
        MenuManager menu = new MenuManager();
        for (IAction action : List.of(suspend, resume, stepOver, stepInto, stepReturn)) {
            menu.add(action);
        }
        menu.add(new Separator());
        menu.add(newSet);
        menu.add(deleteSet);
        menu.add(showOnly);
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().setSelectionProvider(viewer);
        refresher.setSystem(true);
        DebugPlugin.getDefault().addDebugEventListener(debugEvents);
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        manager.addLaunchListener(listeners);
        manager.addLaunchConfigurationListener(listeners);
        viewer.setInput(List.of());
        refresh();
    }

    private static String launchLabel(ILaunch launch) {
        ILaunchConfiguration config = launch.getLaunchConfiguration();
        try {
            NodeSets.of(config);
            return config.getName();
        } catch (CoreException e) {
            return config.getName() + " — " + e.getStatus().getMessage();
        }
    }

    private static List<LaunchSet> setsOf(ILaunch launch) {
        try {
            return NodeSets.of(launch.getLaunchConfiguration()).stream().map(set -> new LaunchSet(launch, set)).toList();
        } catch (CoreException unreadable) {
            return List.of(new LaunchSet(launch, NodeSet.all())); // the launch's label says what is wrong
        }
    }

    /** The cluster debug launches that run. */
    private static List<ILaunch> launches() {
        return Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
                .filter(l -> ILaunchManager.DEBUG_MODE.equals(l.getLaunchMode()) && !l.isTerminated() && NodeSetControl.isClusterLaunch(l))
                .toList();
    }

    private void debugEvents(DebugEvent[] events) {
        for (DebugEvent event : events) {
            int kind = event.getKind();
            if (kind == DebugEvent.SUSPEND || kind == DebugEvent.RESUME || kind == DebugEvent.TERMINATE || kind == DebugEvent.CREATE) {
                refresher.schedule(REFRESH_DELAY_MILLIS);
                return;
            }
        }
    }

    /** Shows the launches and sets as they are now, keeping the selection. */
    public void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        List<ILaunch> launches = launches();
        if (!launches.equals(viewer.getInput())) {
            viewer.setInput(launches);
        } else {
            viewer.refresh();
        }
        viewer.expandAll();
        setContentDescription(launches.isEmpty() ? "No cluster is being debugged: debug an RSM Cluster Application to use node sets." : "");
        LaunchSet shown = shownInDebugView();
        if (shown != null && !launches.contains(shown.launch())) {
            showOnlyInDebugView(null);
        }
        updateActions();
    }

    private void updateActions() {
        LaunchSet selected = selectedSet();
        suspend.setEnabled(selected != null && NodeSetControl.state(selected.launch(), selected.set()).running() > 0);
        resume.setEnabled(selected != null && NodeSetControl.state(selected.launch(), selected.set()).suspended() > 0);
        boolean steps = selected != null && !NodeSetControl.stepThreads(selected.launch(), selected.set()).isEmpty();
        stepOver.setEnabled(steps);
        stepInto.setEnabled(steps);
        stepReturn.setEnabled(steps);
        newSet.setEnabled(selectedLaunch() != null);
        deleteSet.setEnabled(selected != null && !selected.set().isAll());
        showOnly.setEnabled(selected != null || shownInDebugView() != null);
        showOnly.setChecked(shownInDebugView() != null);
    }

    /** The selected set, or null. */
    public LaunchSet selectedSet() {
        return ((IStructuredSelection) viewer.getSelection()).getFirstElement() instanceof LaunchSet set ? set : null;
    }

    private ILaunch selectedLaunch() {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return selected instanceof LaunchSet set ? set.launch() : selected instanceof ILaunch launch ? launch : null;
    }

    /** Runs a set's operation in the background; its failure is reported as the job's. */
    private void perform(String label, LaunchSet selected, SetOperation operation) {
        Job job = Job.create(label + " " + selected.set().label(), _ -> {
            try {
                operation.run(selected.launch(), selected.set());
                return Status.OK_STATUS;
            } catch (DebugException e) {
                return e.getStatus();
            }
        });
        job.setUser(false);
        job.schedule();
    }

    private void newSet() {
        ILaunch launch = selectedLaunch();
        if (launch == null) {
            return;
        }
        ILaunchConfiguration config = launch.getLaunchConfiguration();
        try {
            List<Integer> clusterNodes = ClusterLaunchConfiguration.cluster(config).nodeIds();
            NodeSetDialog dialog = new NodeSetDialog(getSite().getShell(), "New Node Set of " + config.getName(), clusterNodes,
                    "set " + setsOf(launch).size(), "");
            if (dialog.open() == Window.OK) {
                NodeSets.add(config, dialog.set());
            }
        } catch (CoreException e) {
            error("Cannot define a node set of " + config.getName(), e.getStatus());
        }
        refresh();
    }

    private void deleteSet() {
        LaunchSet selected = selectedSet();
        if (selected == null || selected.set().isAll()) {
            return;
        }
        try {
            NodeSets.remove(selected.launch().getLaunchConfiguration(), selected.set().name());
        } catch (CoreException e) {
            error("Cannot delete the node set " + selected.set().name(), e.getStatus());
        }
        if (selected.equals(shownInDebugView())) {
            showOnlyInDebugView(null);
        }
        refresh();
    }

    private void error(String message, IStatus status) {
        getViewSite().getActionBars().getStatusLineManager().setErrorMessage(message + ": " + status.getMessage());
    }

    /** Shows only the set's nodes in the Debug view, or every node again with null. */
    public void showOnlyInDebugView(LaunchSet set) {
        StructuredViewer debug = DebugViewSetFilter.debugViewer(getSite().getPage());
        if (debug == null) {
            if (set != null) {
                getViewSite().getActionBars().getStatusLineManager().setErrorMessage("Open the Debug view to show a node set in it.");
            }
        } else {
            DebugViewSetFilter.removeAll(debug);
            if (set != null) {
                debug.addFilter(new DebugViewSetFilter(set));
            }
        }
        updateActions();
    }

    /** The set the Debug view shows alone, or null. */
    public LaunchSet shownInDebugView() {
        StructuredViewer debug = DebugViewSetFilter.debugViewer(getSite().getPage());
        if (debug != null) {
            for (var filter : debug.getFilters()) {
                if (filter instanceof DebugViewSetFilter set) {
                    return set.shown();
                }
            }
        }
        return null;
    }

    /** The tree (for tests). */
    public TreeViewer viewer() {
        return viewer;
    }

    /** The toolbar's set actions, in their order: suspend, resume, step over, step into, step return (for tests). */
    public List<IAction> setActions() {
        return new ArrayList<>(List.of(suspend, resume, stepOver, stepInto, stepReturn));
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        DebugPlugin.getDefault().removeDebugEventListener(debugEvents);
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        manager.removeLaunchListener(listeners);
        manager.removeLaunchConfigurationListener(listeners);
        refresher.cancel();
        super.dispose();
    }

    /** Launches that come and go, and configurations whose sets change: a refresh. */
    private final class Listeners implements ILaunchesListener2, ILaunchConfigurationListener {
        @Override
        public void launchesTerminated(ILaunch[] launches) {
            refresher.schedule(REFRESH_DELAY_MILLIS);
        }

        @Override
        public void launchesRemoved(ILaunch[] launches) {
            refresher.schedule(REFRESH_DELAY_MILLIS);
        }

        @Override
        public void launchesAdded(ILaunch[] launches) {
            refresher.schedule(REFRESH_DELAY_MILLIS);
        }

        @Override
        public void launchesChanged(ILaunch[] launches) {
            refresher.schedule(REFRESH_DELAY_MILLIS);
        }

        @Override
        public void launchConfigurationAdded(ILaunchConfiguration configuration) {
        }

        @Override
        public void launchConfigurationChanged(ILaunchConfiguration configuration) {
            refresher.schedule(REFRESH_DELAY_MILLIS);
        }

        @Override
        public void launchConfigurationRemoved(ILaunchConfiguration configuration) {
        }
    }
}
