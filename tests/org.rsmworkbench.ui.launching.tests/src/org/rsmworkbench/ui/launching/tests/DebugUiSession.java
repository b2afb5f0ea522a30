// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.preference.IPreferenceStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rsmworkbench.tests.support.DebugLaunches;

/**
 * A UI test of debug launches: the debug UI asks no question when a target suspends (a modal dialog would stop the
 * test); afterwards every launch is ended and removed, every breakpoint removed, and the preference restored.
 */
final class DebugUiSession implements BeforeEachCallback, AfterEachCallback {
    private static final String SWITCH_ON_SUSPEND = "org.eclipse.debug.ui.switch_perspective_on_suspend";
    private final IPreferenceStore debugUi = DebugUITools.getPreferenceStore();

    @Override
    public void beforeEach(ExtensionContext context) {
        debugUi.setValue(SWITCH_ON_SUSPEND, "never");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        debugUi.setToDefault(SWITCH_ON_SUSPEND);
        DebugLaunches.endAndRemoveAll();
        IBreakpointManager breakpoints = DebugPlugin.getDefault().getBreakpointManager();
        breakpoints.removeBreakpoints(breakpoints.getBreakpoints(), true);
    }
}
