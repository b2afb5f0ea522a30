// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
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
