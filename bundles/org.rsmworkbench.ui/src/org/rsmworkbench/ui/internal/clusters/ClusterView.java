// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.eclipse.ui.part.ViewPart;
import org.rsmworkbench.core.clusters.ClusterPoller;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.ClusterTree.ClusterItem;
import org.rsmworkbench.core.clusters.ClusterTree.ControllerItem;
import org.rsmworkbench.core.clusters.ClusterTree.ExportItem;
import org.rsmworkbench.core.clusters.ClusterTree.ImportItem;
import org.rsmworkbench.core.clusters.ClusterTree.Item;
import org.rsmworkbench.core.clusters.ClusterTree.NodeItem;
import org.rsmworkbench.core.clusters.HostFaultChoices;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;
import org.rsmworkbench.ui.internal.ClusterMonitor;
import org.rsmworkbench.ui.internal.FaultActions;
import org.rsmworkbench.ui.internal.HelpContexts;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.perspectives.RsmPerspective;

/**
 * The running clusters: launched from the IDE or attached by directory, each with its nodes and under
 * them processes (with the signal wait each is in, and who could end it), controllers, exports and imports; each
 * deadlock among the waits is told in a dialog ({@link DeadlockNotification}). Fed by the {@link ClusterMonitor} (a throttled poll of
 * {@link ClusterState}); the rows come from the headless {@link ClusterTree}. A node that is down is greyed, with
 * how its program ended. Its commands are handlers over {@link ClusterViewHandler}, contributed in plugin.xml; faults go
 * through {@link FaultActions} (confirmed, logged, run in a job).
 */
public final class ClusterView extends ViewPart implements ClusterMonitor.Listener {
    public static final String ID = RsmPerspective.CLUSTER_VIEW;
    /** The source of this view's faults in the cluster console's lines. */
    public static final String FAULT_SOURCE = "Clusters view";
    /** The SWT system colour of a node that is down. */
    public static final int DOWN_COLOR = SWT.COLOR_DARK_GRAY;
    /** The context of the view's key bindings, active while the view is. */
    public static final String CONTEXT = "org.rsmworkbench.ui.clusterViewContext";
    /** Groups of the context menu, in order: the segment's views, faults (the links' items after the nodes'), clusters. */
    /** The submenus of the faults of a launch across hosts. */
    public static final String KILL_HOST = "Kill Host", CUT_HOST_LINK = "Cut Link Between Hosts",
            RESTORE_HOST_LINK = "Restore Link Between Hosts";
    public static final String INSPECT_GROUP = "inspect", FAULTS_GROUP = "faults", LINKS_GROUP = "links",
            TRANSFERS_GROUP = "transfers", CLUSTERS_GROUP = "clusters";

    /** The viewer's input: the trees of the watched clusters. */
    private static final class Root {
        List<ClusterItem> clusters = List.of();
    }

