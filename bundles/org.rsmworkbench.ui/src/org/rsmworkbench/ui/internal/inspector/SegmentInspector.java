// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.EditorPart;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.core.inspect.ChangeList;
import org.rsmworkbench.core.inspect.ColumnWidths;
import org.rsmworkbench.core.inspect.ItemWindow;
import org.rsmworkbench.core.inspect.Offsets;
import org.rsmworkbench.core.inspect.PermissionMatrix;
import org.rsmworkbench.core.inspect.Progress;
import org.rsmworkbench.core.inspect.RangeTransfer;
import org.rsmworkbench.core.inspect.RefreshStats;
import org.rsmworkbench.core.inspect.RowChangeTracker;
import org.rsmworkbench.core.inspect.RowColumns;
import org.rsmworkbench.core.inspect.Search;
import org.rsmworkbench.core.inspect.SegmentRows;
import org.rsmworkbench.core.inspect.SegmentWriter;
import org.rsmworkbench.core.inspect.Snapshot;
import org.rsmworkbench.core.trace.RecordedSegment;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.RemoteSegmentView;
import org.rsmworkbench.emulator.RemoteSegments;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.ui.internal.HelpContexts;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.preferences.Preferences;

/**
 * Shows a segment's memory live: offset, hex, ASCII and typed columns in a virtual table. Only the
 * visible rows are read: a background job reads them at the refresh rate (default 10 Hz) and posts
 * the rows whose bytes or highlight changed; the UI thread only replaces those items.
 * <p>
 * GTK keeps a list-store row per table item, so the table holds a window of at most
 * {@link #WINDOW_ROWS} rows of the segment; the slider at the right spans the whole segment, and the
 * window follows when the table is scrolled near its ends or the user goes to an offset.
 * <p>
 * Its input is a segment of a running cluster ({@link SegmentEditorInput}: live, editable, and at an instant of its run's
 * recording on request) or a segment known only from a recording ({@link RecordedSegmentInput}: read-only, at an
 * instant); the {@link InstantMode} shows the instants.
 * <p>
 * A segment of a distributed cluster ({@link RemoteSegments}) is a copy that the refresh job reads over the cluster's data
 * path (the jobs that scan the segment read all of it first); it takes edits only as a node and credentials the user
 * stated (Write as...) and the segment's ACL lets write, checked as a connect would be, and writes in a job.
 */
public final class SegmentInspector extends EditorPart {
    public static final String ID = "org.rsmworkbench.ui.segmentInspector";
    /** Table items in the window (1 MiB at 16 bytes per row). */
    public static final int WINDOW_ROWS = 1 << 16;
    private static final int DIFF_LIMIT = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The segment of a running cluster, or null when the input is a segment of a recording only. */
    private SegmentRef ref;
    /** "node 1 segment 0x400100", and the recording's name for a segment of a recording only. */
    private String description;
    /** What the table shows: {@link #liveView}, or the segment at an instant of a recording. */
    private SegmentView view;
    /** The segment as it is now, or null for a segment of a recording only. */
    private SegmentView liveView;
    private InstantMode instantMode;
    private volatile SegmentRows rows;
    private volatile int bytesPerRow;
    /** Bytes per row follow the table's width (the default): as many as fit with the typed columns in sight. */
    private boolean bytesPerRowFitsWidth;
    private Combo perRowCombo;
    private volatile Preferences.Choice format;
    private final ItemWindow window = new ItemWindow(WINDOW_ROWS);
    private TableViewer viewer;
    private Table table;
    private Slider slider;
    private CLabel message;
    private Label status;
    private Label writerLabel;
    private SashForm tableAndDiff;
    private Composite tableArea;
    private org.eclipse.swt.widgets.List diffList;
    private Text goTo;
    private Combo searchKind;
    private Text searchText;
    private Button pauseButton;
    private Spinner rateSpinner;

    private int writerNode;
    private Credentials writerCredentials;
    /** The live view when it is a copy read over a network (a segment of a distributed cluster), else null. */
    private RemoteSegmentView remote;
    /** Why edits are refused now (a remote segment without a writer its ACL lets write), or null. */
    private volatile String writeRefusal;
    /** Counts the writers chosen: a check finished after a newer choice is dropped. */
    private int writerChoices;
    /** Why the last read over the network failed, or null. */
    private volatile String readProblem;
    private SegmentWriter writer;
    private final IUndoContext undoContext = new ObjectUndoContext(this, "Segment Inspector");
    private UndoRedoActionGroup undoGroup;

    private Snapshot snapshot;
    private ChangeList diff = ChangeList.NONE;

    private volatile boolean paused;
    private volatile boolean disposed;
    private volatile int rateHz = 10;
    private volatile long visibleTop;
    private volatile int visibleCount = 40;
    private Job refreshJob;
    private RowChangeTracker changes;
    private final RefreshStats stats = new RefreshStats();

    private RowColumns columns;
    private RowLabelProvider labels;
    private static final int[] BYTES_PER_ROW_CHOICES = {8, 16, 32, 64};
    private static final String FIT_LABEL = "Fit";
    /** The button that picks who writes edits, named by the remedies of refused writes. */
    private static final String WRITE_AS = "Write as...";

    private Color[] fadeColors = new Color[0];
    private Color diffColor;

    /** Opens (or activates) the inspector of that segment. */
    public static SegmentInspector open(IWorkbenchPage page, SegmentRef ref) {
        try {
            return (SegmentInspector) page.openEditor(new SegmentEditorInput(ref), ID);
        } catch (PartInitException e) {
            org.eclipse.jface.dialogs.ErrorDialog.openError(page.getWorkbenchWindow().getShell(), "Segment Inspector",
                    "Cannot inspect " + ref.describe() + ".", e.getStatus());
            return null;
        }
    }

