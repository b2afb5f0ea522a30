// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
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
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
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
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.JavaProjects;

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
    private final ILogListener logListener = (status, _) -> record(status);
    private final MemoryMonitors monitors = new MemoryMonitors(WAIT);
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
        if (launch != null) {
            DebugLaunches.endAndRemove(launch);
        }
        var project = ResourcesPlugin.getWorkspace().getRoot().getProject("memorydemo");
        if (project.exists()) {
            project.delete(true, true, null);
        }
    }

    @Test
    void theMemoryViewShowsASegmentOfTheDebuggedClusterAndABytePutByAnotherNode() throws Exception {
        IJavaProject project = javaProject("memorydemo", Map.of("demo/Exporter.java", PROGRAM));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
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
        assertTrue(waitFor(launching::isDone, WAIT), "the debug launch starts");
        launch = launching.get();
        ClusterDebugTarget target = Arrays.stream(launch.getDebugTargets()).filter(ClusterDebugTarget.class::isInstance)
                .map(ClusterDebugTarget.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("a debug launch holds the cluster's target: " + Arrays.toString(launch.getDebugTargets())));
        assertTrue(waitFor(() -> published(target), WAIT), () -> "node 1 publishes the segment; " + describe(launch));

        // the Debug perspective, as a debug launch offers, with the Memory view
        PlatformUI.getWorkbench().showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE, PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        window.setBounds(window.getDisplay().getPrimaryMonitor().getClientArea()); // no window manager to maximize it
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IDebugView debugView = (IDebugView) page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
        IViewPart memoryView = page.showView(IDebugUIConstants.ID_MEMORY_VIEW);
        page.activate(debugView);
        monitors.select(debugView.getViewer(), target);

        // "Add Memory Monitor" in the Memory view's tool bar, then the expression in its dialog
        monitors.add(memoryView, EXPRESSION);

        try {
            addedAndShown(target, memoryView);
        } finally {
            System.out.println("screenshot: " + Ui.screenshot(page.getWorkbenchWindow().getShell(), "memory-view"));
        }
        assertEquals(List.of(), errorLog.stream().filter(e -> e.startsWith("org.eclipse.debug") || e.startsWith("org.rsmworkbench")).toList(),
                "no debug UI or RSM errors in the log");
    }

    private void addedAndShown(ClusterDebugTarget target, IViewPart memoryView) throws Exception {
        IMemoryRenderingSite site = (IMemoryRenderingSite) memoryView;
        IMemoryRenderingContainer pane = site.getContainer(IDebugUIConstants.ID_RENDERING_VIEW_PANE_1);
        assertTrue(waitFor(() -> MemoryMonitors.hexRendering(pane, EXPRESSION) != null || !monitors.dialogs().isEmpty(), WAIT),
                () -> "a hex rendering of " + EXPRESSION + " in the Memory view; " + state(pane));
        assertEquals(List.of(), monitors.dialogs(), "no error dialog");
        assertEquals(target, DebugUITools.getDebugContext(), "the cluster's target is still the debug context");
        IMemoryRendering rendering = MemoryMonitors.hexRendering(pane, EXPRESSION);
        IMemoryBlockExtension block = (IMemoryBlockExtension) rendering.getMemoryBlock();
        assertEquals(EXPRESSION, block.getExpression());
        assertEquals(target, block.getDebugTarget());

        // the first line: offset 0, 16 bytes in four columns of four
        String[] first = {"C0C1C2C3", "C4C5C6C7", "C8C9CACB", "CCCDCECF"};
        assertTrue(waitFor(() -> MemoryMonitors.row(rendering, first) != null, WAIT),
                () -> "the rendering shows the segment's first bytes; rows: " + MemoryMonitors.rows(rendering));

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
        assertTrue(waitFor(() -> MemoryMonitors.row(rendering, changed) != null, WAIT),
                () -> "the byte put by node 2 appears; rows: " + MemoryMonitors.rows(rendering));
        TableItem item = MemoryMonitors.row(rendering, changed);
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
        text.append("; dialogs: ").append(monitors.dialogs()).append("; error log: ").append(errorLog);
        return text.toString();
    }
}
