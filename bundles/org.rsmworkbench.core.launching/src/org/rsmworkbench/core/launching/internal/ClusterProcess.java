// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.core.runtime.Status;

/**
 * The emulated cluster of a launch as a process of its own in the Debug view, with a console of launcher
 * messages (cluster started, faults injected, node exit statuses, cluster stopped). Terminating it ends
 * every node JVM of the launch and stops the cluster; it terminates by itself once every node JVM has
 * ended, with the worst node exit status as its exit value (as {@code rsm-launch}).
 */
public final class ClusterProcess extends PlatformObject implements IProcess {
    private final ILaunch launch;
    private final String label;
    private final Map<String, String> attributes = new HashMap<>();
    private final LogMonitor out = new LogMonitor();
    private final LogMonitor err = new LogMonitor();
    private final IStreamsProxy streams = new IStreamsProxy() {
        @Override
        public IStreamMonitor getErrorStreamMonitor() {
            return err;
        }

        @Override
        public IStreamMonitor getOutputStreamMonitor() {
            return out;
        }

        @Override
        public void write(String input) {
            // the cluster reads no input
        }
    };
    private volatile Runnable terminator;
    private volatile boolean terminated;
    private volatile int exitValue;

    public ClusterProcess(ILaunch launch, String label, Map<String, String> attributes) {
        this.launch = launch;
        this.label = label;
        this.attributes.putAll(attributes);
        this.attributes.put(IProcess.ATTR_PROCESS_LABEL, label);
    }

    /** Adds the process to its launch (its console appears). */
    public void register(Runnable terminateAction) {
        this.terminator = terminateAction;
        launch.addProcess(this);
        fire(DebugEvent.CREATE);
    }

    /** A line on the console. */
    public void log(String line) {
        out.append(line + System.lineSeparator());
    }

    /** A line on the console, as an error. */
    public void error(String line) {
        err.append(line + System.lineSeparator());
    }

    /** Marks the process ended with that exit value. */
    public void ended(int status) {
        if (terminated) {
            return;
        }
        exitValue = status;
        terminated = true;
        fire(DebugEvent.TERMINATE);
    }

    private void fire(int kind) {
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.fireDebugEventSet(new DebugEvent[] {new DebugEvent(this, kind)});
        }
    }

    @Override
    public boolean canTerminate() {
        return !terminated;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public void terminate() throws DebugException {
        Runnable action = terminator;
        if (action != null && !terminated) {
            action.run();
        }
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IStreamsProxy getStreamsProxy() {
        return streams;
    }

    @Override
    public synchronized void setAttribute(String key, String value) {
        attributes.put(key, value);
    }

    @Override
    public synchronized String getAttribute(String key) {
        return attributes.get(key);
    }

    @Override
    public int getExitValue() throws DebugException {
        if (!terminated) {
            throw new DebugException(Status.error("the cluster " + label + " is still running"));
        }
        return exitValue;
    }

    /** What the console reads: the text so far, then each appended piece. */
    private static final class LogMonitor implements IStreamMonitor {
        private final StringBuilder contents = new StringBuilder();
        private final List<IStreamListener> listeners = new ArrayList<>();

        synchronized void append(String text) {
            contents.append(text);
            for (IStreamListener listener : List.copyOf(listeners)) {
                listener.streamAppended(text, this);
            }
        }

        @Override
        public synchronized void addListener(IStreamListener listener) {
            listeners.add(listener);
        }

        @Override
        public synchronized String getContents() {
            return contents.toString();
        }

        @Override
        public synchronized void removeListener(IStreamListener listener) {
            listeners.remove(listener);
        }
    }
}
