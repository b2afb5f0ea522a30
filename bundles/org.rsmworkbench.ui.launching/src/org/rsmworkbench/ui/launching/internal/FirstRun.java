// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The first start of the RSM Workbench product on a workspace: when the workspace has no project, it gets the
 * {@linkplain ExampleProject example project} ({@link ExampleProjectJob}: RSM perspective, launch configuration
 * selected in the Project Explorer, cheat sheet "Your first simulated cluster"), in a window as large as the RSM
 * perspective is laid out for ({@link #firstWindowBounds}).
 * <p>
 * Only in the product (an Eclipse into which the plug-ins were installed from the update site is left alone), and
 * only once per workspace: the first start decides, and records in the workspace's preferences that it did, so a
 * workspace that had projects, or whose example project the user deleted, never gets one later.
 */
public final class FirstRun implements IStartup {
    /** The RSM Workbench product (org.rsmworkbench.ui's products extension). */
    public static final String PRODUCT_ID = "org.rsmworkbench.ui.product";
    /** Workspace (instance scope) preference of this bundle: true once a start of the product has decided. */
    public static final String PREFERENCE_DONE = "firstRun.done";
    /** The window size that the RSM perspective is laid out for (a laptop screen). */
    static final int LAYOUT_WIDTH = 1280;
    static final int LAYOUT_HEIGHT = 800;

    @Override
    public void earlyStartup() {
        if (isProduct()) {
            start(PlatformUI.getWorkbench());
        }
    }

    /** Whether this Eclipse runs the RSM Workbench product. */
    public static boolean isProduct() {
        IProduct product = Platform.getProduct();
        return product != null && PRODUCT_ID.equals(product.getId());
    }

    /**
     * Decides for the workspace (once) and, when it is new, schedules the job that sets the example up and enlarges
     * the window.
     *
     * @param workbench where to show the example, or null to only make it
     * @return the scheduled job, or null when the workspace was decided before or has projects
     */
    public static ExampleProjectJob start(IWorkbench workbench) {
        if (!decide()) {
            return null;
        }
        ExampleProjectJob job = new ExampleProjectJob(workbench, true);
        job.schedule();
        if (workbench != null) {
            workbench.getDisplay().asyncExec(() -> enlargeWindow(workbench));
        }
        return job;
    }

    /** Gives the workbench window its {@link #firstWindowBounds} (UI thread). */
    private static void enlargeWindow(IWorkbench workbench) {
        IWorkbenchWindow[] windows = workbench.getWorkbenchWindows();
        Shell shell = windows.length > 0 ? windows[0].getShell() : null;
        if (shell == null || shell.isDisposed() || shell.getMaximized()) {
            return;
        }
        Rectangle bounds = firstWindowBounds(shell.getBounds(), shell.getMonitor().getClientArea());
        if (bounds != null) {
            shell.setBounds(bounds);
        }
    }

    /**
     * Where the first start puts the workbench window: at least {@value #LAYOUT_WIDTH}x{@value #LAYOUT_HEIGHT},
     * which the RSM perspective is laid out for, but no larger than the screen, centred on it; or null when the window
     * is that large already. (A new workspace's window is about 1024x768: beside the cheat sheet, the Segment Inspector
     * showed three rows of the segment, not the slots that the cheat sheet asks to watch.)
     */
    public static Rectangle firstWindowBounds(Rectangle window, Rectangle screen) {
        int width = Math.min(Math.max(window.width, LAYOUT_WIDTH), screen.width);
        int height = Math.min(Math.max(window.height, LAYOUT_HEIGHT), screen.height);
        if (width <= window.width && height <= window.height) {
            return null;
        }
        return new Rectangle(screen.x + (screen.width - width) / 2, screen.y + (screen.height - height) / 2, width, height);
    }

    /**
     * Whether the workspace gets the example: true the first time it is asked on a workspace without projects. The
     * answer is recorded, so every later call returns false.
     */
    static synchronized boolean decide() {
        IEclipsePreferences preferences = preferences();
        if (preferences.getBoolean(PREFERENCE_DONE, false)) {
            return false;
        }
        preferences.putBoolean(PREFERENCE_DONE, true);
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            ILog.of(FirstRun.class).log(new Status(IStatus.WARNING, Images.PLUGIN_ID,
                    "Cannot save that the workspace was set up; the next start may set it up again", e));
        }
        return ResourcesPlugin.getWorkspace().getRoot().getProjects().length == 0;
    }

    /** Whether a start of the product has decided for this workspace. */
    public static boolean isDone() {
        return preferences().getBoolean(PREFERENCE_DONE, false);
    }

    /** Forgets the decision, as if the product had never started on this workspace (for tests). */
    public static void forget() throws BackingStoreException {
        IEclipsePreferences preferences = preferences();
        preferences.remove(PREFERENCE_DONE);
        preferences.flush();
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(Images.PLUGIN_ID);
    }
}
