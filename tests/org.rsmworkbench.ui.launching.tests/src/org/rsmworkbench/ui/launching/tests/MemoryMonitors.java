// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.rsmworkbench.tests.support.TestUtils.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.memory.IMemoryRendering;
import org.eclipse.debug.ui.memory.IMemoryRenderingContainer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;

/**
 * The Memory view driven as a user drives it: a target selected in the Debug view, "Add Memory Monitor" in the
 * Memory view's tool bar with an expression typed into its dialog, the rows of the hex rendering read back. Any
 * other dialog that shows up meanwhile (an error) is closed and recorded.
 */
final class MemoryMonitors {
    static final String HEX_RENDERING = "org.eclipse.debug.ui.rendering.raw_memory";

    private final Duration wait;
    private final List<String> dialogs = new CopyOnWriteArrayList<>();

    MemoryMonitors(Duration wait) {
        this.wait = wait;
    }

    /** The dialogs other than "Monitor Memory" that showed up, with their labels. */
    List<String> dialogs() {
        return dialogs;
    }

    /**
     * Clicks the target in the Debug view once the view shows every target of its launch (the view selects a target
     * itself when it first shows it), until it stays the debug context for a second. A click, not a viewer selection:
     * the view keeps a selected suspended stack frame against programmatic selections, not against the user.
     */
    void select(Viewer viewer, IDebugTarget target) {
        Tree tree = (Tree) viewer.getControl();
        assertTrue(waitFor(() -> Arrays.stream(target.getLaunch().getDebugTargets()).allMatch(t -> item(tree, t) != null), wait),
                () -> "the Debug view shows every target of the launch: " + Arrays.toString(target.getLaunch().getDebugTargets()));
        long[] since = {0};
        assertTrue(waitFor(() -> {
            if (DebugUITools.getDebugContext() != target) {
                TreeItem item = item(tree, target);
                tree.setSelection(item);
                Event click = new Event();
                click.item = item;
                tree.notifyListeners(SWT.Selection, click);
                since[0] = 0;
                return false;
            }
            if (since[0] == 0) {
                since[0] = System.currentTimeMillis();
            }
            return System.currentTimeMillis() - since[0] > 1000;
        }, wait), () -> "the target stays the debug context; it is " + DebugUITools.getDebugContext());
    }

    /** The tree item that shows the element, or null. */
    private static TreeItem item(Tree tree, Object element) {
        List<TreeItem> items = new ArrayList<>(Arrays.asList(tree.getItems()));
        while (!items.isEmpty()) {
            TreeItem item = items.remove(items.size() - 1);
            if (item.getData() == element) {
                return item;
            }
            items.addAll(Arrays.asList(item.getItems()));
        }
        return null;
    }

    /** Presses "Add Memory Monitor" in the Memory view (once it is enabled) and enters the expression. */
    void add(IViewPart memoryView, String expression) {
        memoryView.getSite().getPage().activate(memoryView);
        ToolItem add = toolItem(memoryView, "Add Memory Monitor");
        assertTrue(waitFor(add::isEnabled, wait), "Add Memory Monitor is enabled for the selected target");
        try (Ui.ShellWatch _ = answerDialogs(expression)) {
            add.notifyListeners(SWT.Selection, new Event()); // returns once the modal dialog was answered
        }
    }

    static ToolItem toolItem(IViewPart view, String tooltip) {
        Control root = view.getSite().getShell();
        List<ToolItem> items = new ArrayList<>();
        for (Control control : Ui.all(root)) {
            if (control instanceof ToolBar bar) {
                items.addAll(Arrays.asList(bar.getItems()));
            }
        }
        return items.stream().filter(i -> i.getToolTipText() != null && i.getToolTipText().startsWith(tooltip)).findFirst()
                .orElseThrow(() -> new AssertionError("no tool item \"" + tooltip + "\" among "
                        + items.stream().map(ToolItem::getToolTipText).toList()));
    }

    /**
     * Until the "Monitor Memory" dialog was answered: types the expression into it and presses OK; closes any other
     * dialog (an error) and records its text, so that a failure does not leave the test waiting on a modal shell.
     */
    private Ui.ShellWatch answerDialogs(String expression) {
        return Ui.whileDialogsShow(wait, dialog -> {
            if (!dialog.getText().equals("Monitor Memory")) {
                dialogs.add(dialog.getText() + ": " + Ui.all(dialog).stream().filter(Label.class::isInstance)
                        .map(c -> ((Label) c).getText()).toList());
                dialog.close();
                return false;
            }
            Combo combo = Ui.all(dialog).stream().filter(Combo.class::isInstance).map(Combo.class::cast).findFirst().orElseThrow();
            combo.setText(expression);
            Ui.button(dialog, "OK").notifyListeners(SWT.Selection, new Event());
            return true;
        });
    }

    /** The hex rendering of the monitor with that expression in the pane, or null. */
    static IMemoryRendering hexRendering(IMemoryRenderingContainer pane, String expression) {
        return Arrays.stream(pane.getRenderings()).filter(r -> HEX_RENDERING.equals(r.getRenderingId())
                && r.getMemoryBlock() instanceof IMemoryBlockExtension b && expression.equals(b.getExpression())).findFirst().orElse(null);
    }

    private static Table table(IMemoryRendering rendering) {
        Control control = rendering.getControl();
        if (control == null || control.isDisposed()) {
            return null;
        }
        return Ui.all(control).stream().filter(Table.class::isInstance).map(Table.class::cast).findFirst().orElse(null);
    }

    /** The table row whose data columns read {@code cells}, or null. */
    static TableItem row(IMemoryRendering rendering, String[] cells) {
        Table table = table(rendering);
        if (table == null) {
            return null;
        }
        for (TableItem item : table.getItems()) {
            boolean all = true;
            for (int i = 0; i < cells.length && all; i++) {
                all = cells[i].equalsIgnoreCase(item.getText(i + 1).trim());
            }
            if (all) {
                return item;
            }
        }
        return null;
    }

    /** The first rows of the rendering, for failure messages. */
    static String rows(IMemoryRendering rendering) {
        Table table = table(rendering);
        if (table == null) {
            return "no table (" + rendering.getControl() + ")";
        }
        List<String> rows = new ArrayList<>();
        for (TableItem item : Arrays.copyOf(table.getItems(), Math.min(4, table.getItemCount()))) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < table.getColumnCount(); i++) {
                texts.add(item.getText(i));
            }
            rows.add(String.join(" ", texts));
        }
        return table.getItemCount() + " rows, first " + rows + "; clients of the block: "
                + Arrays.toString(((IMemoryBlockExtension) rendering.getMemoryBlock()).getConnections()) + "; rendering visible: "
                + (rendering instanceof org.eclipse.debug.ui.memory.AbstractMemoryRendering r ? r.isVisible() : "?");
    }
}
