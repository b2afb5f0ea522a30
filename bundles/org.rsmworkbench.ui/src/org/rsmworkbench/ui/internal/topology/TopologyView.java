// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.topology;

import org.rsmworkbench.ui.internal.HelpContexts;
import java.nio.file.Path;

import org.eclipse.core.runtime.Adapters;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IPropertyListener;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.rsmworkbench.core.clusters.ClusterPoller;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.core.topology.TopologyLayout;
import org.rsmworkbench.core.topology.TopologyLayout.ControllerShape;
import org.rsmworkbench.core.topology.TopologyLayout.LinkShape;
import org.rsmworkbench.core.topology.TopologyLayout.NodeShape;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.ui.internal.ClusterMonitor;
import org.rsmworkbench.ui.internal.FaultActions;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.perspectives.RsmPerspective;

/**
 * The cluster's nodes on a circle with their controllers and links: green links are up, red dashed ones
 * down; a node shows its state and how many segments it exports (published/all). Click a link to take it
 * down (confirmed, see {@link FaultActions}) or bring it up. Shows the cluster of the selection: a running cluster, or the
 * cluster file of an editor that adapts to {@link ClusterSpec} and {@link ClusterState} (the cluster editor), drawn as it
 * starts; else the first watched cluster. A cluster launched meanwhile takes the place of a cluster file.
 */
public final class TopologyView extends ViewPart implements ClusterMonitor.Listener {
    public static final String ID = RsmPerspective.TOPOLOGY_VIEW;
    /** The source of this view's faults in the cluster console's lines. */
    public static final String FAULT_SOURCE = "Topology view";

    private Canvas canvas;
    private Label title;
    private RunningCluster cluster;
    /** The editor whose cluster file is drawn as it starts, instead of a running cluster; null: none. */
    private IWorkbenchPart design;
    /** The spec of the cluster drawn: of {@link #design} when there is one, else of {@link #cluster}. */
    private ClusterSpec spec;
    private ClusterState state;
    /** A cluster launched (or attached) while a cluster file is drawn takes its place. */
    private final RunningClusters.Listener launches = new RunningClusters.Listener() {
        @Override
        public void added(RunningCluster added) {
            PlatformUI.getWorkbench().getDisplay().asyncExec(() -> showLaunched(added)); // added on any thread
        }

        @Override
        public void removed(RunningCluster removed) {
            // the monitor's next update drops it
        }
    };
    private TopologyLayout layout;
    private final ISelectionListener selectionListener = this::selectionChanged;
    /** The cluster editor fires PROP_DIRTY at each change of the model, PROP_TITLE and PROP_INPUT after a Save As. */
    private final IPropertyListener designChanged = (_, property) -> {
        if (property == IEditorPart.PROP_DIRTY || property == IWorkbenchPart.PROP_TITLE || property == IEditorPart.PROP_INPUT) {
            readDesign();
        }
    };
    private final IPartListener2 designClosed = new IPartListener2() {
        @Override
        public void partClosed(IWorkbenchPartReference reference) {
            if (design != null && reference.getPart(false) == design) {
                leaveDesign();
                ClusterPoller.Update latest = RsmUiPlugin.getDefault().monitor().latest();
                if (latest != null) {
                    clustersChanged(latest);
                }
                updateTitle();
                canvas.redraw();
            }
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout grid = new GridLayout(1, false);
        grid.marginWidth = 0;
        grid.marginHeight = 0;
        root.setLayout(grid);
        title = new Label(root, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        canvas = new Canvas(root, SWT.DOUBLE_BUFFERED);
        HelpContexts.set(canvas, HelpContexts.TOPOLOGY_VIEW);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addListener(SWT.Paint, e -> {
            Rectangle area = canvas.getClientArea();
            relayout(area.width, area.height);
            paint(e.gc, area.width, area.height);
        });
        canvas.addListener(SWT.Resize, _ -> canvas.redraw());
        canvas.addListener(SWT.MouseUp, this::clicked);
        canvas.addListener(SWT.MouseMove, this::hover);
        Action export = new Action("Export as PNG...") {
            @Override
            public void run() {
                FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
                dialog.setFilterExtensions(new String[] {"*.png"});
                dialog.setFileName("topology.png");
                String file = dialog.open();
                if (file != null) {
                    exportPng(Path.of(file));
                }
            }
        };
        export.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_ETOOL_SAVEAS_EDIT));
        getViewSite().getActionBars().getToolBarManager().add(export);
        getSite().getPage().addSelectionListener(selectionListener);
        getSite().getPage().addPartListener(designClosed);
        RunningClusters.getDefault().addListener(launches);
        ClusterPoller.Update latest = RsmUiPlugin.getDefault().monitor().latest();
        showFirstChoice(latest);
        RsmUiPlugin.getDefault().monitor().addListener(this);
        updateTitle();
    }

