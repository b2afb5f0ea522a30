// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.tests.support.DebugLaunches;

/**
 * A UI test of debug launches: it runs in the RSM Debug perspective (where a debug launch takes the user, with the Debug
 * and Breakpoints views: the test does not depend on the perspective an earlier test left), and the debug UI asks no
 * question when a target suspends (a modal dialog would stop the test). Afterwards every launch is ended and removed,
 * every breakpoint removed, and the preference and the perspective restored.
 */
final class DebugUiSession implements BeforeEachCallback, AfterEachCallback {
    private static final String SWITCH_ON_SUSPEND = "org.eclipse.debug.ui.switch_perspective_on_suspend";
    private static final String RSM_DEBUG_PERSPECTIVE = "org.rsmworkbench.ui.debugPerspective";
    private final IPreferenceStore debugUi = DebugUITools.getPreferenceStore();
    private IPerspectiveDescriptor perspectiveBefore;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        debugUi.setValue(SWITCH_ON_SUSPEND, "never");
        perspectiveBefore = page().getPerspective();
        PlatformUI.getWorkbench().showPerspective(RSM_DEBUG_PERSPECTIVE, page().getWorkbenchWindow());
    }

    /** The workbench page the test works in. */
    IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /**
     * Debugs {@code mainType} of {@code project} on {@code nodes} node JVMs that suspend each on its own, and returns the
     * launch once started. It launches off the UI thread, which spins meanwhile: the launch waits for the workbench.
     */
    ILaunch debugOnNodes(String project, String mainType, int nodes, Duration wait) throws Exception {
        return debugOnNodes(project, mainType, nodes, wait, false);
    }

    /** {@link #debugOnNodes(String, String, int, Duration)}, the nodes suspending together when {@code suspendAll}. */
    ILaunch debugOnNodes(String project, String mainType, int nodes, Duration wait, boolean suspendAll) throws Exception {
        ILaunchConfigurationWorkingCopy config = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(RsmLaunching.LAUNCH_CONFIGURATION_TYPE).newInstance(null, project);
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, project);
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, mainType);
        config.setAttribute(RsmLaunching.ATTR_NODE_COUNT, nodes);
        config.setAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, suspendAll);
        CompletableFuture<ILaunch> launching = CompletableFuture.supplyAsync(() -> {
            try {
                return config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(waitFor(launching::isDone, wait), "the debug launch starts");
        return launching.get();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        debugUi.setToDefault(SWITCH_ON_SUSPEND);
        DebugLaunches.endAndRemoveAll();
        IBreakpointManager breakpoints = DebugPlugin.getDefault().getBreakpointManager();
        breakpoints.removeBreakpoints(breakpoints.getBreakpoints(), true);
        if (perspectiveBefore != null) {
            page().setPerspective(perspectiveBefore);
        }
    }
}
