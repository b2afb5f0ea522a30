package org.rsmworkbench.ui.internal.clusters;

import org.rsmworkbench.ui.internal.HelpContexts;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.rsmworkbench.core.clusters.ClusterPoller;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.ClusterTree.ClusterItem;
import org.rsmworkbench.core.clusters.ClusterTree.ControllerItem;
import org.rsmworkbench.core.clusters.ClusterTree.ExportItem;
import org.rsmworkbench.core.clusters.ClusterTree.ImportItem;
import org.rsmworkbench.core.clusters.ClusterTree.Item;
import org.rsmworkbench.core.clusters.ClusterTree.NodeItem;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.ui.internal.ClusterMonitor;
import org.rsmworkbench.ui.internal.FaultActions;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;
import org.rsmworkbench.ui.internal.permissions.PermissionsView;
import org.rsmworkbench.ui.internal.perspectives.RsmPerspective;

/**
 * The running clusters: launched from the IDE or attached by directory, each with its nodes and under
 * them processes, controllers, exports and imports. Fed by the {@link ClusterMonitor} (a throttled poll of
 * {@link ClusterState}); the rows come from the headless {@link ClusterTree}. A node that is down is greyed, with
 * how its program ended. Faults from the context menu go through {@link FaultActions} (confirmed, logged).
 */
public final class ClusterView extends ViewPart implements ClusterMonitor.Listener {
    public static final String ID = RsmPerspective.CLUSTER_VIEW;
    /** The source of this view's faults in the cluster console's lines. */
    public static final String FAULT_SOURCE = "Clusters view";
    /** The SWT system colour of a node that is down. */
    public static final int DOWN_COLOR = SWT.COLOR_DARK_GRAY;

    /** The viewer's input: the trees of the watched clusters. */
    private static final class Root {
        List<ClusterItem> clusters = List.of();
    }

    private final Root root = new Root();
    private TreeViewer viewer;
    private int refreshes;

