// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.compare;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.jdt.debug.core.IJavaVariable;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ITreeSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Compare Across Nodes (Variables view and Java editor context menus): the selected variable (its path from the
 * frame's variable: {@code buf.slots[1]}) or the selected text, compared in the Compare Across Nodes view.
 */
public final class CompareAcrossNodesHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        String expression = expressionOf(HandlerUtil.getCurrentSelection(event));
        if (expression == null || expression.isBlank()) {
            return null;
        }
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        try {
            CompareAcrossNodesView view = (CompareAcrossNodesView) page.showView(CompareAcrossNodesView.ID);
            view.setExpression(expression);
            view.compare();
        } catch (PartInitException e) {
            throw new ExecutionException("cannot open the Compare Across Nodes view", e);
        }
        return null;
    }

    /** The selected text, or the path of the selected variable from the frame; null for anything else. */
    public static String expressionOf(ISelection selection) {
        if (selection instanceof ITextSelection text) {
            return text.getText() == null ? null : text.getText().strip();
        }
        if (selection instanceof ITreeSelection tree && tree.getPaths().length > 0) {
            return pathOf(tree.getPaths()[0]);
        }
        return null;
    }

    /** {@code buf.slots[1]}: the variables of the path joined, array elements ({@code [1]}) as indexes. */
    private static String pathOf(TreePath path) {
        StringBuilder expression = new StringBuilder();
        try {
            for (int i = 0; i < path.getSegmentCount(); i++) {
                if (path.getSegment(i) instanceof IJavaVariable variable) {
                    String name = variable.getName();
                    expression.append(expression.isEmpty() || name.startsWith("[") ? "" : ".").append(name);
                }
            }
        } catch (DebugException gone) {
            return null;
        }
        return expression.toString();
    }
}