    /** Opens (or activates) the read-only inspector of a segment of a recording, showing it at {@code input}'s instant. */
    public static SegmentInspector open(IWorkbenchPage page, RecordedSegmentInput input) throws PartInitException {
        SegmentInspector inspector = (SegmentInspector) page.openEditor(input, ID);
        if (inspector.instant() != input.first()) {
            inspector.instantMode.show(input.segment(), input.first()); // it was open already, at another instant
        }
        return inspector;
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (input instanceof SegmentEditorInput segmentInput) {
            ref = segmentInput.ref();
            description = ref.describe();
            view = openLive(ref);
            liveView = view;
            if (view == null) {
                throw new PartInitException(ref.describe() + " does not exist (any more) in " + ref.cluster().label()
                        + ": it was destroyed, unpublished and destroyed, or its node went down");
            }
            remote = view instanceof RemoteSegmentView remoteView ? remoteView : null;
            instantMode = new InstantMode(this, InstantMode.segmentName(ref.node(), ref.segmentId()),
                    () -> ref.cluster().recording().orElse(null), liveView);
        } else if (input instanceof RecordedSegmentInput recordedInput) {
            TraceEvent event = recordedInput.first().event();
            description = "node " + event.segmentNode() + " segment " + ClusterTree.hex(event.segmentId()) + " of the recording "
                    + recordedInput.recordingName();
            view = new InstantView(event.segmentNode(), event.segmentId(), new byte[0]); // until the first instant is shown
            instantMode = new InstantMode(this, recordedInput.segment().segment(), recordedInput::folder, null);
        } else {
            throw new PartInitException("The segment inspector opens segments of a running cluster or of a recording, not "
                    + input.getName());
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
        IPreferenceStore store = RsmUiPlugin.getDefault().getPreferenceStore();
        rateHz = Math.max(1, store.getInt(Preferences.INSPECTOR_REFRESH_RATE));
        bytesPerRowFitsWidth = store.getInt(Preferences.BYTES_PER_ROW) == Preferences.FIT_BYTES_PER_ROW;
        bytesPerRow = bytesPerRowFitsWidth ? BYTES_PER_ROW_CHOICES[0] : Math.max(8, store.getInt(Preferences.BYTES_PER_ROW));
        format = Preferences.format(store.getString(Preferences.DEFAULT_FORMAT));
        rows = new SegmentRows(view, bytesPerRow);
        if (ref != null) {
            initWriter();
        }
        site.setSelectionProvider(new ISelectionProvider() {
            @Override
            public void addSelectionChangedListener(ISelectionChangedListener listener) {
            }

            @Override
            public ISelection getSelection() {
                return ref == null ? StructuredSelection.EMPTY : new StructuredSelection(ref);
            }

            @Override
            public void removeSelectionChangedListener(ISelectionChangedListener listener) {
            }

            @Override
            public void setSelection(ISelection selection) {
            }
        });
    }

    /**
     * The segment's view: mapped for a cluster in a directory, a copy read over the data path for a distributed one; null
     * when the segment is not there.
     */
    private static SegmentView openLive(SegmentRef ref) throws PartInitException {
        RunningCluster cluster = ref.cluster();
        if (cluster.local().isPresent()) {
            return cluster.local().get().view(ref.node(), ref.segmentId());
        }
        if (cluster.watched() instanceof RemoteSegments segments) {
            try {
                return segments.view(ref.node(), ref.segmentId());
            } catch (IOException e) {
                throw new PartInitException("Cannot read " + ref.describe() + " of " + cluster.label() + ": " + e.getMessage());
            }
        }
        throw new PartInitException(ref.describe() + " of " + cluster.label() + " (at " + cluster.location()
                + ") is in a cluster whose segments the Segment Inspector cannot read");
    }

    /**
     * The process that writes edits at first: the creator's credentials, on a node the segment's ACL lets write. For a
     * remote segment only a proposal for Write as...: edits wait until the user states a writer.
     */
    private void initWriter() {
        ClusterState state = ref.cluster().watched().state();
        ClusterState.Segment segment = ref.find(state);
        writerNode = ref.node();
        writerCredentials = segment == null ? new Credentials(0, 0, Set.of(), 022, false)
                : new Credentials(segment.creatorUid(), segment.creatorGid(), Set.of(), 022, false);
        if (segment != null) {
            // a process the ACL lets write, so that a first edit succeeds (the creator's own node is often not in it)
            PermissionMatrix.of(state, segment).firstWriter().ifPresent(cell -> {
                writerNode = cell.node();
                writerCredentials = PermissionMatrix.credentialsFor(segment, cell.relation());
            });
        }
        if (remote != null) {
            writeRefusal = "Read-only: the IDE writes into a segment of a distributed cluster only as a node and credentials"
                    + " you state (Write as...) whose write the segment's ACL allows";
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        HelpContexts.set(parent, HelpContexts.SEGMENT_INSPECTOR);
        Display display = parent.getDisplay();
        IPreferenceStore store = RsmUiPlugin.getDefault().getPreferenceStore();
        RGB changed = PreferenceConverter.getColor(store, Preferences.CHANGED_COLOR);
        int fade = Math.max(1, store.getInt(Preferences.FADE_REFRESHES));
        RGB background = display.getSystemColor(SWT.COLOR_LIST_BACKGROUND).getRGB();
        fadeColors = new Color[fade];
        for (int i = 0; i < fade; i++) {
            double t = (double) i / fade;
            fadeColors[i] = new Color(display, blend(changed.red, background.red, t), blend(changed.green, background.green, t),
                    blend(changed.blue, background.blue, t));
        }
        diffColor = new Color(display, 170, 200, 255);
        changes = new RowChangeTracker(fade);

        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        message = new CLabel(root, SWT.NONE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        createToolbar(root);
        instantMode.createBar(root);

        tableAndDiff = new SashForm(root, SWT.HORIZONTAL);
        tableAndDiff.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tableArea = new Composite(tableAndDiff, SWT.NONE);
        GridLayout tableLayout = new GridLayout(2, false);
        tableLayout.marginWidth = 0;
        tableLayout.marginHeight = 0;
        tableLayout.horizontalSpacing = 0;
        tableArea.setLayout(tableLayout);
        viewer = new TableViewer(tableArea, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        table = viewer.getTable();
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setFont(JFaceResources.getTextFont());
        slider = new Slider(tableArea, SWT.VERTICAL);
        slider.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        slider.addListener(SWT.Selection, _ -> goToRow((long) slider.getSelection() * window.sliderScale(), false));
        viewer.setUseHashlookup(false);
        viewer.setContentProvider(new ILazyContentProvider() {
            @Override
            public void updateElement(int index) {
                SegmentRows.Row row = readRow(window.base() + index);
                if (row != null) {
                    viewer.replace(row, index);
                }
            }
        });
        createColumns();
        table.getVerticalBar().addListener(SWT.Selection, _ -> scrolled());
        table.addListener(SWT.Resize, _ -> {
            scrolled();
            fitBytesPerRow();
        });
        table.addListener(SWT.MouseWheel, _ -> display.asyncExec(this::scrolled));
        table.addListener(SWT.KeyUp, _ -> scrolled());

        Composite side = new Composite(tableAndDiff, SWT.NONE);
        side.setLayout(new GridLayout(1, false));
        new Label(side, SWT.NONE).setText("Changes since the snapshot:");
        diffList = new org.eclipse.swt.widgets.List(side, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        diffList.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        diffList.setFont(JFaceResources.getTextFont());
        diffList.addListener(SWT.Selection, _ -> {
            int i = diffList.getSelectionIndex();
            if (i >= 0 && i < diff.ranges().size()) {
                goToOffset(diff.ranges().get(i).offset(), true);
            }
        });
        tableAndDiff.setWeights(82, 18);
        // the list of changes takes room from the table only once there are changes to list
        tableAndDiff.setMaximizedControl(tableArea);

        status = new Label(root, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        setItemWindow(0);
        undoGroup = new UndoRedoActionGroup(getSite(), undoContext, true);
        undoGroup.fillActionBars(getEditorSite().getActionBars());
        instantMode.follow(table, getSite().getPage());
        if (ref == null) {
            RecordedSegmentInput input = (RecordedSegmentInput) getEditorInput();
            instantMode.show(input.segment(), input.first());
            return; // a recording does not change: no refresh
        }
        updateWriterLabel();
        if (remote == null) {
            info("Live view of " + ref.describe() + " (" + ClusterTree.size(view.size()) + ") of " + ref.cluster().label()
                    + ". Select a row, then click a byte or value in it to edit it.");
        } else {
            info("Live view of " + ref.describe() + " (" + ClusterTree.size(view.size()) + ") of " + ref.cluster().label()
                    + ", read from its exporter through the cluster's data path. " + writeRefusal + ".");
        }

        refreshJob = new Job("Refreshing " + getPartName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                if (disposed) {
                    return Status.OK_STATUS;
                }
                if (!paused) {
                    refreshOnce();
                }
                if (!disposed && !monitor.isCanceled()) {
                    schedule(1000L / Math.max(1, rateHz));
                }
                return Status.OK_STATUS;
            }
        };
        refreshJob.setSystem(true);
        refreshJob.schedule(1000L / rateHz);
    }

    private static int blend(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private void createToolbar(Composite root) {
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.center = true;
        layout.wrap = true;
        bar.setLayout(layout);

        new Label(bar, SWT.NONE).setText("Go to:");
        goTo = new Text(bar, SWT.BORDER | SWT.SEARCH);
        goTo.setMessage("0x offset");
        goTo.setLayoutData(new org.eclipse.swt.layout.RowData(90, SWT.DEFAULT));
        goTo.addListener(SWT.DefaultSelection, _ -> {
            try {
                goToOffset(Offsets.parse(goTo.getText()), true);
            } catch (IllegalArgumentException ex) {
                error(ex.getMessage());
            }
        });

        new Label(bar, SWT.NONE).setText("Bytes/row:");
        perRowCombo = new Combo(bar, SWT.READ_ONLY);
        perRowCombo.add(FIT_LABEL);
        for (int c : BYTES_PER_ROW_CHOICES) {
            perRowCombo.add(Integer.toString(c));
        }
        showBytesPerRowChoice();
        perRowCombo.addListener(SWT.Selection, _ -> {
            int index = perRowCombo.getSelectionIndex();
            if (index == 0) {
                bytesPerRowFitsWidth = true;
                fitBytesPerRow();
            } else {
                setBytesPerRow(BYTES_PER_ROW_CHOICES[index - 1]);
            }
        });

        new Label(bar, SWT.NONE).setText("Values:");
        Combo formats = new Combo(bar, SWT.READ_ONLY);
        List<Preferences.Choice> all = Preferences.formats();
        all.forEach(c -> formats.add(c.label()));
        formats.select(all.indexOf(format));
        formats.addListener(SWT.Selection, _ -> setFormat(all.get(formats.getSelectionIndex())));

        if (ref != null) { // a recording neither changes nor takes edits
            new Label(bar, SWT.NONE).setText("Refresh/s:");
            rateSpinner = new Spinner(bar, SWT.BORDER);
            rateSpinner.setValues(rateHz, 1, 60, 0, 1, 5);
            rateSpinner.addListener(SWT.Selection, _ -> rateHz = rateSpinner.getSelection());
            pauseButton = new Button(bar, SWT.TOGGLE);
            pauseButton.setText("Pause");
            pauseButton.addListener(SWT.Selection, _ -> setPaused(pauseButton.getSelection()));
        }

        button(bar, "Snapshot", "Copy the segment now, to diff against later", this::takeSnapshot);
        button(bar, "Diff", "Compare the segment with the snapshot", this::runDiff);
        button(bar, "< Prev", "Previous change since the snapshot", () -> nextChange(false));
        button(bar, "Next >", "Next change since the snapshot", () -> nextChange(true));

        searchKind = new Combo(bar, SWT.READ_ONLY);
        searchKind.setItems("Hex bytes", "Text", "Value");
        searchKind.select(0);
        searchText = new Text(bar, SWT.BORDER | SWT.SEARCH);
        searchText.setMessage("de ad be ef");
        searchText.setLayoutData(new org.eclipse.swt.layout.RowData(110, SWT.DEFAULT));
        searchText.addListener(SWT.DefaultSelection, _ -> find());
        button(bar, "Find", "Find the next occurrence after the selected row (a Job; cancel it in the Progress view)",
                this::find);
        button(bar, "Export...", "Save a range to a file (raw or hex dump)", this::exportRange);
        if (ref != null) {
            button(bar, "Import...", "Write a file into the segment", this::importRange);
            writerLabel = new Label(bar, SWT.NONE);
            button(bar, WRITE_AS, "Pick the node and credentials of the process that writes edits", this::chooseCredentials);
        }
    }

    static Button button(Composite bar, String text, String tip, Runnable action) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tip);
        button.addListener(SWT.Selection, _ -> action.run());
        return button;
    }

    // --- columns and labels ---------------------------------------------------------------------

    /** How many bytes a row shows now (the hex columns 1 to this). */
    public int bytesPerRow() {
        return bytesPerRow;
    }

    private void createColumns() {
        for (TableColumn column : table.getColumns()) {
            column.dispose();
        }
        columns = new RowColumns(bytesPerRow, format.format());
        ColumnWidths widths = new ColumnWidths(charWidth(), format.format());
        column("Offset", widths.offset(), null);
        for (int i = 0; i < bytesPerRow; i++) {
            column(String.format("%x", i), widths.hex(), columns.field(RowColumns.byteColumn(i)));
        }
        column("ASCII", widths.ascii(bytesPerRow), null);
        int width = format.format().width();
        for (int i = 0; i < columns.valueCount(); i++) {
            column("+" + Integer.toHexString(i * width), widths.value(), columns.field(columns.firstValueColumn() + i));
        }
        // an ITableLabelProvider is spread over the columns that exist when it is set
        labels = new RowLabelProvider(columns, fadeColors, diffColor, () -> diff);
        viewer.setLabelProvider(labels);
    }

    /** With "Fit": as many bytes per row as the table shows with every column, at least the fewest offered. */
    private void fitBytesPerRow() {
        if (!bytesPerRowFitsWidth || table == null || table.isDisposed()) {
            return;
        }
        int available = table.getClientArea().width;
        if (available <= 0) {
            return;
        }
        int fitting = new ColumnWidths(charWidth(), format.format()).fittingBytesPerRow(available, BYTES_PER_ROW_CHOICES);
        if (fitting != bytesPerRow) {
            changeBytesPerRow(fitting);
        }
    }

    private int charWidth() {
        GC gc = new GC(table);
        try {
            gc.setFont(table.getFont());
            return (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth());
        } finally {
            gc.dispose();
        }
    }

    private void showBytesPerRowChoice() {
        if (perRowCombo != null && !perRowCombo.isDisposed()) {
            perRowCombo.select(bytesPerRowFitsWidth ? 0 : 1 + Arrays.stream(BYTES_PER_ROW_CHOICES).boxed().toList().indexOf(bytesPerRow));
        }
    }

    /** A column of that title and width; {@code field} is what an edit in it writes, null for none. */
    private void column(String title, int width, RowColumns.Field field) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        if (field != null) {
            // the segment at an instant of its recording is read-only
            column.setEditingSupport(new CellEditing(viewer, field, this::write, this::error,
                    () -> instantMode.readOnlyReason() == null && writeRefusal == null));
        }
    }

    // --- editing ----------------------------------------------------------------------------------

    /**
     * Writes {@code bytes} at {@code offset} as an undoable RSM put by the chosen process.
     *
     * @return whether the write was done (for a remote segment: started, in a job that shows how it went); if not, the
     *         message area says why
     */
    public boolean write(long offset, byte[] bytes) {
        String readOnly = instantMode.readOnlyReason() != null ? instantMode.readOnlyReason() : writeRefusal;
        if (readOnly != null) {
            error(readOnly);
            return false;
        }
        byte[] before = new byte[bytes.length];
        try {
            MemorySegment.copy(view.memory(), ValueLayout.JAVA_BYTE, offset, before, 0, before.length);
        } catch (RuntimeException e) {
            error("Cannot read " + description + " at 0x" + Long.toHexString(offset) + ": " + e.getMessage());
            return false;
        }
        WriteOperation operation = new WriteOperation("Write " + bytes.length + (bytes.length == 1 ? " byte" : " bytes")
                + " at 0x" + Long.toHexString(offset), undoContext, this::put, offset, before, bytes);
        IOperationHistory history = OperationHistoryFactory.getOperationHistory();
        if (remote != null) {
            // over the network: not on the UI thread
            info(operation.getLabel() + " as " + writerText() + "...");
            runJob(operation.getLabel() + " of " + description, _ -> {
                IStatus result = execute(history, operation);
                ui(() -> written(result, offset, bytes.length));
            });
            return true;
        }
        return written(execute(history, operation), offset, bytes.length);
    }

    private static IStatus execute(IOperationHistory history, WriteOperation operation) {
        try {
            return history.execute(operation, null, null);
        } catch (ExecutionException e) {
            return Status.error("failed: " + e.getMessage(), e);
        }
    }

    /** Says how the write of {@code length} bytes at {@code offset} went, and shows them. */
    private boolean written(IStatus result, long offset, int length) {
        if (!result.isOK()) {
            String remedy = result.getException() instanceof RsmException e ? SegmentWriter.remedy(e.error(), WRITE_AS) : null;
            error("Write refused: " + result.getMessage() + " (writing as " + writerText() + ")"
                    + (remedy == null ? "" : ": " + remedy));
            return false;
        }
        info("Wrote " + length + (length == 1 ? " byte" : " bytes") + " at 0x" + Long.toHexString(offset)
                + " as " + writerText() + " (Edit > Undo puts the old bytes back)");
        refreshRowsNow(offset, length);
        return true;
    }

    private void put(long offset, byte[] bytes) throws RsmException {
        if (remote != null) {
            remote.write(writerNode, writerCredentials, offset, bytes);
            return;
        }
        if (writer == null) {
            writer = SegmentWriter.open(ref.cluster().cluster(), writerNode, writerCredentials, ref.node(), ref.segmentId());
        }
        try {
            writer.write(offset, bytes);
        } catch (RsmException e) {
            // a connection aborted by a republish or a node restart: reconnect once
            writer.close();
            writer = SegmentWriter.open(ref.cluster().cluster(), writerNode, writerCredentials, ref.node(), ref.segmentId());
            writer.write(offset, bytes);
        }
    }

    private void refreshRowsNow(long offset, int length) {
        for (long row = offset / bytesPerRow; row <= (offset + length - 1) / bytesPerRow; row++) {
            int index = window.indexOf(row);
            if (index >= 0) {
                SegmentRows.Row fresh = readRow(row);
                if (fresh != null) {
                    viewer.replace(fresh, index);
                }
            }
        }
    }

    private void chooseCredentials() {
        List<Integer> nodes = ref.cluster().watched().spec().nodes().stream().map(n -> n.id()).toList();
        CredentialsDialog dialog = new CredentialsDialog(getSite().getShell(), nodes, writerNode, writerCredentials);
        if (dialog.open() == Window.OK) {
            setWriter(dialog.node(), dialog.credentials());
        }
    }

    /**
     * The process that writes edits from now on. For a remote segment, edits wait until a job has checked that its ACL
     * lets that process write; if not, the inspector stays read-only and says why.
     */
    public void setWriter(int node, Credentials credentials) {
        writerNode = node;
        writerCredentials = credentials;
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (remote != null) {
            int choice = ++writerChoices;
            String as = writerText();
            writeRefusal = "Read-only until the registry confirms that " + as + " may write";
            info(writeRefusal + "...");
            runJob("Checking that " + as + " may write " + description, _ -> {
                String refusal;
                try {
                    remote.checkWrite(node, credentials);
                    refusal = null;
                } catch (RsmException e) {
                    refusal = "Read-only as " + as + ": " + e.getMessage();
                }
                String decided = refusal;
                ui(() -> {
                    if (choice == writerChoices) {
                        writeRefusal = decided;
                        if (decided == null) {
                            info("Edits go to " + description + " as " + as + ": the segment's ACL lets it write.");
                        } else {
                            error(decided);
                        }
                    }
                });
            });
        }
        updateWriterLabel();
    }

    /** Why edits are refused now (a remote segment without a writer it lets write), or null. */
    public String writeRefusal() {
        return writeRefusal;
    }

    /** The node of the process that writes edits. */
    public int writerNode() {
        return writerNode;
    }

    /** The credentials of the process that writes edits. */
    public Credentials writerCredentials() {
        return writerCredentials;
    }

    private String writerText() {
        return "node " + writerNode + " " + writerCredentials;
    }

    private void updateWriterLabel() {
        if (writerLabel != null && !writerLabel.isDisposed()) {
            // a remote segment has no writer until the user states one
            writerLabel.setText(remote != null && writerChoices == 0 ? "Write as: nobody (read-only)" : "Write as: " + writerText());
            writerLabel.getParent().layout(true);
        }
    }

    // --- reading and live refresh -----------------------------------------------------------------

    /** Row {@code row} of the segment read now (UI thread, a few bytes), with the ages of the last refresh. */
    private SegmentRows.Row readRow(long row) {
        long offset = row * bytesPerRow;
        if (offset < 0 || offset >= view.size()) {
            return null;
        }
        int length = (int) Math.min(bytesPerRow, view.size() - offset);
        byte[] bytes = new byte[length];
        try {
            MemorySegment.copy(view.memory(), ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
        } catch (IllegalStateException e) {
            // the segment is gone: show what the last refresh saw
            SegmentRows.Row last = changes.lastPosted(offset);
            return last != null ? last : new SegmentRows.Row(offset, bytes, RowChangeTracker.neverChanged(length));
        }
        return new SegmentRows.Row(offset, bytes, changes.ages(offset, length));
    }

    /** One refresh (background thread): reads the visible rows, posts those whose look changed. */
    private void refreshOnce() {
        SegmentRows current = rows;
        long gen = changes.generation();
        if (!view.isAlive()) {
            paused = true;
            String why = view.goneReason();
            Display.getDefault().asyncExec(() -> {
                if (!disposed) {
                    error(description + " is gone (" + why + "): showing its last contents; refresh stopped.");
                    pauseButton.setSelection(true);
                }
            });
            return;
        }
        current.setVisibleRows(visibleTop, visibleCount);
        try {
            current.fetchVisible();
            readProblem(null);
        } catch (IOException e) {
            readProblem(e.getMessage());
            return;
        }
        long read;
        try {
            read = current.refresh();
        } catch (IllegalStateException e) {
            return; // gone between the check and the read: the next tick says so
        }
        stats.read(read);
        Map<Long, SegmentRows.Row> changed = changes.refreshed(gen, current.rows(), visibleTop * bytesPerRow,
                (visibleTop + visibleCount) * bytesPerRow, visibleCount);
        if (changes.post(changed)) {
            Display.getDefault().asyncExec(() -> apply(gen));
        }
    }

    /** Says once that a read over the network failed (the last contents read stay shown), and once that it works again. */
    private void readProblem(String problem) {
        if (Objects.equals(problem, readProblem)) {
            return;
        }
        readProblem = problem;
        ui(() -> {
            if (problem == null) {
                info("Reading " + description + " again.");
            } else {
                error(problem + ": showing what was read last; trying again at each refresh.");
            }
        });
    }

    /** UI thread: replaces the items of the rows that changed. */
    private void apply(long gen) {
        Map<Long, SegmentRows.Row> changed = changes.takePending();
        if (changed == null || disposed || table.isDisposed()) {
            return;
        }
        if (gen != changes.generation()) {
            // posted before the layout changed, taken after: rows of the new layout, posted since, may be among them and
            // the tracker counts them as shown. A new generation has the next refresh post every row again (a copy read
            // over a network, unlike a mapping, shows a row's new bytes only when a refresh posts them)
            changes.newGeneration();
            return;
        }
        long start = System.nanoTime();
        int replaced = 0;
        for (SegmentRows.Row row : changed.values()) {
            int index = window.indexOf(row.offset() / bytesPerRow);
            if (index >= 0 && row.bytes().length == Math.min(bytesPerRow, view.size() - row.offset())) {
                update(table.getItem(index), index, row);
                replaced++;
            }
        }
        changes.shown(changed.values());
        if (stats.updated(replaced, System.nanoTime() - start) % 10 == 1) {
            updateStatus();
        }
    }

    /**
     * Shows {@code row} in {@code item}, touching only the cells whose text or colour changed (each
     * cell set costs a native call, and a GTK list-store row change).
     */
    private void update(TableItem item, int index, SegmentRows.Row row) {
        if (!(item.getData() instanceof SegmentRows.Row old) || old.offset() != row.offset()
                || old.bytes().length != row.bytes().length) {
            viewer.replace(row, index);
            return;
        }
        byte[] before = old.bytes();
        byte[] now = row.bytes();
        boolean anyByte = false;
        for (int b = 0; b < now.length; b++) {
            int column = RowColumns.byteColumn(b);
            if (before[b] != now[b]) {
                item.setText(column, RowColumns.hex(now[b]));
                anyByte = true;
            }
            Color colour = labels.getBackground(row, column);
            if (colour != labels.getBackground(old, column)) {
                item.setBackground(column, colour);
            }
        }
        if (anyByte) {
            item.setText(columns.asciiColumn(), row.text());
        }
        int width = format.format().width();
        for (int v = 0; (v + 1) * width <= now.length; v++) {
            int column = columns.firstValueColumn() + v;
            if (!Arrays.equals(before, v * width, (v + 1) * width, now, v * width, (v + 1) * width)) {
                item.setText(column, labels.getColumnText(row, column));
            }
            Color colour = labels.getBackground(row, column);
            if (colour != labels.getBackground(old, column)) {
                item.setBackground(column, colour);
            }
        }
        item.setData(row);
    }

    private void updateStatus() {
        if (status.isDisposed()) {
            return;
        }
        RefreshStats.Figures figures = stats();
        status.setText(String.format("%s, rows 0x%x-0x%x shown; %d refreshes, last read %d bytes; UI %.2f ms average, "
                + "%.2f ms max per update%s", ClusterTree.size(view.size()), visibleTop * bytesPerRow,
                Math.min(view.size(), (visibleTop + visibleCount) * bytesPerRow), figures.refreshes(), figures.lastBytesRead(),
                figures.averageUiMillis(), figures.maxUiMillis(), paused ? " (paused)" : ""));
    }

    /** Refresh figures since the inspector opened. */
    public RefreshStats.Figures stats() {
        return stats.figures();
    }

    /** Clears the figures (a benchmark's warm-up). */
    public void resetStats() {
        stats.reset();
    }

    public void setPaused(boolean pause) {
        paused = pause;
        if (pauseButton != null && !pauseButton.isDisposed()) {
            pauseButton.setSelection(pause);
        }
        updateStatus();
    }

    public void setRefreshRate(int hz) {
        rateHz = Math.max(1, Math.min(60, hz));
        if (rateSpinner != null && !rateSpinner.isDisposed()) {
            rateSpinner.setSelection(rateHz);
        }
    }

    // --- the window of rows -----------------------------------------------------------------------

    /** Puts the table's window at {@code first} (a row of the segment). */
    private void setItemWindow(long first) {
        window.moveTo(first, rows.rowCount());
        showItemWindow();
    }

    private void showItemWindow() {
        changes.newGeneration();
        table.setItemCount(window.itemCount());
        table.clearAll();
        int scale = window.sliderScale();
        slider.setVisible(window.partial());
        ((GridData) slider.getLayoutData()).exclude = !window.partial();
        slider.setValues((int) (window.base() / scale), 0, (int) Math.max(1, window.rowCount() / scale),
                Math.max(1, visibleCount / scale), 1, Math.max(1, visibleCount / scale));
        slider.getParent().layout(true);
    }

    /** The table was scrolled or resized: note the visible rows, move the window near its ends. */
    private void scrolled() {
        if (table.isDisposed()) {
            return;
        }
        int top = table.getTopIndex();
        int itemHeight = Math.max(1, table.getItemHeight());
        int visible = Math.max(1, table.getClientArea().height / itemHeight + 1);
        visibleCount = visible;
        long absolute = window.base() + top;
        if (window.nearEnd(top, visible)) {
            window.centreOn(absolute, rows.rowCount());
            showItemWindow();
            table.setTopIndex(window.indexOf(absolute));
        }
        visibleTop = window.base() + table.getTopIndex();
        if (slider.getVisible()) {
            slider.setSelection((int) (visibleTop / window.sliderScale()));
        }
        if (refreshJob != null) {
            refreshJob.wakeUp();
        }
    }

    private void goToRow(long row, boolean select) {
        long target = window.clamp(row);
        if (window.mustMoveFor(target)) {
            window.centreOn(target, rows.rowCount());
            showItemWindow();
        }
        int index = window.indexOf(target);
        table.setTopIndex(Math.max(0, index - 2));
        if (select) {
            table.setSelection(index);
        }
        scrolled();
    }

    /** Shows (and selects) the row of {@code offset}. */
    public void goToOffset(long offset, boolean select) {
        if (offset < 0 || offset >= view.size()) {
            error("Offset 0x" + Long.toHexString(offset) + " is outside the segment (0x0 to 0x"
                    + Long.toHexString(view.size() - 1) + ")");
            return;
        }
        goToRow(offset / bytesPerRow, select);
    }

    private long selectedOffset() {
        int index = table.getSelectionIndex();
        return index >= 0 ? (window.base() + index) * bytesPerRow : visibleTop * bytesPerRow;
    }

    /** Shows that many bytes per row from now on, whatever the width (the toolbar's choice of a number). */
    public void setBytesPerRow(int perRow) {
        bytesPerRowFitsWidth = false;
        changeBytesPerRow(perRow);
    }

    private void changeBytesPerRow(int perRow) {
        long top = visibleTop * bytesPerRow;
        bytesPerRow = perRow;
        rows = new SegmentRows(view, perRow);
        changes.forgetAges();
        table.setRedraw(false);
        try {
            createColumns();
            setItemWindow(top / perRow - WINDOW_ROWS / 2);
            goToRow(top / perRow, false);
        } finally {
            table.setRedraw(true);
        }
        showBytesPerRowChoice();
    }

    public void setFormat(Preferences.Choice choice) {
        format = choice;
        table.setRedraw(false);
        try {
            createColumns();
            table.clearAll();
        } finally {
            table.setRedraw(true);
        }
        fitBytesPerRow(); // a wider format may leave room for fewer bytes
    }

    // --- snapshots, diff, search, transfer ----------------------------------------------------

    private static Progress progress(IProgressMonitor monitor, long total) {
        SubMonitor sub = SubMonitor.convert(monitor, 1000);
        long unit = Math.max(1, total / 1000);
        return new Progress() {
            private long done;

            @Override
            public void worked(long bytes) {
                long before = done / unit;
                done += bytes;
                sub.worked((int) (done / unit - before));
            }

            @Override
            public boolean isCanceled() {
                return sub.isCanceled();
            }
        };
    }

    /**
     * Runs {@code body} in a job; the inspector's message area says why it failed (public for tests).
     *
     * @return the job, scheduled
     */
    public Job runJob(String name, JobBody body) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    body.run(monitor);
                    return Status.OK_STATUS;
                } catch (CancellationException e) {
                    asyncError(name + " canceled.");
                    return Status.CANCEL_STATUS;
                } catch (IOException | RsmException | RuntimeException e) {
                    asyncError(name + " failed: " + e.getMessage());
                    return Status.OK_STATUS; // the editor says why; no second dialog
                } catch (OutOfMemoryError e) {
                    // what the body built is garbage once it has thrown (it hands results over only at its end): the
                    // heap has room again for the message, and the inspector keeps what it showed
                    asyncError(name + " failed: the segment or recording is too large for this IDE's memory ("
                            + (Runtime.getRuntime().maxMemory() >> 20) + " MB). Give the IDE more memory: " + RsmUiPlugin.MORE_HEAP + ".");
                    return Status.OK_STATUS;
                }
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** What {@link #runJob} runs. */
    public interface JobBody {
        void run(IProgressMonitor monitor) throws IOException, RsmException;
    }

    private void asyncError(String text) {
        Display.getDefault().asyncExec(() -> {
            if (!disposed) {
                error(text);
            }
        });
    }

    /** Runs {@code runnable} on the UI thread unless the inspector is closed by then. */
    void ui(Runnable runnable) {
        Display.getDefault().asyncExec(() -> {
            if (!disposed) {
                runnable.run();
            }
        });
    }

    public void takeSnapshot() {
        runJob("Snapshot of " + description, monitor -> {
            view.fetch(0, view.size());
            Snapshot taken = Snapshot.take(view, progress(monitor, view.size()));
            ui(() -> {
                if (snapshot != null) {
                    snapshot.close();
                }
                snapshot = taken;
                diff = ChangeList.NONE;
                diffList.removeAll();
                tableAndDiff.setMaximizedControl(tableArea);
                table.clearAll();
                info("Snapshot taken at " + LocalTime.now().format(TIME) + ": Diff compares the segment with it.");
            });
        });
    }

    public void runDiff() {
        Snapshot against = snapshot;
        if (against == null) {
            error("Take a snapshot first: Diff compares the segment with it.");
            return;
        }
        runJob("Diff of " + description + " against the snapshot", monitor -> {
            view.fetch(0, view.size());
            List<Snapshot.Range> ranges = against.diff(view.memory(), DIFF_LIMIT, progress(monitor, view.size()));
            ui(() -> showDiff(new ChangeList(ranges)));
        });
    }

    private void showDiff(ChangeList changed) {
        highlight(changed);
        List<Snapshot.Range> ranges = changed.ranges();
        diffList.setRedraw(false);
        diffList.removeAll();
        for (Snapshot.Range range : ranges) {
            diffList.add(String.format("0x%08x +%d", range.offset(), range.length()));
        }
        diffList.setRedraw(true);
        tableAndDiff.setMaximizedControl(null);
        info(ranges.isEmpty() ? "No change since the snapshot."
                : ranges.size() + (ranges.size() >= DIFF_LIMIT ? "+" : "") + " changed ranges (" + changed.bytes()
                        + " bytes) since the snapshot, highlighted in blue: Next > and < Prev step through them.");
        if (!ranges.isEmpty()) {
            goToOffset(ranges.get(0).offset(), true);
            diffList.select(0);
        }
    }

    /** Goes to the next (or previous) changed range after (before) the selected row. */
    public void nextChange(boolean forward) {
        if (diff.isEmpty()) {
            info("No changes listed: take a snapshot, then Diff.");
            return;
        }
        long from = selectedOffset();
        int found = forward ? diff.nextAfter(from, bytesPerRow) : diff.previousBefore(from);
        if (found < 0) {
            info(forward ? "No further change." : "No earlier change.");
            return;
        }
        diffList.select(found);
        goToOffset(diff.ranges().get(found).offset(), true);
    }

    /** Searches for the text of the search field, as hex bytes, text or a value of the current format. */
    public void find() {
        byte[] pattern;
        try {
            pattern = switch (searchKind.getSelectionIndex()) {
                case 0 -> Search.hex(searchText.getText());
                case 1 -> Search.text(searchText.getText());
                default -> format.format().parse(searchText.getText());
            };
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return;
        }
        long from = table.getSelectionIndex() >= 0 ? selectedOffset() + 1 : 0;
        String what = searchKind.getText().toLowerCase() + " \"" + searchText.getText() + "\"";
        runJob("Searching " + description + " for " + what, monitor -> {
            view.fetch(0, view.size());
            Search.Found found = Search.findWrapping(view.memory(), pattern, from, progress(monitor, view.size()));
            ui(() -> {
                if (found == null) {
                    error("Not found: " + what);
                } else {
                    goToOffset(found.offset(), true);
                    info("Found " + what + " at 0x" + Long.toHexString(found.offset())
                            + (found.wrapped() ? " (wrapped to the start)" : ""));
                }
            });
        });
    }

    public void setSearch(int kind, String text) {
        searchKind.select(kind);
        searchText.setText(text);
    }

    private void exportRange() {
        long offset = selectedOffset();
        RangeDialog dialog = new RangeDialog(getSite().getShell(), true, view.size(), offset,
                Math.min(4096, view.size() - offset));
        if (dialog.open() == Window.OK) {
            exportRange(dialog.offset(), dialog.length(), dialog.file(), dialog.hexDump());
        }
    }

    /** Saves [offset, offset+length) to the file in a job. */
    public void exportRange(long offset, long length, Path file, boolean hexDump) {
        runJob("Exporting " + length + " bytes of " + description, _ -> {
            view.fetch(offset, length);
            if (hexDump) {
                RangeTransfer.exportHexDump(view.memory(), offset, length, file);
            } else {
                RangeTransfer.exportRaw(view.memory(), offset, length, file);
            }
            ui(() -> info("Exported 0x" + Long.toHexString(offset) + " +" + length + " to " + file));
        });
    }

    private void importRange() {
        RangeDialog dialog = new RangeDialog(getSite().getShell(), false, view.size(), selectedOffset(), 0);
        if (dialog.open() == Window.OK) {
            importRange(dialog.file(), dialog.hexDump(), dialog.offset());
        }
    }

    /** Reads the file in a job, then writes it (one undoable put) on the UI thread. */
    public void importRange(Path file, boolean hexDump, long offset) {
        runJob("Reading " + file, _ -> {
            RangeTransfer.Dump read = RangeTransfer.readForImport(file, hexDump, offset, view.size());
            ui(() -> {
                if (write(read.offset(), read.bytes())) {
                    goToOffset(read.offset(), true);
                }
            });
        });
    }

    // --- messages ---------------------------------------------------------------------------------

    /** Shows an error in the message area. */
    public void error(String text) {
        message.setImage(PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_ERROR_TSK));
        message.setText(text);
        message.setToolTipText(text);
    }

    void info(String text) {
        message.setImage(PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_INFO_TSK));
        message.setText(text);
        message.setToolTipText(text);
    }

    /** The message area's text (for tests). */
    public String message() {
        return message.getText();
    }

    public TableViewer viewer() {
        return viewer;
    }

    public SegmentRef ref() {
        return ref;
    }

    public IUndoContext undoContext() {
        return undoContext;
    }

    public long base() {
        return window.base();
    }

    public List<Snapshot.Range> diff() {
        return diff.ranges();
    }

    public boolean hasSnapshot() {
        return snapshot != null;
    }

    // --- the segment at an instant of a recording (the InstantMode's side of the table) ----------------

    /** Shows the segment once that event of the recording in {@code folder} had happened (reads it in a job). */
    public void showEvent(Path folder, long pid, long sequence) {
        instantMode.showEvent(folder, pid, sequence);
    }

    /** Back to the segment as it is now (nothing for a segment of a recording only). */
    public void showLive() {
        instantMode.showLive();
    }

    /** The instant shown, or null when live. */
    public RecordedSegment.Instant instant() {
        return instantMode.instant();
    }

    /** Whether the inspector shows a segment of a running cluster (else only of a recording). */
    public boolean isLive() {
        return liveView != null;
    }

    /** What the messages call the segment: "node 1 segment 0x400100" (and the recording's name when it is all there is). */
    String describe() {
        return description;
    }

    /** Shows {@code contents} (live or at an instant) with {@code highlighted} in blue, at {@code offset} unless it is -1. */
    void showContents(SegmentView contents, ChangeList highlighted, long offset) {
        view = contents;
        rows = new SegmentRows(view, bytesPerRow);
        if (rows.rowCount() != window.rowCount()) {
            setItemWindow(0); // the first instant of a segment of a recording only: its rows replace none
        }
        highlight(highlighted);
        if (offset >= 0) {
            goToOffset(offset, true);
        }
        refreshRowsNow(visibleTop * bytesPerRow, visibleCount * bytesPerRow);
    }

    /** A segment of a recording only is named after the instant it shows. */
    void instantShown(RecordedSegment segment, RecordedSegment.Instant at) {
        if (liveView == null) {
            setPartName(segment.segment() + " at " + segment.sinceStart(at.event()) + " (recording "
                    + ((RecordedSegmentInput) getEditorInput()).recordingName() + ")");
        }
    }

    /** Highlights the rows of those ranges (the labels read {@link #diff}). */
    private void highlight(ChangeList ranges) {
        diff = ranges;
        table.clearAll();
    }

    /** The offset of the selected row, or -1 when no row is selected. */
    long selectedRowOffset() {
        return table.getSelectionIndex() >= 0 ? selectedOffset() : -1;
    }

    /** The offset of the byte under (x, y) of the table, or -1 when the point is on no byte. */
    long byteOffsetAt(int x, int y) {
        TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(x, y));
        if (item == null || !(item.getData() instanceof SegmentRows.Row row)) {
            return -1;
        }
        for (int column = 1; column <= bytesPerRow && column < table.getColumnCount(); column++) {
            if (item.getBounds(column).contains(x, y)) {
                return row.offset() + column - 1;
            }
        }
        return -1;
    }

    // --- editor boilerplate -------------------------------------------------------------------------

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isDirty() {
        return false; // edits go to the segment at once
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void dispose() {
        disposed = true;
        if (refreshJob != null) {
            refreshJob.cancel();
        }
        if (undoGroup != null) {
            undoGroup.dispose();
        }
        OperationHistoryFactory.getOperationHistory().dispose(undoContext, true, true, true);
        if (writer != null) {
            writer.close();
        }
        if (snapshot != null) {
            snapshot.close();
        }
        if (instantMode != null) { // null when init found no such segment
            instantMode.dispose(getSite().getPage());
        }
        if (liveView != null) {
            SegmentView closing = liveView;
            if (remote != null) {
                // it waits for a read over the network in progress: not on the UI thread
                Thread.ofVirtual().name("closing " + description).start(closing::close);
            } else {
                closing.close();
            }
        }
        super.dispose();
    }

}