    /**
     * What the view shows when it opens: the cluster of the selection of the part still active, else (as the
     * Properties view starts from) the cluster file of the active editor, else the first running cluster.
     */
    private void showFirstChoice(ClusterPoller.Update latest) {
        IWorkbenchPage page = getSite().getPage();
        IWorkbenchPart active = page.getActivePart();
        if (active != null && active != this) {
            selectionChanged(active, page.getSelection());
        }
        IEditorPart editor = page.getActiveEditor();
        if (design == null && cluster == null && editor != null && Adapters.adapt(editor, ClusterSpec.class) != null) {
            showDesign(editor);
        }
        if (design == null && cluster == null && latest != null) {
            clustersChanged(latest);
        }
    }

    private void relayout(int width, int height) {
        layout = state == null ? null : TopologyLayout.compute(spec, state, width, height);
    }

    private void paint(GC gc, int width, int height) {
        Display display = canvas.getDisplay();
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, width, height);
        if (layout == null) {
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText(design != null ? "The cluster file has errors, or more than the emulator runs: the Problems view says which."
                    : "No cluster: launch one, attach to one in the Clusters view, or open a cluster file.", 10, 10, true);
            return;
        }
        Color up = new Color(display, 40, 160, 60);
        Color down = new Color(display, 210, 40, 40);
        Color nodeUp = new Color(display, 200, 225, 250);
        Color nodeDown = new Color(display, 230, 230, 230);
        FontData data = gc.getFont().getFontData()[0];
        Font small = new Font(display, data.getName(), Math.max(6, (int) Math.round(data.getHeight() * layout.fontScale())),
                SWT.NORMAL);
        try {
            gc.setFont(small);
            gc.setLineWidth(2);
            for (LinkShape link : layout.links()) {
                gc.setForeground(link.up() ? up : down);
                gc.setLineStyle(link.up() ? SWT.LINE_SOLID : SWT.LINE_DASH);
                gc.drawLine((int) link.x1(), (int) link.y1(), (int) link.x2(), (int) link.y2());
            }
            gc.setLineStyle(SWT.LINE_SOLID);
            gc.setLineWidth(1);
            for (NodeShape node : layout.nodes()) {
                int r = (int) node.radius();
                gc.setBackground(node.up() ? nodeUp : nodeDown);
                gc.fillOval((int) node.x() - r, (int) node.y() - r, 2 * r, 2 * r);
                gc.setForeground(node.up() ? display.getSystemColor(SWT.COLOR_DARK_BLUE) : down);
                gc.setLineWidth(node.up() ? 1 : 2);
                gc.drawOval((int) node.x() - r, (int) node.y() - r, 2 * r, 2 * r);
                gc.setLineWidth(1);
                String inside = Integer.toString(node.id());
                Point extent = gc.textExtent(inside);
                gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
                gc.drawText(inside, (int) node.x() - extent.x / 2, (int) node.y() - extent.y / 2, true);
                String label = layout.nodes().size() > 24 ? (node.up() ? "" : "down")
                        + (node.exports() > 0 ? " " + node.published() + "/" + node.exports() : "")
                        : design != null ? node.hostname() // a file exports nothing yet
                        : node.hostname() + (node.up() ? "" : " DOWN") + "\n" + node.published() + "/" + node.exports()
                                + " segments published";
                if (!label.isBlank()) {
                    Point size = gc.textExtent(label.trim(), SWT.DRAW_DELIMITER);
                    // a label never covers its node: below the nodes at the far left and right (room above and
                    // below them), beside the others, on the outer side
                    double side = (node.x() - width / 2.0) / Math.max(1, width / 2.0);
                    double left;
                    double top;
                    if (Math.abs(side) > 0.6) {
                        left = node.x() - size.x / 2.0;
                        top = node.y() + r + 3;
                    } else {
                        left = side < 0 ? node.x() - r - 4 - size.x : node.x() + r + 4;
                        top = node.y() - size.y / 2.0;
                    }
                    int x = (int) Math.max(2, Math.min(width - size.x - 2, left));
                    int y = (int) Math.max(2, Math.min(height - size.y - 2, top));
                    gc.setForeground(node.up() ? display.getSystemColor(SWT.COLOR_BLACK) : down);
                    gc.drawText(label.trim(), x, y, SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
                }
            }
            gc.setBackground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            for (ControllerShape controller : layout.controllers()) {
                int s = (int) controller.size();
                gc.fillRectangle((int) controller.x() - s / 2, (int) controller.y() - s / 2, s, s);
            }
        } finally {
            small.dispose();
        }
    }

