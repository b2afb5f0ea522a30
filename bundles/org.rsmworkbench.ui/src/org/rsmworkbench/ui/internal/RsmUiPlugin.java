// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;
import org.rsmworkbench.core.clusters.RunningClusters;

/** The UI plug-in: owns the cluster monitor; detaches attached clusters when the workbench stops. */
public final class RsmUiPlugin extends AbstractUIPlugin {
    public static final String ID = "org.rsmworkbench.ui";
    /** How to give the IDE a larger heap, for messages about what does not fit in it. */
    public static final String MORE_HEAP = "RSM_VMARGS=-Xmx4g ./rsm-workbench, or -Xmx in rsm-workbench.ini";

    private static RsmUiPlugin plugin;
    private ClusterMonitor monitor;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        plugin = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        synchronized (this) {
            if (monitor != null) {
                monitor.dispose();
                monitor = null;
            }
        }
        RunningClusters registry = RunningClusters.getDefault();
        for (var cluster : registry.clusters()) {
            if (cluster.origin() == org.rsmworkbench.core.clusters.RunningCluster.Origin.ATTACHED) {
                registry.remove(cluster);
            }
        }
        plugin = null;
        super.stop(context);
    }

    public static RsmUiPlugin getDefault() {
        return plugin;
    }

    /** The monitor that polls the watched clusters for every view. */
    public synchronized ClusterMonitor monitor() {
        if (monitor == null) {
            monitor = new ClusterMonitor(RunningClusters.getDefault(), getPreferenceStore());
        }
        return monitor;
    }

    public static void log(String message, Throwable e) {
        if (plugin != null) {
            plugin.getLog().log(new Status(IStatus.ERROR, ID, message, e));
        }
    }

    public static IStatus error(String message, Throwable e) {
        return new Status(IStatus.ERROR, ID, message, e);
    }
}