    private final IAction attach = new Action("Attach to Cluster...") {
        @Override
        public void run() {
            AttachClusterHandler.attach(getSite().getShell());
        }
    };
    private final IAction detach = new Action("Detach") {
        @Override
        public void run() {
            ClusterItem cluster = selected(ClusterItem.class);
            if (cluster != null) {
                RunningClusters.getDefault().remove(cluster.cluster());
            }
        }
    };
    private final IAction openInspector = new Action("Open in Inspector") {
        @Override
        public void run() {
            SegmentRef ref = selectedSegment();
            if (ref != null) {
                SegmentInspector.open(getSite().getPage(), ref);
            }
        }
    };
    private final IAction showPermissions = new Action("Show Permissions") {
        @Override
        public void run() {
            SegmentRef ref = selectedSegment();
            if (ref != null) {
                try {
                    PermissionsView view = (PermissionsView) getSite().getPage().showView(PermissionsView.ID, null,
                            IWorkbenchPage.VIEW_VISIBLE);
                    view.show(ref);
                } catch (PartInitException e) {
                    RsmUiPlugin.log("Cannot open the permissions view", e);
                }
            }
        }
    };
    private final IAction killNode = new Action("Kill Node") {
        @Override
        public void run() {
            NodeItem node = selected(NodeItem.class);
            if (node != null) {
                FaultActions.inject(getSite().getShell(), node.cluster(), new Fault.KillNode(node.node().id()), FAULT_SOURCE);
            }
        }
    };
    private final IAction restartNode = new Action("Restart Node") {
        @Override
        public void run() {
            NodeItem node = selected(NodeItem.class);
            if (node != null) {
                FaultActions.inject(getSite().getShell(), node.cluster(), new Fault.RestartNode(node.node().id()), FAULT_SOURCE);
            }
        }
    };
    private final IAction failTransfers = new Action("Fail Next Transfers...") {
        @Override
        public void run() {
            failNextTransfers();
        }
    };

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
                // a node that is down stays in the tree, greyed, until it is restarted
                return element instanceof NodeItem node && node.down() ? viewer.getControl().getDisplay().getSystemColor(DOWN_COLOR)
                        : null;
            }

            @Override
            public Image getImage(Object element) {
                ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
                String key = switch ((Item) element) {
                    case ClusterItem c -> ISharedImages.IMG_OBJ_PROJECT;
                    case NodeItem n -> n.node().up() ? ISharedImages.IMG_OBJ_ELEMENT : ISharedImages.IMG_OBJS_ERROR_TSK;
                    case ClusterTree.GroupItem g -> ISharedImages.IMG_OBJ_FOLDER;
                    case ExportItem e -> ISharedImages.IMG_OBJ_FILE;
                    case ImportItem i -> i.connection().aborted() ? ISharedImages.IMG_OBJS_WARN_TSK : ISharedImages.IMG_TOOL_FORWARD;
                    case ControllerItem c -> c.links().stream().allMatch(ClusterState.Link::up) ? ISharedImages.IMG_OBJS_INFO_TSK
                            : ISharedImages.IMG_OBJS_WARN_TSK;
                    case ClusterTree.ProcessItem p -> ISharedImages.IMG_DEF_VIEW;
                };
                return images.getImage(key);
            }
        });
        viewer.setInput(root);
        viewer.addSelectionChangedListener(event -> updateActions());
        viewer.addDoubleClickListener(event -> {
            if (selectedSegment() != null) {
                openInspector.run();
            }
        });
        getSite().setSelectionProvider(viewer);
        createActions();
        updateActions();
        RsmUiPlugin.getDefault().monitor().addListener(this);
    }

    private void createActions() {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        attach.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJ_ADD));
        attach.setToolTipText("Attach to Cluster... (watch a cluster running in a directory)");
        detach.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ELCL_REMOVE));
        detach.setToolTipText("Stop watching the selected cluster (an attached cluster keeps running)");
        openInspector.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJ_FILE));
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(attach);
        toolbar.add(detach);
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillContextMenu);
        Menu control = menu.createContextMenu(viewer.getControl());
        viewer.getControl().setMenu(control);
        getSite().registerContextMenu(menu, viewer);
    }

    private void fillContextMenu(IMenuManager menu) {
        updateActions();
        menu.add(openInspector);
        menu.add(showPermissions);
        menu.add(new Separator());
        menu.add(killNode);
        menu.add(restartNode);
        ControllerItem controller = selected(ControllerItem.class);
        if (controller != null) {
            ClusterItem cluster = clusterOf(controller);
            for (ClusterState.Link link : controller.links()) {
                LinkSpec spec = link.link();
                String name = spec.nodeA() + ":" + spec.controllerA() + " - " + spec.nodeB() + ":" + spec.controllerB();
                menu.add(new Action((link.up() ? "Take Link Down " : "Bring Link Up ") + name) {
                    @Override
                    public void run() {
                        FaultActions.inject(getSite().getShell(), cluster.cluster(), new Fault.SetLink(spec.nodeA(), spec.controllerA(),
                                spec.nodeB(), spec.controllerB(), !link.up()), FAULT_SOURCE);
                    }
                });
            }
        }
        menu.add(failTransfers);
        menu.add(new Separator());
        menu.add(attach);
        menu.add(detach);
    }

    private void updateActions() {
        detach.setEnabled(selected(ClusterItem.class) != null);
        boolean segment = selectedSegment() != null;
        openInspector.setEnabled(segment);
        showPermissions.setEnabled(segment);
        NodeItem node = selected(NodeItem.class);
        killNode.setEnabled(node != null && node.node().up());
        restartNode.setEnabled(node != null && !node.node().up());
        failTransfers.setEnabled(clusterOfSelection() != null);
    }

    private void failNextTransfers() {
        ClusterItem cluster = clusterOfSelection();
        if (cluster == null) {
            return;
        }
        List<Integer> nodes = cluster.state().nodes().stream().map(ClusterState.Node::id).toList();
        int importer = nodes.get(0);
        int exporter = nodes.size() > 1 ? nodes.get(1) : nodes.get(0);
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
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
        FailTransfersDialog dialog = new FailTransfersDialog(getSite().getShell(), nodes, importer, exporter);
        if (dialog.open() == Window.OK) {
            FaultActions.inject(getSite().getShell(), cluster.cluster(),
                    new Fault.FailTransfers(dialog.importer(), dialog.exporter(), dialog.count()), FAULT_SOURCE);
        }
    }

    private <T> T selected(Class<T> type) {
        Object first = viewer == null ? null : ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return type.isInstance(first) ? type.cast(first) : null;
    }

    private SegmentRef selectedSegment() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (first instanceof ExportItem e) {
            return e.ref();
        }
        if (first instanceof ImportItem i) {
            return i.ref();
        }
        return null;
    }

    private ClusterItem clusterOfSelection() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof Item item ? clusterOf(item) : root.clusters.size() == 1 ? root.clusters.get(0) : null;
    }

    private ClusterItem clusterOf(Item item) {
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
        update.states().forEach((cluster, state) -> trees.add(ClusterTree.build(cluster, state)));
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
        updateActions();
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
