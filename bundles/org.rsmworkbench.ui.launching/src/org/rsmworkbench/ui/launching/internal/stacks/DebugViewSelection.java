// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.stacks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.viewers.AbstractTreeViewer;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;

/**
 * Selects threads in the Debug view. A selection given to the view's viewer does not take while a suspended frame is
 * selected (its selection policy keeps the frame), and one forced through its model viewer (the debug UI's provisional
 * API) did not take either in the UI test; so the threads' rows are selected as a click selects them: in the tree, and
 * the viewer told, which makes them the debug context. Rows that the view has not made yet (a collapsed target) are made by expanding their targets, and
 * selected once they are there.
 */
final class DebugViewSelection {
    /** How often, and how far apart, the rows of expanded targets are looked for. */
    private static final int ATTEMPTS = 10;
    private static final int ATTEMPT_MILLIS = 200;

    private DebugViewSelection() {
    }

    /** Selects the threads in the page's Debug view (nothing happens when it is not open). */
    static void select(IWorkbenchPage page, Collection<IThread> threads) {
        if (threads.isEmpty() || !(page.findView(IDebugUIConstants.ID_DEBUG_VIEW) instanceof IDebugView view)
                || !(view.getViewer() instanceof AbstractTreeViewer viewer) || !(viewer.getControl() instanceof Tree tree)) {
            return;
        }
        if (!selectRows(tree, threads)) {
            for (IThread thread : threads) {
                viewer.expandToLevel(new TreePath(new Object[] {thread.getLaunch(), thread.getDebugTarget()}), 1);
            }
            retry(tree, threads, ATTEMPTS);
        }
    }

    private static void retry(Tree tree, Collection<IThread> threads, int attempts) {
        tree.getDisplay().timerExec(ATTEMPT_MILLIS, () -> {
            if (!tree.isDisposed() && !selectRows(tree, threads) && attempts > 1) {
                retry(tree, threads, attempts - 1);
            }
        });
    }

    /** Selects the rows of the threads when the tree has them all, and tells the viewer as a click would. */
    private static boolean selectRows(Tree tree, Collection<IThread> threads) {
        List<TreeItem> rows = new ArrayList<>();
        collect(tree.getItems(), threads, rows);
        if (rows.size() < threads.size()) {
            return false;
        }
        tree.setSelection(rows.toArray(TreeItem[]::new));
        Event click = new Event();
        click.item = rows.getFirst();
        tree.notifyListeners(SWT.Selection, click);
        return true;
    }

    /** The rows of the threads among the items made so far (rows of collapsed items are not looked into). */
    private static void collect(TreeItem[] items, Collection<IThread> threads, List<TreeItem> rows) {
        for (TreeItem item : items) {
            Object data = item.getData();
            if (data instanceof IThread thread && threads.contains(thread)) {
                rows.add(item);
            } else if (data != null && item.getExpanded()) {
                collect(item.getItems(), threads, rows);
            }
        }
    }
}
