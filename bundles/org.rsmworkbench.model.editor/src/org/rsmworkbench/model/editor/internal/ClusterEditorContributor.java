// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal;

import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorActionBarContributor;

/** Connects the workbench's Undo, Redo and Delete to the active cluster editor's command stack. */
public class ClusterEditorContributor extends EditorActionBarContributor {
    @Override
    public void setActiveEditor(IEditorPart part) {
        IActionBars bars = getActionBars();
        if (part instanceof ClusterEditor editor) {
            bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), editor.undoAction());
            bars.setGlobalActionHandler(ActionFactory.REDO.getId(), editor.redoAction());
            bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), editor.deleteAction());
        } else {
            bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), null);
            bars.setGlobalActionHandler(ActionFactory.REDO.getId(), null);
            bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), null);
        }
        bars.updateActionBars();
    }
}
