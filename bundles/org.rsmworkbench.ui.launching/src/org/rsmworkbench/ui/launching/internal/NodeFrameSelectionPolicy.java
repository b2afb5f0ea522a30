// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IModelSelectionPolicy;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IModelSelectionPolicyFactory;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IPresentationContext;
import org.eclipse.debug.internal.ui.viewers.update.DefaultSelectionPolicy;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
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

    private NodeFrameSelectionPolicy(IStackFrame frame) {
        super(frame);
        this.frame = frame;
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
                return new NodeFrameSelectionPolicy(stackFrame);
            }
            return element instanceof IDebugElement debugElement ? new DefaultSelectionPolicy(debugElement) : null;
        }
    }
}
