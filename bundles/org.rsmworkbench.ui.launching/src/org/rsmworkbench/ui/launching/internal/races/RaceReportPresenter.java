// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.races;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.rsmworkbench.core.launching.RaceReports;

/**
 * Follows the race-detecting launches from the workbench's start: when one starts, the race markers of earlier runs go;
 * when its run has been analysed, its races are marked on their lines (before the launch ends) and the Races view is
 * shown.
 */
public final class RaceReportPresenter implements IStartup, RaceReports.Listener {

    @Override
    public void earlyStartup() {
        RaceReports.addListener(this);
    }

    @Override
    public void detectionStarted(ILaunch launch) {
        try {
            RaceMarkers.clear();
        } catch (CoreException e) {
            ILog.of(RaceReportPresenter.class).log(e.getStatus());
        }
    }

    @Override
    public void reported(RaceReports.Reported reported) {
        try {
            RaceMarkers.mark(RaceTree.of(reported.report()));
        } catch (CoreException e) {
            ILog.of(RaceReportPresenter.class).log(e.getStatus());
        }
        if (PlatformUI.isWorkbenchRunning()) {
            PlatformUI.getWorkbench().getDisplay().asyncExec(RaceReportPresenter::showView);
        }
    }

    /** Brings the Races view up in the active window, without taking the focus. */
    private static void showView() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (page != null) {
            try {
                page.showView(RacesView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
            } catch (PartInitException e) {
                ILog.of(RaceReportPresenter.class).log(e.getStatus());
            }
        }
    }
}