    private void clicked(Event event) {
        if (layout == null || event.button != 1 || cluster == null) {
            return;
        }
        LinkShape link = layout.linkAt(event.x, event.y);
        if (link != null) {
            toggle(link);
        }
    }

    /** Takes the link down if it is up (once the user confirms), else brings it up. */
    public void toggle(LinkShape link) {
        Fault fault = new Fault.SetLink(link.link().nodeA(), link.link().controllerA(), link.link().nodeB(), link.link().controllerB(),
                !link.up());
        FaultActions.inject(getSite().getShell(), cluster, fault, FAULT_SOURCE, this::refreshNow);
    }

    private void hover(Event event) {
        if (layout == null) {
            return;
        }
        NodeShape node = layout.nodeAt(event.x, event.y);
        LinkShape link = node == null ? layout.linkAt(event.x, event.y) : null;
        String tip = tip(node, link);
        if (tip == null ? canvas.getToolTipText() != null : !tip.equals(canvas.getToolTipText())) {
            canvas.setToolTipText(tip);
        }
        canvas.setCursor(link != null && cluster != null ? canvas.getDisplay().getSystemCursor(SWT.CURSOR_HAND) : null);
    }

    /** What hovering {@code node} or else {@code link} (either may be null) says. */
    private String tip(NodeShape node, LinkShape link) {
        if (node != null) {
            return design != null ? "node " + node.label() // a file exports nothing yet
                    : "node " + node.label() + (node.up() ? " up" : " DOWN") + ", " + node.exports() + " segments ("
                            + node.published() + " published)";
        }
        if (link == null) {
            return null;
        }
        return design != null
                ? "link " + link.label() + (link.up() ? " starts up" : " starts DOWN") + " (its Up property in the cluster editor)"
                : "link " + link.label() + (link.up() ? " up: click to take it down" : " DOWN: click to bring it up");
    }

    private void refreshNow() {
        if (canvas.isDisposed() || cluster == null) {
            return; // closed, or showing no cluster any more, since the fault was given
        }
        try {
            state = cluster.watched().state();
        } catch (IllegalStateException e) {
            return; // stopped: the monitor drops it
        }
        updateTitle();
        canvas.redraw();
        RsmUiPlugin.getDefault().monitor().wake();
    }

