// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.internal.debug.core.model.JDIDebugTarget;
import org.eclipse.jdt.internal.debug.core.model.JDIThread;

import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;

/**
 * The JDT debug target of a node JVM, which says it is not suspended once it has ended: JDT keeps the state of the
 * target's last suspend after the JVM is gone, and the nodes of a launch are ended while the launch holds them
 * suspended (every node suspends with the one that stops), so the Debug view showed "&lt;terminated&gt;node 2 (Suspended)"
 * and the node sets counted ended nodes as suspended. Ended, its name also gives the exit value of its JVM, as the node
 * process's label does. Its threads are {@link NodeJdiThread}s, which show the program's frame of an RSM call they are
 * suspended in.
 */
@SuppressWarnings("restriction") // JDT's target class: the model's public factory makes no subclass
final class NodeDebugTarget extends JDIDebugTarget {

    private NodeDebugTarget(ILaunch launch, VirtualMachine vm, String name, IProcess process) {
        super(launch, vm, name, true, false, process, false);
    }

    /**
     * Makes the target of a node JVM that has connected, left suspended at its start, and adds it to the launch. As JDT's
     * factory does, in one workspace operation: the target installs the breakpoints, whose markers change.
     */
    static NodeDebugTarget create(ILaunch launch, VirtualMachine vm, String name, IProcess process) throws CoreException {
        NodeDebugTarget[] target = new NodeDebugTarget[1];
        ResourcesPlugin.getWorkspace().run(_ -> target[0] = new NodeDebugTarget(launch, vm, name, process), null, 0, null);
        return target[0];
    }

    @Override
    protected JDIThread newThread(ThreadReference thread) {
        try {
            return new NodeJdiThread(this, thread);
        } catch (ObjectCollectedException ended) {
            return null; // as JDT's: a thread collected meanwhile is none
        }
    }

    @Override
    public boolean isSuspended() {
        return super.isSuspended() && !ended();
    }

    @Override
    public String getName() throws DebugException {
        IProcess process = getProcess();
        return ended() && process != null && process.isTerminated() ? super.getName() + " (exit value " + process.getExitValue() + ")"
                : super.getName();
    }

    private boolean ended() {
        return isTerminated() || isDisconnected();
    }

    /** The node JVM has ended after its target: the name now gives its exit value (the Debug view updates the label). */
    void processEnded() {
        if (ended()) {
            DebugPlugin.getDefault().fireDebugEventSet(new DebugEvent[] {new DebugEvent(this, DebugEvent.CHANGE, DebugEvent.STATE)});
        }
    }
}
