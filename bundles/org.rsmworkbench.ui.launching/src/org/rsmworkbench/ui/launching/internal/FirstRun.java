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
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The first start of the RSM Workbench product on a workspace: when the workspace has no project, it gets the
 * {@linkplain ExampleProject example project} ({@link ExampleProjectJob}: RSM perspective, launch configuration
 * selected in the Project Explorer, cheat sheet "Your first simulated cluster").
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
     * Decides for the workspace (once) and, when it is new, schedules the job that sets the example up.
     *
     * @return the scheduled job, or null when the workspace was decided before or has projects
     */
    public static ExampleProjectJob start(IWorkbench workbench) {
        if (!decide()) {
            return null;
        }
        ExampleProjectJob job = new ExampleProjectJob(workbench, true);
        job.schedule();
        return job;
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
