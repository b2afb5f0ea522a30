// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.timeline;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IWorkbenchPage;
import org.rsmworkbench.emulator.trace.CallSite;

/**
 * Opens the source line of a recorded call site: what the Timeline view does when an event is double-clicked.
 * Contributed to the extension point {@code org.rsmworkbench.ui.callSiteOpeners} (the UI bundle knows no Java
 * projects; {@code org.rsmworkbench.ui.launching} contributes the one that searches the workspace with JDT).
 */
public interface CallSiteOpener {

    /**
     * Opens an editor on {@code site}'s line in {@code page}.
     *
     * @return false when this opener has no source for the site's class (the next opener is asked)
     * @throws CoreException when the source was found but could not be opened
     */
    boolean open(CallSite site, IWorkbenchPage page) throws CoreException;
}
