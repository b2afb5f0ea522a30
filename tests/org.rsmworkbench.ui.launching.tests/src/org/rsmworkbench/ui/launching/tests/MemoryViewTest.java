package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.debug.ui.memory.IMemoryRendering;
import org.eclipse.debug.ui.memory.IMemoryRenderingContainer;
import org.eclipse.debug.ui.memory.IMemoryRenderingSite;
import org.eclipse.debug.ui.memory.IMemoryRenderingType;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.debug.ClusterDebugTarget;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * The Memory view on a debug launch, as a user gets there: a program exports a segment on node 1 of a
 * debugged cluster; the cluster's target is selected in the Debug view; "Add Memory Monitor" in the Memory
 * view with {@code 1:0x401234}; the hex rendering shows the segment's bytes, and a byte another node puts
 * appears by itself (the cluster never suspends: the block announces changes), marked as changed. Saves the
 * workbench window as {@code target/screenshots/memory-view.png} (or in {@code -Drsmworkbench.screenshots=DIR}).
 */
class MemoryViewTest {
    private static final int SEGMENT = 0x401234;
    private static final String EXPRESSION = "1:0x401234";
    private static final String HEX_RENDERING = "org.eclipse.debug.ui.rendering.raw_memory";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROGRAM = """
            package demo;

            import java.lang.foreign.MemorySegment;
            import java.lang.foreign.ValueLayout;
            import java.util.List;

            import org.rsmworkbench.rsmapi.AccessEntry;
            import org.rsmworkbench.rsmapi.Rsm;
            import org.rsmworkbench.rsmapi.RsmLibrary;

            /** Exports a page of known bytes (0xC0, 0xC1, ...) that node 2 may write, and keeps it until the launch ends. */
            public class Exporter {
                public static void main(String[] args) throws Exception {
                    try (RsmLibrary rsm = Rsm.open()) {
                        MemorySegment page = rsm.allocate(4096);
                        for (int i = 0; i < 4096; i++) {
                            page.set(ValueLayout.JAVA_BYTE, i, (byte) (0xC0 + i));
                        }
                        rsm.getController("emu0").createExportSegment(page, 0).publish(0x401234, List.of(new AccessEntry(2, 0666)));
                        System.out.println("RESULT published");
                        Thread.sleep(Long.MAX_VALUE);
                    }
                }
            }
            """;

    private final List<String> errorLog = new CopyOnWriteArrayList<>();
    private final ILogListener logListener = (status, plugin) -> record(status);
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private ILaunch launch;

    private void record(IStatus status) {
        if (status.getSeverity() >= IStatus.WARNING) {
            errorLog.add(status.getPlugin() + ": " + status.getMessage() + (status.getException() != null ? " " + status.getException() : ""));
        }
        for (IStatus child : status.getChildren()) {
            record(child);
        }
    }

    @BeforeEach
    void listen() {
        Platform.addLogListener(logListener);
    }

    @AfterEach
    void cleanUp() throws Exception {
        Platform.removeLogListener(logListener);
        DebugPlugin.getDefault().getMemoryBlockManager().removeMemoryBlocks(DebugPlugin.getDefault().getMemoryBlockManager().getMemoryBlocks());
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        if (launch != null) {
            if (!launch.isTerminated()) {
                launch.terminate();
            }
            Ui.waitFor(launch::isTerminated, WAIT);
            manager.removeLaunch(launch);
        }
        var project = ResourcesPlugin.getWorkspace().getRoot().getProject("memorydemo");
        if (project.exists()) {
            project.delete(true, true, null);
        }
    }

