// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import org.rsmworkbench.tests.support.JavaProjects;

import static org.rsmworkbench.tests.support.TestUtils.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.debug.ui.memory.IMemoryRendering;
import org.eclipse.debug.ui.memory.IMemoryRenderingContainer;
import org.eclipse.debug.ui.memory.IMemoryRenderingSite;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaLineBreakpoint;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.debug.ClusterDebugTarget;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;
import org.rsmworkbench.tests.support.DebugLaunches;

/**
 * Debugging the example as the README tells it, through the debug UI: the debug launch opens the RSM Debug
 * perspective with the Clusters and Memory views; node 3 stops at a breakpoint and every other node is suspended
 * with it; the Memory view walkthrough works meanwhile (the cluster's target selected in the Debug view, Add
 * Memory Monitor with {@code 1:0x400100}: node 1's mailbox with the answers of nodes 2 to 4); Resume runs every
 * node to the end. Saves the window as {@code target/screenshots/rsm-debug.png} (or in
 * {@code -Drsmworkbench.screenshots=DIR}).
 */
class RsmDebugPerspectiveTest {
    /** The debug UI's preferences: open a launch's perspective when it starts / when it suspends. */
    private static final String SWITCH_ON_LAUNCH = "org.eclipse.debug.ui.switch_to_perspective";
    private static final String SWITCH_ON_SUSPEND = "org.eclipse.debug.ui.switch_perspective_on_suspend";
    private static final String RSM_PERSPECTIVE = "org.rsmworkbench.ui.perspective";
    private static final String RSM_DEBUG_PERSPECTIVE = "org.rsmworkbench.ui.debugPerspective";
    private static final String CLUSTERS_VIEW = "org.rsmworkbench.ui.clusterView";
    private static final String PROJECT = "rsmdebug";
    private static final String MAILBOX = "1:0x400100";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final IPreferenceStore debugUi = DebugUITools.getPreferenceStore();
    private final MemoryMonitors monitors = new MemoryMonitors(WAIT);
    private final List<IJavaThread> breakpointHits = new CopyOnWriteArrayList<>();
    private final IDebugEventSetListener recorder = events -> {
        for (DebugEvent event : events) {
            if (event.getKind() == DebugEvent.SUSPEND && event.getDetail() == DebugEvent.BREAKPOINT
                    && event.getSource() instanceof IJavaThread thread) {
                breakpointHits.add(thread);
            }
        }
    };
    private ILaunch launch;

    @BeforeEach
    void asTheProductIsSetUp() throws Exception {
        assertTrue(productDefaults().lines().anyMatch(("org.eclipse.debug.ui/" + SWITCH_ON_LAUNCH + "=always")::equals),
                "the product opens a launch's perspective when the launch starts");
        debugUi.setValue(SWITCH_ON_LAUNCH, "always");
        debugUi.setValue(SWITCH_ON_SUSPEND, "never"); // no question on a suspension: a modal dialog would stop the test
        DebugPlugin.getDefault().addDebugEventListener(recorder);
    }

