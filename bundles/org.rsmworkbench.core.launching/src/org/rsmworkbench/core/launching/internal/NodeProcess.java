// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.RuntimeProcess;

/**
 * A node JVM of a launch. It remembers whether it was asked to terminate (Terminate in the IDE, on the node, its
 * debug target or the launch): such a node is reported as terminated, whatever status the JVM ends with (a
 * debugged JVM is ended by JDT with status 1, a running one by SIGTERM with 143). And it ends the JVM through its
 * process handle: {@link Process#destroy()} also closes the JVM's output pipes under the console's readers, which
 * log "Stream closed"; through the handle the readers read the output to its end.
 */
public final class NodeProcess extends RuntimeProcess {
    /** How long a terminated JVM may take to end (its shutdown hooks) before it is destroyed the platform's way. */
    private static final long TERMINATE_MILLIS = 5000;

    private volatile boolean terminateRequested;

    public NodeProcess(ILaunch launch, Process jvm, String label, Map<String, String> attributes) {
        super(launch, jvm, label, attributes);
    }

    @Override
    public void terminate() throws DebugException {
        Process jvm = runningJvm();
        if (jvm == null) {
            return; // ended: the process monitor reports it once it has read the output (destroy would close the pipes)
        }
        try {
            // the process monitor reports the end once the JVM has ended
            if (askToEnd() && jvm.waitFor(TERMINATE_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.terminate();
    }

    /**
     * Asks the JVM to end (SIGTERM: its shutdown hooks run) without waiting: Terminate Cluster asks every node before it
     * waits for one.
     *
     * @return false when the JVM has ended, or cannot be asked
     */
    public boolean askToEnd() {
        Process jvm = runningJvm();
        if (jvm == null) {
            return false;
        }
        terminateRequested = true;
        return jvm.toHandle().destroy();
    }

    /**
     * Marks the JVM as asked to terminate before it is ended some other way: Terminate Cluster stops the cluster first,
     * which ends the JVM with 143. A JVM that ended on its own, its end maybe not reported yet, is not marked.
     */
    public void terminating() {
        if (runningJvm() != null) {
            terminateRequested = true;
        }
    }

    /** Waits at most {@code nanos} for the JVM to end. */
    public void awaitEnd(long nanos) throws InterruptedException {
        Process jvm = runningJvm();
        if (jvm != null) {
            jvm.waitFor(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The JVM while it runs, else null (its end is seen here before {@link #isTerminated()} reports it). */
    private Process runningJvm() {
        Process jvm = getSystemProcess();
        return jvm != null && jvm.isAlive() ? jvm : null;
    }

    /** Whether something asked this node to terminate. */
    public boolean terminateRequested() {
        return terminateRequested;
    }
}
