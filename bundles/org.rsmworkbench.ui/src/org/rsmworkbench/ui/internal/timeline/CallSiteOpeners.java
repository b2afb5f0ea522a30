// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.timeline;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbenchPage;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.timeline.CallSiteOpener;

/** The {@link CallSiteOpener}s contributed to {@value #EXTENSION_POINT}, asked in turn. */
final class CallSiteOpeners {
    static final String EXTENSION_POINT = RsmUiPlugin.ID + ".callSiteOpeners";

    private CallSiteOpeners() {
    }

    /**
     * Opens {@code site} with the first contributed opener that has its source.
     *
     * @return false when none has (or none is installed: the UI without JDT)
     */
    static boolean open(CallSite site, IWorkbenchPage page) throws CoreException {
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT)) {
            CallSiteOpener opener = (CallSiteOpener) element.createExecutableExtension("class");
            if (opener.open(site, page)) {
                return true;
            }
        }
        return false;
    }
}
