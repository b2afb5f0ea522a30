// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.permissions;

import org.rsmworkbench.ui.internal.HelpContexts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.ToolTip;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.rsmworkbench.core.clusters.ClusterPoller;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.PublishHistory;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.core.inspect.PermissionMatrix;
import org.rsmworkbench.core.inspect.PermissionMatrix.Access;
import org.rsmworkbench.core.inspect.PermissionMatrix.Cell;
import org.rsmworkbench.core.inspect.PermissionMatrix.Relation;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.ui.internal.ClusterMonitor;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.perspectives.RsmPerspective;

/** Who may connect to a segment, and why; who is connected; how its publication changed. */
public final class PermissionsView extends ViewPart implements ClusterMonitor.Listener {
    public static final String ID = RsmPerspective.PERMISSIONS_VIEW;
    /** What the detail pane says until a row is selected: where the reasons are. */
    private static final String DETAIL_HINT = "Select a row, or hover a cell, to see why a node may or may not connect "
            + "(node x relation to the creator x access).";
    /** Narrowest Read or Write column: "allowed", and the start of "denied (...)" (the rest is in the tooltip). */
    private static final int MIN_VERDICT_WIDTH = 70;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /** A row of the matrix: one node and relation, the read and write cells. */
    public record MatrixRow(int node, Relation relation, Cell read, Cell write) {
    }

    private SegmentRef ref;
    private Label header;
    private TableViewer matrix;
    private Text detail;
    private TableViewer connections;
    private TableViewer history;
    private Color allowed;
    private Color denied;
    private final ISelectionListener selectionListener = this::selectionChanged;

