// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.internal.debug.core.model.JDIDebugTarget;
import org.eclipse.jdt.internal.debug.core.model.JDIThread;
import org.rsmworkbench.core.debug.stacks.ParallelStacks;
import org.rsmworkbench.emulator.trace.CallSite;

import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.event.EventSet;

/**
 * A thread of a node JVM whose suspension inside an RSM call shows the program's call: its suspend event names the
 * program's frame that made the call as the frame to select (the debug views select the top frame otherwise). A node
 * thread suspended in {@code signalWait} has a JDK stub of the futex downcall on top, a hidden class without source: the
 * Debug view selected it and the editor said "Source not found", where the user wants the line that waits. Steps and
 * evaluations keep the top frame; a suspension outside an RSM call too.
 */
@SuppressWarnings("restriction") // JDT's thread class: the target's factory method is its only way in
final class NodeJdiThread extends JDIThread {

    NodeJdiThread(JDIDebugTarget target, ThreadReference thread) throws ObjectCollectedException {
        super(target, thread);
    }

    @Override
    public void fireEvent(DebugEvent event) {
        selectProgramFrame(event);
        super.fireEvent(event);
    }

    @Override
    public void queueEvent(DebugEvent event, EventSet set) {
        selectProgramFrame(event);
        super.queueEvent(event, set);
    }

    private void selectProgramFrame(DebugEvent event) {
        if (event.getKind() == DebugEvent.SUSPEND && event.getData() == null && !event.isEvaluation()
                && event.getDetail() != DebugEvent.STEP_END) {
            event.setData(callingFrame());
        }
    }

    /** The program's frame that made the RSM call this thread is in, or null when it is in none. */
    private IStackFrame callingFrame() {
        try {
            IStackFrame[] frames = getStackFrames();
            List<CallSite> sites = new ArrayList<>();
            // down to the program's innermost frame: the frames below it do not tell
            for (int i = 0; i < frames.length && (sites.isEmpty() || ParallelStacks.isRuntime(sites.getLast())); i++) {
                if (!(frames[i] instanceof IJavaStackFrame java)) {
                    return null;
                }
                sites.add(ParallelStacks.callSite(java));
            }
            int caller = ParallelStacks.rsmCaller(sites);
            return caller < 0 ? null : frames[caller];
        } catch (DebugException resumed) {
            return null; // the thread went on: its top frame, if any, is for the debug views to choose
        }
    }
}