    /** Draws the current picture into a PNG file. */
    public void exportPng(Path file) {
        Rectangle area = canvas.getClientArea();
        int width = Math.max(400, area.width);
        int height = Math.max(300, area.height);
        Image image = new Image(canvas.getDisplay(), width, height);
        GC gc = new GC(image);
        try {
            relayout(width, height);
            paint(gc, width, height);
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
            canvas.redraw();
        }
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part != this && (part == design || Adapters.adapt(part, ClusterSpec.class) != null)) {
            showDesign(part); // the file drawn, again: it may have errors now
            return;
        }
        if (!(selection instanceof IStructuredSelection structured)) {
            return;
        }
        Object first = structured.getFirstElement();
        RunningCluster chosen = switch (first) {
            case ClusterTree.ClusterItem c -> c.cluster();
            case ClusterTree.NodeItem n -> n.cluster();
            case ClusterTree.ExportItem e -> e.cluster();
            case ClusterTree.ImportItem i -> i.cluster();
            case SegmentRef r -> r.cluster();
            case null, default -> null;
        };
        if (chosen != null && chosen != cluster && RunningClusters.getDefault().clusters().contains(chosen)) {
            showCluster(chosen);
        }
    }

    /** Draws {@code chosen}, a running cluster, as the monitor last saw it (or as it is now). */
    private void showCluster(RunningCluster chosen) {
        leaveDesign();
        cluster = chosen;
        spec = chosen.watched().spec();
        ClusterPoller.Update update = RsmUiPlugin.getDefault().monitor().latest();
        state = update == null ? null : update.states().get(chosen);
        if (state == null) {
            try {
                state = chosen.watched().state();
            } catch (IllegalStateException e) {
                cluster = null; // stopped
            }
        }
        updateTitle();
        canvas.redraw();
    }

    /** Draws the cluster file of {@code editor} as it starts, and again at each change, until another choice. */
    private void showDesign(IWorkbenchPart editor) {
        if (editor != design) {
            leaveDesign();
            design = editor;
            editor.addPropertyListener(designChanged);
            cluster = null;
        }
        readDesign();
    }

    private void readDesign() {
        if (canvas.isDisposed() || design == null) {
            return;
        }
        spec = Adapters.adapt(design, ClusterSpec.class);
        state = spec == null ? null : Adapters.adapt(design, ClusterState.class);
        updateTitle();
        canvas.redraw();
    }

    private void showLaunched(RunningCluster launched) {
        if (canvas.isDisposed() || design == null || !RunningClusters.getDefault().clusters().contains(launched)) {
            return;
        }
        showCluster(launched);
    }

    private void leaveDesign() {
        if (design != null) {
            design.removePropertyListener(designChanged);
            design = null;
            spec = null;
            state = null;
        }
    }

    @Override
    public void clustersChanged(ClusterPoller.Update update) {
        if (canvas.isDisposed()) {
            return;
        }
        if (design != null) {
            return; // until another choice, or a launch
        }
        RunningCluster shown = cluster;
        if (cluster == null || !update.states().containsKey(cluster)) {
            cluster = update.states().isEmpty() ? null : update.states().keySet().iterator().next();
        }
        spec = cluster == null ? null : cluster.watched().spec();
        ClusterState fresh = cluster == null ? null : update.states().get(cluster);
        if (cluster != shown || fresh != state) {
            state = fresh;
            updateTitle();
            canvas.redraw();
        }
    }

    private void updateTitle() {
        if (title.isDisposed()) {
            return;
        }
        if (state == null) {
            title.setText(design != null ? " " + design.getTitle() + ": cannot be drawn" : " No cluster");
            return;
        }
        long linksDown = state.links().stream().filter(l -> !l.up()).count();
        long nodesDown = state.nodes().stream().filter(n -> !n.up()).count();
        if (design != null) {
            title.setText(" " + design.getTitle() + " as it starts: " + state.nodes().size() + " nodes, " + state.links().size()
                    + " links (" + linksDown + " down). Run it to see it live.");
            return;
        }
        title.setText(" " + cluster.label() + ": " + state.nodes().size() + " nodes (" + nodesDown + " down), "
                + state.links().size() + " links (" + linksDown + " down). Click a link to take it down or up.");
    }

    public TopologyLayout layout() {
        Rectangle area = canvas.getClientArea();
        relayout(area.width, area.height);
        return layout;
    }

    public Canvas canvas() {
        return canvas;
    }

    public RunningCluster cluster() {
        return cluster;
    }

    /** The editor whose cluster file is drawn, or null. */
    public IWorkbenchPart design() {
        return design;
    }

    public String title() {
        return title.getText();
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(selectionListener);
        getSite().getPage().removePartListener(designClosed);
        RunningClusters.getDefault().removeListener(launches);
        leaveDesign();
        RsmUiPlugin.getDefault().monitor().removeListener(this);
        super.dispose();
    }
}