    @Override
    public void createPartControl(Composite parent) {
        allowed = new Color(parent.getDisplay(), 210, 245, 210);
        denied = new Color(parent.getDisplay(), 250, 215, 215);
        Composite root = new Composite(parent, SWT.NONE);
        HelpContexts.set(root, HelpContexts.PERMISSIONS_VIEW);
        root.setLayout(new GridLayout(1, false));
        header = new Label(root, SWT.WRAP);
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        header.setText("Select an exported or imported segment in the Clusters view, or open a segment inspector.");
        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // the three groups side by side in a wide, low folder (under the editor area), one above the other in a tall one
        sash.addListener(SWT.Resize, _ -> {
            Rectangle area = sash.getClientArea();
            int orientation = area.width > area.height * 3 / 2 ? SWT.HORIZONTAL : SWT.VERTICAL;
            if (sash.getOrientation() != orientation) {
                sash.setOrientation(orientation);
            }
        });

        // short titles: a frame narrower than its title clips it
        Group matrixGroup = group(sash, "Who may connect");
        SashForm matrixSash = new SashForm(matrixGroup, SWT.VERTICAL);
        matrix = new TableViewer(matrixSash, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        matrix.getTable().setHeaderVisible(true);
        matrix.getTable().setLinesVisible(true);
        matrix.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(matrix, ToolTip.NO_RECREATE);
        column(matrix, "Node", 50, r -> Integer.toString(((MatrixRow) r).node()), null);
        column(matrix, "Importer", 110, r -> ((MatrixRow) r).relation().label(), null);
        column(matrix, "Read", 150, r -> verdict(((MatrixRow) r).read()), r -> ((MatrixRow) r).read());
        column(matrix, "Write", 150, r -> verdict(((MatrixRow) r).write()), r -> ((MatrixRow) r).write());
        matrix.getTable().addListener(SWT.Resize, _ -> fitVerdictColumns());
        detail = new Text(matrixSash, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        detail.setText(DETAIL_HINT);
        matrixSash.setWeights(70, 30);
        matrix.addSelectionChangedListener(event -> {
            Object row = event.getStructuredSelection().getFirstElement();
            detail.setText(row instanceof MatrixRow m ? describe(m) : DETAIL_HINT);
        });

        Group connectionGroup = group(sash, "Current connections");
        connections = new TableViewer(connectionGroup, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        connections.getTable().setHeaderVisible(true);
        connections.getTable().setLinesVisible(true);
        connections.setContentProvider(ArrayContentProvider.getInstance());
        column(connections, "Importer", 70, c -> "node " + ((ClusterState.Connection) c).importerNode(), null);
        column(connections, "Process", 70, c -> "#" + ((ClusterState.Connection) c).importerProcess(), null);
        column(connections, "Asked", 55, c -> ClusterTree.permission(((ClusterState.Connection) c).permission()), null);
        column(connections, "Granted", 60, c -> ClusterTree.permission(((ClusterState.Connection) c).granted()), null);
        column(connections, "Mapped", 60, c -> ((ClusterState.Connection) c).mapped() ? "yes" : "no", null);
        column(connections, "Barrier", 70, c -> ((ClusterState.Connection) c).mode().name().toLowerCase(), null);
        column(connections, "State", 150,
                c -> ((ClusterState.Connection) c).aborted() ? "aborted (forced disconnect)" : "connected", null);

        Group historyGroup = group(sash, "Publish history");
        history = new TableViewer(historyGroup, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        history.getTable().setHeaderVisible(true);
        history.getTable().setLinesVisible(true);
        history.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(history, ToolTip.NO_RECREATE);
        column(history, "Time", 95, e -> TIME.format(((PublishHistory.Event) e).time()), null);
        column(history, "Event", 90, e -> ((PublishHistory.Event) e).kind().label(), null);
        column(history, "Detail", 500, e -> ((PublishHistory.Event) e).detail(), null);
        sash.setWeights(50, 20, 30);

        getSite().getPage().addSelectionListener(selectionListener);
        RsmUiPlugin.getDefault().monitor().addListener(this);
        selectionChanged(null, getSite().getPage().getSelection());
    }

    private static Group group(Composite parent, String title) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        group.setLayout(new FillLayout());
        return group;
    }

    private void column(TableViewer viewer, String title, int width, Function<Object, String> text, Function<Object, Cell> cell) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }

            @Override
            public Color getBackground(Object element) {
                if (cell == null) {
                    return null;
                }
                return cell.apply(element).allowed() ? allowed : denied;
            }

            @Override
            public String getToolTipText(Object element) {
                if (cell != null) {
                    return cell.apply(element).reason();
                }
                if (element instanceof PublishHistory.Event event) {
                    return event.describe();
                }
                return null;
            }
        });
    }

    /** Read and Write share the width the Node and Importer columns leave, so that both are always in sight. */
    private void fitVerdictColumns() {
        Table table = matrix.getTable();
        TableColumn[] columns = table.getColumns();
        int free = table.getClientArea().width - columns[0].getWidth() - columns[1].getWidth();
        int each = Math.max(MIN_VERDICT_WIDTH, free / 2);
        columns[2].setWidth(each);
        columns[3].setWidth(each);
    }

    private static String verdict(Cell cell) {
        return cell.allowed() ? "allowed" : "denied (" + cell.error() + ")";
    }

    private static String describe(MatrixRow row) {
        return "Node " + row.node() + ", importer is " + row.relation().label() + ":\n\nread: " + row.read().reason()
                + "\n\nwrite: " + row.write().reason();
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part == this || !(selection instanceof IStructuredSelection structured)) {
            return;
        }
        Object first = structured.getFirstElement();
        SegmentRef chosen = switch (first) {
            case ClusterTree.ExportItem e -> e.ref();
            case ClusterTree.ImportItem i -> i.ref();
            case SegmentRef r -> r;
            case null, default -> null;
        };
        if (chosen != null && !chosen.equals(ref)) {
            show(chosen);
        }
    }

    /** Shows that segment. */
    public void show(SegmentRef segment) {
        ref = segment;
        ClusterPoller.Update update = RsmUiPlugin.getDefault().monitor().latest();
        ClusterState state = update == null ? null : update.states().get(segment.cluster());
        if (state == null) {
            try {
                state = segment.cluster().watched().state();
            } catch (IllegalStateException e) {
                header.setText(segment + ": the cluster has stopped.");
                return;
            }
        }
        render(state);
    }

    @Override
    public void clustersChanged(ClusterPoller.Update update) {
        if (ref == null || header.isDisposed()) {
            return;
        }
        ClusterState state = update.states().get(ref.cluster());
        if (state == null) {
            header.setText(ref + ": the cluster is no longer watched.");
            return;
        }
        if (update.changedClusters().contains(ref.cluster())) {
            render(state);
        }
    }

    private void render(ClusterState state) {
        ClusterState.Segment segment = ref.find(state);
        List<PublishHistory.Event> events = RsmUiPlugin.getDefault().monitor().history(ref.cluster()).events(ref.node(),
                ref.segmentId());
        history.setInput(events.reversed());
        if (segment == null) {
            header.setText(ref + " does not exist now (unpublished and destroyed, or its node is down).");
            matrix.setInput(List.of());
            connections.setInput(List.of());
            detail.setText(DETAIL_HINT);
            header.getParent().layout(true);
            return;
        }
        header.setText(ref + " (" + ClusterTree.size(segment.size()) + ", " + segment.controller() + "): creator uid "
                + segment.creatorUid() + " gid " + segment.creatorGid() + ", mode 0" + Integer.toOctalString(segment.mode())
                + ", " + (segment.published() ? "published " + segment.publishCount() + "x, ACL " + ClusterTree.aclSummary(segment)
                        : "bound, not published") + ".");
        header.getParent().layout(true);
        PermissionMatrix permissions = PermissionMatrix.of(state, segment);
        List<MatrixRow> rows = new ArrayList<>();
        for (int node : permissions.nodes()) {
            for (Relation relation : Relation.values()) {
                rows.add(new MatrixRow(node, relation, permissions.cell(node, relation, Access.READ),
                        permissions.cell(node, relation, Access.WRITE)));
            }
        }
        Object selected = matrix.getStructuredSelection().getFirstElement();
        matrix.setInput(rows);
        fitVerdictColumns(); // the rows may have brought a vertical scroll bar, which narrows the table's client area
        if (selected instanceof MatrixRow old) {
            rows.stream().filter(r -> r.node() == old.node() && r.relation() == old.relation()).findFirst()
                    .ifPresent(r -> matrix.setSelection(new org.eclipse.jface.viewers.StructuredSelection(r)));
        }
        connections.setInput(state.connections().stream()
                .filter(c -> c.exporterNode() == ref.node() && c.segmentId() == ref.segmentId()).toList());
    }

    public SegmentRef ref() {
        return ref;
    }

    public TableViewer matrix() {
        return matrix;
    }

    public TableViewer connections() {
        return connections;
    }

    public TableViewer history() {
        return history;
    }

    public String header() {
        return header.getText();
    }

    @Override
    public void setFocus() {
        matrix.getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(selectionListener);
        RsmUiPlugin.getDefault().monitor().removeListener(this);
        super.dispose();
    }
}
