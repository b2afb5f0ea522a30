// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.timeline;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** Open in Timeline: the context menu of a recording folder ({@code .rsmtrace}) in the workspace shows it in the Timeline view. */
public final class OpenInTimelineHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        Object chosen = HandlerUtil.getCurrentSelectionChecked(event) instanceof IStructuredSelection selection
                ? selection.getFirstElement() : null;
        IResource folder = Adapters.adapt(chosen, IResource.class);
        IPath location = folder == null ? null : folder.getLocation();
        if (location == null) {
            throw new ExecutionException("Open in Timeline needs a recording folder on the local file system, not " + chosen);
        }
        OpenRecordingHandler.show(HandlerUtil.getActiveWorkbenchWindowChecked(event), location.toPath());
        return null;
    }
}