    @Test
    void theMemoryViewShowsASegmentOfTheDebuggedClusterAndABytePutByAnotherNode() throws Exception {
        IJavaProject project = Ui.javaProject("memorydemo", Map.of("demo/Exporter.java", PROGRAM));
        assertEquals(List.of(), Ui.errors(project.getProject()));
        ILaunchConfigurationWorkingCopy config = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(RsmLaunching.LAUNCH_CONFIGURATION_TYPE).newInstance(null, "memorydemo");
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "memorydemo");
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, "demo.Exporter");
        config.setAttribute(RsmLaunching.ATTR_NODE_COUNT, 2);
        config.setAttribute(RsmLaunching.ATTR_ON_NODES, "1");
        // launched off the UI thread, as the debug UI does, while this thread keeps dispatching
        CompletableFuture<ILaunch> launching = CompletableFuture.supplyAsync(() -> {
            try {
                return config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(Ui.waitFor(launching::isDone, WAIT), "the debug launch starts");
        launch = launching.get();
        ClusterDebugTarget target = Arrays.stream(launch.getDebugTargets()).filter(ClusterDebugTarget.class::isInstance)
                .map(ClusterDebugTarget.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("a debug launch holds the cluster's target: " + Arrays.toString(launch.getDebugTargets())));
        assertTrue(Ui.waitFor(() -> published(target), WAIT), () -> "node 1 publishes the segment; " + describe(launch));

        // the Debug perspective, as a debug launch offers, with the Memory view
        PlatformUI.getWorkbench().showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE, PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        window.setBounds(window.getDisplay().getPrimaryMonitor().getClientArea()); // no window manager to maximize it
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IDebugView debugView = (IDebugView) page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
        IViewPart memoryView = page.showView(IDebugUIConstants.ID_MEMORY_VIEW);
        page.activate(debugView);
        select(debugView.getViewer(), target);

        // "Add Memory Monitor" in the Memory view's tool bar, then the expression in its dialog
        page.activate(memoryView);
        ToolItem add = toolItem(memoryView, "Add Memory Monitor");
        assertTrue(Ui.waitFor(add::isEnabled, WAIT), "Add Memory Monitor is enabled for the cluster's target");
        watchDialogs(EXPRESSION);
        add.notifyListeners(SWT.Selection, new Event());

        try {
            addedAndShown(target, memoryView);
        } finally {
            screenshot(page.getWorkbenchWindow().getShell());
        }
        assertEquals(List.of(), errorLog.stream().filter(e -> e.startsWith("org.eclipse.debug") || e.startsWith("org.rsmworkbench")).toList(),
                "no debug UI or RSM errors in the log");
    }

    private void addedAndShown(ClusterDebugTarget target, IViewPart memoryView) throws Exception {
        IMemoryRenderingSite site = (IMemoryRenderingSite) memoryView;
        IMemoryRenderingContainer pane = site.getContainer(IDebugUIConstants.ID_RENDERING_VIEW_PANE_1);
        assertTrue(Ui.waitFor(() -> hexRendering(pane) != null || !dialogs.isEmpty(), WAIT),
                () -> "a hex rendering of " + EXPRESSION + " in the Memory view; " + state(pane));
        assertEquals(List.of(), dialogs, "no error dialog");
        assertEquals(target, DebugUITools.getDebugContext(), "the cluster's target is still the debug context");
        IMemoryRendering rendering = hexRendering(pane);
        IMemoryBlockExtension block = (IMemoryBlockExtension) rendering.getMemoryBlock();
        assertEquals(EXPRESSION, block.getExpression());
        assertEquals(target, block.getDebugTarget());

        // the first line: offset 0, 16 bytes in four columns of four
        String[] first = {"C0C1C2C3", "C4C5C6C7", "C8C9CACB", "CCCDCECF"};
        assertTrue(Ui.waitFor(() -> row(rendering, first) != null, WAIT), () -> "the rendering shows the segment's first bytes; rows: " + rows(rendering));

        // node 2 puts one byte: the Memory view follows without any action, and marks the column that changed
        try (RsmLibrary node2 = target.cluster().process(2, new Credentials(1000, 1000, Set.of(), 022, false))) {
            ImportSegment imported = node2.getController("emu0").connect(1, SEGMENT, Rsm.PERM_RDWR);
            imported.setMode(BarrierMode.EXPLICIT); // a put without a barrier
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment value = arena.allocate(1);
                value.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 0, (byte) 0x5A);
                imported.put(5, value);
            }
            imported.disconnect();
        }
        String[] changed = {"C0C1C2C3", "C45AC6C7", "C8C9CACB", "CCCDCECF"};
        assertTrue(Ui.waitFor(() -> row(rendering, changed) != null, WAIT), () -> "the byte put by node 2 appears; rows: " + rows(rendering));
        TableItem item = row(rendering, changed);
        assertNotEquals(item.getForeground(1), item.getForeground(2), "the column with the changed byte has the changed colour");
        assertTrue(block.getBytesFromOffset(java.math.BigInteger.valueOf(5), 1)[0].isWritable(), "node 2 may write: the byte is writable");
    }

    private static boolean published(ClusterDebugTarget target) {
        try (SegmentView view = target.cluster().view(1, SEGMENT)) {
            return view != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The launch's processes with their output, for failure messages. */
    private static String describe(ILaunch launch) {
        StringBuilder text = new StringBuilder();
        for (var process : launch.getProcesses()) {
            text.append("\n--- ").append(process.getLabel()).append(process.isTerminated() ? " (ended)" : "").append('\n');
            if (DebugUITools.getConsole(process) instanceof org.eclipse.ui.console.TextConsole console) {
                text.append(console.getDocument().get());
            }
        }
        return text.toString();
    }

    /**
     * Selects the cluster's target in the Debug view, as a click does, once the view shows every target of the
     * launch (the view selects a target itself when it first shows it), until it stays the debug context for a second.
     */
    private static void select(Viewer viewer, ClusterDebugTarget target) {
        Tree tree = (Tree) viewer.getControl();
        assertTrue(Ui.waitFor(() -> Arrays.stream(target.getLaunch().getDebugTargets()).allMatch(t -> shown(tree, t)), WAIT),
                () -> "the Debug view shows every target of the launch: " + Arrays.toString(target.getLaunch().getDebugTargets()));
        TreePath path = new TreePath(new Object[] {target.getLaunch(), target});
        long[] since = {0};
        assertTrue(Ui.waitFor(() -> {
            if (DebugUITools.getDebugContext() != target) {
                viewer.setSelection(new TreeSelection(path), true);
                since[0] = 0;
                return false;
            }
            if (since[0] == 0) {
                since[0] = System.currentTimeMillis();
            }
            return System.currentTimeMillis() - since[0] > 1000;
        }, WAIT), () -> "the cluster's target stays the debug context; it is " + DebugUITools.getDebugContext());
    }

    private static boolean shown(Tree tree, Object element) {
        List<TreeItem> items = new ArrayList<>(Arrays.asList(tree.getItems()));
        while (!items.isEmpty()) {
            TreeItem item = items.remove(items.size() - 1);
            if (item.getData() == element) {
                return true;
            }
            items.addAll(Arrays.asList(item.getItems()));
        }
        return false;
    }

    private static ToolItem toolItem(IViewPart view, String tooltip) {
        Control root = view.getSite().getShell();
        List<ToolItem> items = new ArrayList<>();
        for (Control control : Ui.all(root)) {
            if (control instanceof ToolBar bar) {
                items.addAll(Arrays.asList(bar.getItems()));
            }
        }
        return items.stream().filter(i -> i.getToolTipText() != null && i.getToolTipText().startsWith(tooltip)).findFirst()
                .orElseThrow(() -> new AssertionError("no tool item \"" + tooltip + "\" among "
                        + items.stream().map(ToolItem::getToolTipText).toList()));
    }

    /**
     * From now on: types the expression into the "Monitor Memory" dialog and presses OK; closes any other
     * dialog (an error) and records its text, so that a failure does not leave the test waiting on a modal shell.
     */
    private void watchDialogs(String expression) {
        Display display = Display.getCurrent();
        Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        Runnable[] check = new Runnable[1];
        long end = System.currentTimeMillis() + WAIT.toMillis();
        check[0] = () -> {
            for (Shell shell : display.getShells()) {
                if (shell == workbench || shell.isDisposed() || !shell.isVisible()) {
                    continue;
                }
                if (shell.getText().equals("Monitor Memory")) {
                    Combo combo = Ui.all(shell).stream().filter(Combo.class::isInstance).map(Combo.class::cast).findFirst()
                            .orElseThrow();
                    combo.setText(expression);
                    Button ok = Ui.button(shell, "OK");
                    ok.notifyListeners(SWT.Selection, new Event());
                } else {
                    dialogs.add(shell.getText() + ": " + Ui.all(shell).stream().filter(Label.class::isInstance)
                            .map(c -> ((Label) c).getText()).toList());
                    shell.close();
                }
            }
            if (System.currentTimeMillis() < end && !display.isDisposed()) {
                display.timerExec(100, check[0]);
            }
        };
        display.timerExec(100, check[0]);
    }

    private static IMemoryRendering hexRendering(IMemoryRenderingContainer pane) {
        return Arrays.stream(pane.getRenderings()).filter(r -> HEX_RENDERING.equals(r.getRenderingId())
                && r.getMemoryBlock() instanceof IMemoryBlockExtension b && EXPRESSION.equals(b.getExpression())).findFirst().orElse(null);
    }

    private String state(IMemoryRenderingContainer pane) {
        IMemoryBlock[] blocks = DebugPlugin.getDefault().getMemoryBlockManager().getMemoryBlocks();
        StringBuilder text = new StringBuilder();
        text.append("memory blocks: ").append(Arrays.toString(blocks));
        for (IMemoryBlock block : blocks) {
            IMemoryRenderingType[] types = DebugUITools.getMemoryRenderingManager().getRenderingTypes(block);
            text.append("; rendering types bound to ").append(block).append(": ")
                    .append(Arrays.stream(types).map(IMemoryRenderingType::getId).toList());
        }
        text.append("; renderings in the pane: ").append(Arrays.stream(pane.getRenderings()).map(IMemoryRendering::getRenderingId).toList());
        text.append("; dialogs: ").append(dialogs).append("; error log: ").append(errorLog);
        return text.toString();
    }

    private static Table table(IMemoryRendering rendering) {
        Control control = rendering.getControl();
        if (control == null || control.isDisposed()) {
            return null;
        }
        return Ui.all(control).stream().filter(Table.class::isInstance).map(Table.class::cast).findFirst().orElse(null);
    }

    /** The table row whose data columns read {@code cells}, or null. */
    private static TableItem row(IMemoryRendering rendering, String[] cells) {
        Table table = table(rendering);
        if (table == null) {
            return null;
        }
        for (TableItem item : table.getItems()) {
            boolean all = true;
            for (int i = 0; i < cells.length && all; i++) {
                all = cells[i].equalsIgnoreCase(item.getText(i + 1).trim());
            }
            if (all) {
                return item;
            }
        }
        return null;
    }

    private static String rows(IMemoryRendering rendering) {
        {
            Table table = table(rendering);
            if (table == null) {
                return "no table (" + rendering.getControl() + ")";
            }
            List<String> rows = new ArrayList<>();
            for (TableItem item : Arrays.copyOf(table.getItems(), Math.min(4, table.getItemCount()))) {
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < table.getColumnCount(); i++) {
                    texts.add(item.getText(i));
                }
                rows.add(String.join(" ", texts));
            }
            return table.getItemCount() + " rows, first " + rows + "; clients of the block: "
                    + Arrays.toString(((IMemoryBlockExtension) rendering.getMemoryBlock()).getConnections()) + "; rendering visible: "
                    + (rendering instanceof org.eclipse.debug.ui.memory.AbstractMemoryRendering r ? r.isVisible() : "?");
        }
    }

    /** The workbench window as DIR/memory-view.png, DIR from -Drsmworkbench.screenshots (default target/screenshots). */
    private static void screenshot(Shell shell) throws Exception {
        String dir = System.getProperty("rsmworkbench.screenshots", "target/screenshots");
        Ui.waitFor(() -> false, Duration.ofMillis(500));
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        ImageData data = image.getImageData();
        image.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        Path png = Path.of(dir).toAbsolutePath().resolve("memory-view.png");
        Files.createDirectories(png.getParent());
        loader.save(png.toString(), SWT.IMAGE_PNG);
        System.out.println("screenshot: " + png);
    }
}