    @AfterEach
    void cleanUp() throws Exception {
        DebugPlugin.getDefault().removeDebugEventListener(recorder);
        debugUi.setToDefault(SWITCH_ON_LAUNCH);
        debugUi.setToDefault(SWITCH_ON_SUSPEND);
        DebugPlugin.getDefault().getMemoryBlockManager().removeMemoryBlocks(DebugPlugin.getDefault().getMemoryBlockManager().getMemoryBlocks());
        if (launch != null) {
            DebugLaunches.endAndRemove(launch);
        }
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(), true);
        JavaProjects.deleteIfExists(PROJECT);
    }

    @Test
    void aDebugLaunchOpensTheRsmDebugPerspectiveWhereTheMemoryWalkthroughWorksWhileEveryNodeIsSuspended() throws Exception {
        var workbench = PlatformUI.getWorkbench();
        workbench.showPerspective(RSM_PERSPECTIVE, workbench.getActiveWorkbenchWindow());
        Shell window = workbench.getActiveWorkbenchWindow().getShell();
        window.setBounds(window.getDisplay().getPrimaryMonitor().getClientArea()); // no window manager to maximize it
        ILaunchConfiguration config = exampleStoppingNode3InRound3();

        DebugUITools.launch(config, ILaunchManager.DEBUG_MODE);
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        assertTrue(waitFor(() -> (launch = Arrays.stream(manager.getLaunches()).filter(l -> config.equals(l.getLaunchConfiguration()))
                .findFirst().orElse(null)) != null, WAIT), "the debug UI launches");
        IWorkbenchPage page = workbench.getActiveWorkbenchWindow().getActivePage();
        assertTrue(waitFor(() -> RSM_DEBUG_PERSPECTIVE.equals(page.getPerspective().getId()), WAIT),
                () -> "the debug launch opens the RSM Debug perspective, not " + page.getPerspective().getId());
        assertNotNull(page.findView(CLUSTERS_VIEW), "the Clusters view is in the perspective");
        IViewPart memoryView = page.findView(IDebugUIConstants.ID_MEMORY_VIEW);
        assertNotNull(memoryView, "the Memory view is in the perspective");

        assertTrue(waitFor(() -> !breakpointHits.isEmpty(), WAIT), "node 3 stops at the breakpoint");
        List<IJavaDebugTarget> others = Arrays.stream(launch.getDebugTargets()).filter(IJavaDebugTarget.class::isInstance)
                .map(IJavaDebugTarget.class::cast).filter(t -> t != breakpointHits.get(0).getDebugTarget()).toList();
        assertEquals(3, others.size());
        assertTrue(waitFor(() -> others.stream().allMatch(IDebugTarget::isSuspended), WAIT), "the other nodes are suspended with node 3");

        // the walkthrough: the cluster's target in the Debug view, then Add Memory Monitor with node 1's mailbox
        ClusterDebugTarget cluster = Arrays.stream(launch.getDebugTargets()).filter(ClusterDebugTarget.class::isInstance)
                .map(ClusterDebugTarget.class::cast).findFirst().orElseThrow();
        IDebugView debugView = (IDebugView) page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
        monitors.select(debugView.getViewer(), cluster);
        memoryView = page.showView(IDebugUIConstants.ID_MEMORY_VIEW);
        monitors.add(memoryView, MAILBOX);
        IMemoryRenderingContainer pane = ((IMemoryRenderingSite) memoryView).getContainer(IDebugUIConstants.ID_RENDERING_VIEW_PANE_1);
        assertTrue(waitFor(() -> MemoryMonitors.hexRendering(pane, MAILBOX) != null || !monitors.dialogs().isEmpty(), WAIT),
                () -> "a hex rendering of " + MAILBOX + "; dialogs " + monitors.dialogs());
        assertEquals(List.of(), monitors.dialogs(), "no error dialog");
        IMemoryRendering rendering = MemoryMonitors.hexRendering(pane, MAILBOX);
        // the 8-byte slots of nodes 2 and 3 at 0x10 and 0x18 (little endian): node 2 answered round 3 (3 + 2), node 3
        // only round 2 (2 + 3), as it stopped before its answer to round 3; node 4 answered round 2 (2 + 4) at 0x20
        String[] slots2And3 = {"05000000", "00000000", "05000000", "00000000"};
        String[] slot4 = {"06000000", "00000000", "00000000", "00000000"};
        try {
            assertTrue(waitFor(() -> MemoryMonitors.row(rendering, slots2And3) != null && MemoryMonitors.row(rendering, slot4) != null,
                    WAIT), () -> "the mailbox holds the answers; rows: " + MemoryMonitors.rows(rendering));
        } finally {
            Ui.screenshot(window, "rsm-debug");
        }

        breakpointHits.get(0).resume();
        assertTrue(waitFor(launch::isTerminated, WAIT), "Resume runs every node to the end");
        for (IProcess process : launch.getProcesses()) {
            assertEquals(0, process.getExitValue(), process.getLabel());
        }
    }

    /** The example on 4 nodes, 5 rounds, with a breakpoint where node 3 answers round 3. */
    private static ILaunchConfiguration exampleStoppingNode3InRound3() throws Exception {
        RsmProjects.Created example = RsmProjects.create(PROJECT, RsmProjects.Example.DOORBELL_PING_PONG, 4, new NullProgressMonitor());
        JavaProjects.build();
        assertEquals(List.of(), JavaProjects.errors(example.project()));
        IJavaLineBreakpoint breakpoint = JDIDebugModel.createLineBreakpoint(example.mainSource(),
                RsmProjects.Example.DOORBELL_PING_PONG.mainType(), JavaProjects.lineOf(example.mainSource(), "back.segment().put64("), -1, -1, 0, true, null);
        breakpoint.setCondition("group.self() == 3 && ping == 3");
        breakpoint.setConditionEnabled(true);
        ILaunchConfigurationWorkingCopy config = example.launchConfiguration().getWorkingCopy();
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROGRAM_ARGUMENTS, "5");
        assertTrue(config.getAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, true), "suspending every node is the default");
        return config.doSave();
    }

    /** The product's preference defaults (the RSM Workbench product's plugin_customization.ini). */
    private static String productDefaults() throws IOException {
        URL ini = Platform.getBundle("org.rsmworkbench.ui").getEntry("plugin_customization.ini");
        assertNotNull(ini, "the ui bundle carries the product's preference defaults");
        try (InputStream in = ini.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
