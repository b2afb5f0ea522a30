// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IChildrenUpdate;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IModelSelectionPolicy;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IModelSelectionPolicyFactory;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IPresentationContext;
import org.eclipse.debug.internal.ui.viewers.model.provisional.ITreeModelViewer;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IViewerUpdate;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IViewerUpdateListener;
import org.eclipse.debug.internal.ui.viewers.update.DefaultSelectionPolicy;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.rsmworkbench.core.debug.sets.NodeSetControl;

/**
 * How the Debug view chooses between the frames of a cluster launch's node JVMs that the debug model selects (the
 * user's clicks are not subject to it): the frame of a thread stopped at a breakpoint wins over a frame of another
 * node's thread that is not; otherwise the debug UI's default policy holds (a suspended frame keeps the selection).
 * <p>
 * When a node stops at a breakpoint, every other node is suspended with it, and each node target's model proxy selects
 * the top frame of its first suspended thread when the Debug view installs it (the view opened meanwhile, or the
 * target joined the launch half a second before): the default policy kept whichever suspended frame came first, often
 * node 1's, a JDK stub of a wait with no source, in place of the frame at the breakpoint.
 */
@SuppressWarnings("restriction") // the Debug view's selection policies are provisional debug UI API
final class NodeFrameSelectionPolicy extends DefaultSelectionPolicy {
    private final IStackFrame frame;
    private final IPresentationContext context;

    private NodeFrameSelectionPolicy(IStackFrame frame, IPresentationContext context) {
        super(frame);
        this.frame = frame;
        this.context = context;
    }

    /** Also the frames of the other node JVMs of the launch: {@link #overrides(Object, Object)} chooses between them. */
    @Override
    public boolean contains(ISelection selection, IPresentationContext context) {
        return super.contains(selection, context) || IDebugUIConstants.ID_DEBUG_VIEW.equals(context.getId())
                && selection instanceof IStructuredSelection structured && structured.getFirstElement() instanceof IStackFrame other
                && other.getLaunch() == frame.getLaunch() && isNodeFrame(other);
    }

    @Override
    protected boolean overrides(Object existing, Object candidate) {
        return atBreakpoint(candidate) && !atBreakpoint(existing) || super.overrides(existing, candidate);
    }

    /**
     * A frame below the top that the model selected (the program's call of a node suspended in an RSM call) is selected
     * again once the Debug view has read the thread's rows anew: JDT's Collapse Stack Frames groups the runtime's frames
     * above it, so the rows no longer have it at the index the model gave, and the viewer lost it for the thread.
     */
    @Override
    public ISelection replaceInvalidSelection(ISelection invalidSelection, ISelection newSelection) {
        if (invalidSelection instanceof ITreeSelection lost && lost.getPaths().length == 1 && lost.getFirstElement() == frame
                && stillShown(frame)
                && context.getPart() instanceof IDebugView view && view.getViewer() instanceof ITreeModelViewer viewer) {
            selectAgainOnceRead(viewer, view.getViewer().getControl(), lost);
        }
        return super.replaceInvalidSelection(invalidSelection, newSelection);
    }

    /**
     * Selects {@code lost} again as soon as the viewer has read the thread's rows (the loss itself asks for them), or at
     * the latest when the viewer next has no update pending, if the viewer still has the thread alone (or nothing)
     * selected and nobody has selected anything in {@code tree} since: a selection made there (a click, a key, the
     * threads Parallel Stacks selects) stands. No clock: on a loaded machine the rows of a node JVM came after 5 s.
     */
    private void selectAgainOnceRead(ITreeModelViewer viewer, Control tree, ITreeSelection lost) {
        IThread thread = frame.getThread();
        final class Reselection implements IViewerUpdateListener, Listener {
            @Override
            public void updateComplete(IViewerUpdate update) {
                if (update instanceof IChildrenUpdate && update.getElement() == thread) {
                    settle(false);
                }
            }

            @Override
            public void viewerUpdatesComplete() {
                settle(true);
            }

            /** A selection made in the tree (the viewer's own, made in code, sends no event). */
            @Override
            public void handleEvent(Event event) {
                end();
            }

            /** Selects the frame once its row is there ({@code last}: now, or never), unless the selection moved on. */
            private void settle(boolean last) {
                boolean threadAlone = viewer.getSelection() instanceof IStructuredSelection now
                        && (now.isEmpty() || now.size() == 1 && now.getFirstElement() == thread);
                TreePath[] rows = viewer.getElementPaths(frame);
                if (!threadAlone || !stillShown(frame)) {
                    end();
                } else if (last || rows.length > 0) {
                    end();
                    viewer.setSelection(rows.length > 0 ? new TreeSelection(rows[0]) : lost, true, false);
                }
            }

            private void end() {
                viewer.removeViewerUpdateListener(this);
                if (!tree.isDisposed()) {
                    tree.removeListener(SWT.Selection, this);
                }
            }

            @Override
            public void viewerUpdatesBegin() {
            }

            @Override
            public void updateStarted(IViewerUpdate update) {
            }
        }
        Reselection reselection = new Reselection();
        viewer.addViewerUpdateListener(reselection);
        tree.addListener(SWT.Selection, reselection);
    }

    /**
     * Whether the frame may still be shown: its thread is suspended. Asks nothing of the debugger (the UI thread must not
     * wait for a JVM); a frame that a step has replaced is simply not found when selected.
     */
    private static boolean stillShown(IStackFrame frame) {
        return frame.getThread().isSuspended() && !frame.isTerminated();
    }

    private static boolean atBreakpoint(Object element) {
        return element instanceof IStackFrame stackFrame && stackFrame.getThread().getBreakpoints().length > 0;
    }

    private static boolean isNodeFrame(IStackFrame frame) {
        return NodeSetControl.nodeOf(frame.getDebugTarget()) >= 0;
    }

    /**
     * The selection policies of Java stack frames in the debug views (registered for {@code IJavaStackFrame}, which the
     * adapter manager looks at before the debug UI's {@code IDebugElement}): this one for node JVMs' frames, the debug
     * UI's default for the others.
     */
    public static final class Factory implements IAdapterFactory, IModelSelectionPolicyFactory {
        @Override
        public <T> T getAdapter(Object adaptableObject, Class<T> adapterType) {
            return adapterType.isInstance(this) ? adapterType.cast(this) : null;
        }

        @Override
        public Class<?>[] getAdapterList() {
            return new Class<?>[] {IModelSelectionPolicyFactory.class};
        }

        @Override
        public IModelSelectionPolicy createModelSelectionPolicyAdapter(Object element, IPresentationContext context) {
            if (element instanceof IStackFrame stackFrame && isNodeFrame(stackFrame)) {
                return new NodeFrameSelectionPolicy(stackFrame, context);
            }
            return element instanceof IDebugElement debugElement ? new DefaultSelectionPolicy(debugElement) : null;
        }
    }
}
