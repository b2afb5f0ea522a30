// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.swt.widgets.Display;
import org.rsmworkbench.core.clusters.ClusterPoller;
import org.rsmworkbench.core.clusters.PublishHistory;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.ui.internal.preferences.Preferences;

/**
 * Polls the state of every watched cluster on a background job at the preference rate (default 5 Hz)
 * and tells the UI listeners on the UI thread, only when something changed, with at most one pending
 * {@code asyncExec} however many nodes or changes there are: many busy nodes cannot flood the UI thread.
 * Polling runs only while a listener is registered; adding or removing a cluster polls at once.
 */
public final class ClusterMonitor {
    /** Told on the UI thread with the latest states. */
    public interface Listener {
        void clustersChanged(ClusterPoller.Update update);
    }

    private final RunningClusters registry;
    private final IPreferenceStore preferences;
    private final ClusterPoller poller;
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<ClusterPoller.Update> latest = new AtomicReference<>();
    private final AtomicBoolean posted = new AtomicBoolean();
    private final AtomicLong asyncExecs = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private volatile boolean disposed;
    private final Job job;
    private final RunningClusters.Listener registryListener = new RunningClusters.Listener() {
        @Override
        public void added(RunningCluster cluster) {
            wake();
        }

        @Override
        public void removed(RunningCluster cluster) {
            wake();
        }
    };
    private final IPropertyChangeListener rateListener = event -> {
        if (Preferences.CLUSTER_REFRESH_RATE.equals(event.getProperty())) {
            wake();
        }
    };

    ClusterMonitor(RunningClusters registry, IPreferenceStore preferences) {
        this.registry = registry;
        this.preferences = preferences;
        this.poller = new ClusterPoller(registry);
        job = new Job("Watching RSM clusters") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                if (disposed || listeners.isEmpty()) {
                    return Status.OK_STATUS;
                }
                try {
                    pollOnce();
                } catch (RuntimeException e) {
                    RsmUiPlugin.log("Polling the cluster states failed", e);
                }
                if (!disposed && !listeners.isEmpty() && !monitor.isCanceled()) {
                    schedule(periodMillis());
                }
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        registry.addListener(registryListener);
        preferences.addPropertyChangeListener(rateListener);
    }

    private long periodMillis() {
        int hz = Math.max(1, Math.min(60, preferences.getInt(Preferences.CLUSTER_REFRESH_RATE)));
        return 1000L / hz;
    }

    private ClusterPoller.Update pollOnce() {
        polls.incrementAndGet();
        ClusterPoller.Update update;
        synchronized (poller) {
            update = poller.poll();
        }
        latest.set(update);
        if (update.changed()) {
            post();
        }
        return update;
    }

    private void post() {
        if (!posted.compareAndSet(false, true)) {
            return; // the pending runnable will deliver the latest update
        }
        Display display = Display.getDefault();
        if (display.isDisposed()) {
            return;
        }
        asyncExecs.incrementAndGet();
        display.asyncExec(() -> {
            posted.set(false);
            ClusterPoller.Update update = latest.get();
            if (update == null || disposed) {
                return;
            }
            for (Listener listener : listeners) {
                try {
                    listener.clustersChanged(update);
                } catch (RuntimeException e) {
                    RsmUiPlugin.log("A view failed to show the cluster state", e);
                }
            }
        });
    }

    /** Polls now (from any thread) rather than at the next tick. */
    public void wake() {
        if (!disposed && !listeners.isEmpty()) {
            job.schedule();
        }
    }

    /** Adds a listener and gives it the current states at once (read now, on the calling UI thread). */
    public void addListener(Listener listener) {
        listeners.addIfAbsent(listener);
        ClusterPoller.Update update;
        try {
            update = pollOnce();
        } catch (RuntimeException e) {
            RsmUiPlugin.log("Polling the cluster states failed", e);
            update = latest.get();
        }
        if (update != null) {
            listener.clustersChanged(update);
        }
        job.schedule(periodMillis());
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** The latest update, or null before the first poll. */
    public ClusterPoller.Update latest() {
        return latest.get();
    }

    public PublishHistory history(RunningCluster cluster) {
        return poller.history(cluster);
    }

    /** For diagnostics: the job's state and the counters. */
    @Override
    public String toString() {
        return "cluster monitor: job state " + job.getState() + ", " + listeners.size() + " listeners, " + polls.get()
                + " polls, " + asyncExecs.get() + " asyncExecs, posted " + posted.get() + ", latest "
                + (latest.get() == null ? "none" : latest.get().states().keySet());
    }

    /** How many polls ran and how many asyncExecs they posted (a flood check for tests). */
    public long[] counters() {
        return new long[] {polls.get(), asyncExecs.get()};
    }

    public List<RunningCluster> clusters() {
        return registry.clusters();
    }

    void dispose() {
        disposed = true;
        registry.removeListener(registryListener);
        preferences.removePropertyChangeListener(rateListener);
        job.cancel();
    }
}