    private final Root root = new Root();
    private final List<ClusterViewHandler> handlers = new ArrayList<>();
    /** The handlers of the toolbar's buttons (among {@link #handlers}). */
    private final ClusterViewHandler detach = SelectionHandler.detach(this);
    private final ClusterViewHandler terminate = SelectionHandler.terminate(this);
    private TreeViewer viewer;
    private int refreshes;
    /** The deadlocks told to the user, per cluster. */
    private final Map<RunningCluster, DeadlockNotification> deadlocks = new HashMap<>();

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        HelpContexts.set(viewer.getControl(), HelpContexts.CLUSTER_VIEW);
        viewer.setUseHashlookup(true);
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                if (a instanceof Item x && b instanceof Item y) {
                    return x.getClass() == y.getClass() && x.key().equals(y.key());
                }
                return a == b;
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof Item item ? item.key().hashCode() : System.identityHashCode(element);
            }
        });
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((Root) input).clusters.toArray();
            }

            @Override
            public Object[] getChildren(Object parent) {
                return ((Item) parent).children().toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((Item) element).children().isEmpty();
            }
        });
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Item) element).label();
            }

            @Override
            public Color getForeground(Object element) {
                // a node that is down stays in the tree, greyed, until it is restarted; so does a cluster whose registry
                // does not answer, until it answers again
                boolean grey = element instanceof NodeItem node && node.down() || element instanceof ClusterItem cluster && cluster.stale();
                return grey ? viewer.getControl().getDisplay().getSystemColor(DOWN_COLOR)
                        : null;
            }

            @Override
            // the workbench's project image: its replacement is in org.eclipse.ui.ide, which this bundle needs for nothing else
            @SuppressWarnings("deprecation")
            public Image getImage(Object element) {
                ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
                String key = switch ((Item) element) {
                    case ClusterItem _ -> ISharedImages.IMG_OBJ_PROJECT;
                    case NodeItem n -> n.node().up() ? ISharedImages.IMG_OBJ_ELEMENT : ISharedImages.IMG_OBJS_ERROR_TSK;
                    case ClusterTree.GroupItem _ -> ISharedImages.IMG_OBJ_FOLDER;
                    case ExportItem _ -> ISharedImages.IMG_OBJ_FILE;
                    case ImportItem i -> i.connection().aborted() ? ISharedImages.IMG_OBJS_WARN_TSK : ISharedImages.IMG_TOOL_FORWARD;
                    case ControllerItem c -> c.links().stream().allMatch(ClusterState.Link::up) ? ISharedImages.IMG_OBJS_INFO_TSK
                            : ISharedImages.IMG_OBJS_WARN_TSK;
                    case ClusterTree.ProcessItem _ -> ISharedImages.IMG_DEF_VIEW;
                    case ClusterTree.WaitItem w -> w.deadlocked() ? ISharedImages.IMG_OBJS_ERROR_TSK : ISharedImages.IMG_OBJS_INFO_TSK;
                };
                return images.getImage(key);
            }
        });
        viewer.setInput(root);
        viewer.addDoubleClickListener(_ -> {
            if (selectedSegment() != null) {
                openInspector();
            }
        });
        getSite().setSelectionProvider(viewer);
        activateHandlers();
        createContextMenu();
        createToolbar();
        getSite().getService(IContextService.class).activateContext(CONTEXT);
        RsmUiPlugin.getDefault().monitor().addListener(this);
    }

    /**
     * The handlers of the view's commands, active while the view is (and for its context menu and toolbar): each acts
     * on the view's selection, and says again whether it is enabled when the selection changes.
     */
    private void activateHandlers() {
        IHandlerService service = getSite().getService(IHandlerService.class);
        handlers.addAll(List.of(SelectionHandler.openInInspector(this), SelectionHandler.showPermissions(this),
                SelectionHandler.killNode(this), SelectionHandler.restartNode(this), new SetLinkHandler(this),
                new FailTransfersHandler(this), detach, terminate, SelectionHandler.hostFault(this)));
        for (ClusterViewHandler handler : handlers) {
            service.activateHandler(handler.commandId(), handler);
        }
        viewer.addSelectionChangedListener(_ -> handlers.forEach(ClusterViewHandler::targetsChanged));
    }

    /**
     * The toolbar: Attach to Cluster, Detach and Terminate Cluster. Not contributed in plugin.xml as the context menu's
     * commands are: a command's button follows the handler active in the active part, so while another view or an editor
     * was active, Detach and Terminate Cluster (whose handlers are this view's) stayed disabled and a click on them did
     * nothing.
     */
    private void createToolbar() {
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        CommandContributionItemParameter attach = new CommandContributionItemParameter(getSite(), null, AttachClusterHandler.COMMAND,
                CommandContributionItem.STYLE_PUSH);
        attach.icon = icon("platform:/plugin/org.eclipse.ui/icons/full/obj16/add_obj.svg");
        attach.tooltip = "Attach to Cluster... (watch a cluster running in a directory)";
        toolbar.add(new CommandContributionItem(attach));
        toolbar.add(new HandlerButton(detach, "Detach", "platform:/plugin/org.eclipse.ui/icons/full/elcl16/remove.svg",
                "Stop watching the selected cluster (an attached cluster keeps running)"));
        toolbar.add(new HandlerButton(terminate, "Terminate Cluster",
                "platform:/plugin/org.eclipse.debug.ui/icons/full/elcl16/terminate_co.svg",
                "Terminate Cluster: stop every node of the selected launched cluster"));
    }

    private static ImageDescriptor icon(String uri) {
        try {
            return ImageDescriptor.createFromURL(URI.create(uri).toURL());
        } catch (MalformedURLException e) {
            return ImageDescriptor.getMissingImageDescriptor();
        }
    }

    /**
     * A toolbar button of one of this view's commands: enabled as its handler is for what the view shows and selects,
     * whatever part is active; a click activates the view, then runs the command there.
     */
    private final class HandlerButton extends Action {
        private final ClusterViewHandler handler;

        HandlerButton(ClusterViewHandler handler, String text, String iconUri, String tooltip) {
            super(text, icon(iconUri));
            this.handler = handler;
            setToolTipText(tooltip);
            setActionDefinitionId(handler.commandId()); // its key binding in the tooltip
            setEnabled(handler.enabled());
            handler.addHandlerListener(_ -> setEnabled(handler.enabled()));
        }

        @Override
        public void run() {
            if (!handler.enabled()) { // what it acted on went since the button was last told
                setEnabled(false);
                return;
            }
            getSite().getPage().activate(ClusterView.this);
            try {
                getSite().getService(IHandlerService.class).executeCommand(handler.commandId(), null);
            } catch (CommandException e) {
                RsmUiPlugin.log("Cannot run " + getText(), e);
            }
        }
    }

    /**
     * The context menu: its commands are contributed in plugin.xml (popup:{@value #ID}) into its groups; the view adds
     * an item per link of the selected controller, and for a launch across hosts the faults of its hosts.
     */
    private void createContextMenu() {
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillContextMenu);
        Menu control = menu.createContextMenu(viewer.getControl());
        viewer.getControl().setMenu(control);
        getSite().registerContextMenu(menu, viewer);
    }

    private void fillContextMenu(IMenuManager menu) {
        menu.add(new GroupMarker(INSPECT_GROUP));
        menu.add(new Separator(FAULTS_GROUP));
        menu.add(new GroupMarker(LINKS_GROUP));
        ControllerItem controller = selected(ControllerItem.class);
        if (controller != null) {
            controller.links().forEach(link -> menu.add(linkItem(link)));
        }
        addHostFaults(menu);
        menu.add(new GroupMarker(TRANSFERS_GROUP));
        menu.add(new Separator(CLUSTERS_GROUP));
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
    }

    /** "Take Link Down 1:emu0 - 2:emu0" (or "Bring Link Up ..."): the Set Link command with that link's ends. */
    private CommandContributionItem linkItem(ClusterState.Link link) {
        LinkSpec spec = link.link();
        CommandContributionItemParameter item = new CommandContributionItemParameter(getSite(), null, SetLinkHandler.COMMAND,
                CommandContributionItem.STYLE_PUSH);
        item.label = (link.up() ? "Take Link Down " : "Bring Link Up ") + spec.nodeA() + ":" + spec.controllerA() + " - "
                + spec.nodeB() + ":" + spec.controllerB();
        item.parameters = Map.of(SetLinkHandler.NODE_A, Integer.toString(spec.nodeA()), SetLinkHandler.CONTROLLER_A,
                spec.controllerA(), SetLinkHandler.NODE_B, Integer.toString(spec.nodeB()), SetLinkHandler.CONTROLLER_B,
                spec.controllerB(), SetLinkHandler.UP, Boolean.toString(!link.up()));
        return new CommandContributionItem(item);
    }

    /**
     * A launch across hosts: the Kill Host, Cut Link Between Hosts and Restore Link Between Hosts submenus of the
     * selected cluster, an item per host or pair of hosts; one that cannot be chosen is disabled and says why.
     */
    private void addHostFaults(IMenuManager menu) {
        ClusterItem cluster = clusterOfSelection();
        HostFaultChoices choices = cluster == null ? null : HostFaultChoices.of(cluster.cluster());
        if (choices != null) {
            menu.add(hostFaultMenu(KILL_HOST, choices.kills()));
            menu.add(hostFaultMenu(CUT_HOST_LINK, choices.cuts()));
            menu.add(hostFaultMenu(RESTORE_HOST_LINK, choices.restores()));
        }
    }

    private MenuManager hostFaultMenu(String label, List<HostFaultChoices.Choice> choices) {
        MenuManager submenu = new MenuManager(label);
        for (HostFaultChoices.Choice choice : choices) {
            if (choice.enabled()) {
                CommandContributionItemParameter item = new CommandContributionItemParameter(getSite(), null,
                        SelectionHandler.HOST_FAULT, CommandContributionItem.STYLE_PUSH);
                item.label = choice.label();
                item.parameters = Map.of(SelectionHandler.FAULT, choice.fault().toString());
                submenu.add(new CommandContributionItem(item));
            } else {
                Action unavailable = new Action(choice.label() + " (" + choice.disabledReason() + ")") {
                    // never run: disabled
                };
                unavailable.setToolTipText(choice.disabledReason());
                unavailable.setEnabled(false);
                submenu.add(unavailable);
            }
        }
        return submenu;
    }

    private void openInspector() {
        try {
            getSite().getService(IHandlerService.class).executeCommand(SelectionHandler.OPEN_INSPECTOR, null);
        } catch (CommandException e) {
            RsmUiPlugin.log("Cannot open the inspector", e);
        }
    }

    /** The first selected element if it is a {@code type}, else null. */
    <T> T selected(Class<T> type) {
        Object first = viewer == null ? null : ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return type.isInstance(first) ? type.cast(first) : null;
    }

    /** The selected export or import's segment, or null. */
    SegmentRef selectedSegment() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (first instanceof ExportItem e) {
            return e.ref();
        }
        if (first instanceof ImportItem i) {
            return i.ref();
        }
        return null;
    }

    /** The cluster of the selection; with nothing selected, the only cluster shown (if only one is). */
    ClusterItem clusterOfSelection() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof Item item ? clusterOf(item) : root.clusters.size() == 1 ? root.clusters.get(0) : null;
    }

    /** The cluster an item of the tree belongs to, or null. */
    ClusterItem clusterOf(Item item) {
        for (ClusterItem cluster : root.clusters) {
            if (item.key().equals(cluster.key()) || item.key().startsWith(cluster.key() + "/")) {
                return cluster;
            }
        }
        return null;
    }

    @Override
    public void clustersChanged(ClusterPoller.Update update) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<ClusterItem> trees = new ArrayList<>();
        update.states().forEach((cluster, state) -> trees.add(ClusterTree.build(cluster, state, waits(update, cluster),
                update.problem(cluster))));
        boolean first = root.clusters.isEmpty();
        root.clusters = List.copyOf(trees);
        viewer.getControl().setRedraw(false);
        try {
            viewer.refresh(true);
            if (first) {
                viewer.expandToLevel(2);
            }
        } finally {
            viewer.getControl().setRedraw(true);
        }
        refreshes++;
        handlers.forEach(ClusterViewHandler::targetsChanged);
        for (ClusterItem tree : trees) {
            List<Deadlock> told = deadlocks.computeIfAbsent(tree.cluster(), _ -> new DeadlockNotification())
                    .tell(getSite().getShell(), tree.cluster(), waits(update, tree.cluster()).deadlocks());
            if (!told.isEmpty()) {
                revealDeadlockedWaits(List.of(), tree);
            }
        }
        deadlocks.keySet().retainAll(update.states().keySet());
    }

    /** Shows the waits of the deadlocked processes under {@code item} (at {@code path}): they are under node processes. */
    private void revealDeadlockedWaits(List<Item> path, Item item) {
        List<Item> itemPath = new ArrayList<>(path);
        itemPath.add(item);
        if (item instanceof ClusterTree.WaitItem wait && wait.deadlocked()) {
            viewer.reveal(new TreePath(itemPath.toArray()));
        }
        item.children().forEach(child -> revealDeadlockedWaits(itemPath, child));
    }

    private static ClusterPoller.Waits waits(ClusterPoller.Update update, RunningCluster cluster) {
        return update.waits().getOrDefault(cluster, ClusterPoller.Waits.NONE);
    }

    /** For tests: the viewer. */
    public TreeViewer viewer() {
        return viewer;
    }

    /** For tests: how many times the view applied a change. */
    public int refreshes() {
        return refreshes;
    }

    /** The cluster entry of the selection, or null. */
    public RunningCluster selectedCluster() {
        ClusterItem item = clusterOfSelection();
        return item == null ? null : item.cluster();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        RsmUiPlugin.getDefault().monitor().removeListener(this);
        super.dispose();
    }
}
