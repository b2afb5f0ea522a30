// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.ui.internal.RsmUiPlugin;

/** An undoable write into a segment: redo puts the new bytes, undo puts the old ones back (both as RSM puts). */
final class WriteOperation extends AbstractOperation {
    /** Does the put; the inspector supplies its current writer. */
    interface Target {
        void put(long offset, byte[] bytes) throws RsmException;
    }

    private final Target target;
    private final long offset;
    private final byte[] before;
    private final byte[] after;

    WriteOperation(String label, IUndoContext context, Target target, long offset, byte[] before, byte[] after) {
        super(label);
        addContext(context);
        this.target = target;
        this.offset = offset;
        this.before = before;
        this.after = after;
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return put(after);
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return put(after);
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return put(before);
    }

    private IStatus put(byte[] bytes) {
        try {
            target.put(offset, bytes);
            return Status.OK_STATUS;
        } catch (RsmException e) {
            return new Status(IStatus.ERROR, RsmUiPlugin.ID, e.getMessage(), e);
        }
    }
}
