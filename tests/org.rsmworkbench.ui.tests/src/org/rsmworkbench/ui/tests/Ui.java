// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.rsmworkbench.tests.support.TestUtils;

/** Helpers for tests that run on the UI thread of a real workbench. */
final class Ui {
    private Ui() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Runs the event loop until the condition holds, or fails after {@code millis}. */
    static void waitUntil(String what, long millis, BooleanSupplier condition) {
        waitUntil(() -> what, millis, condition);
    }

    /** Same, with a description computed when the wait fails (to show the state then). */
    static void waitUntil(Supplier<String> what, long millis, BooleanSupplier condition) {
        assertTrue(waitFor(condition, Duration.ofMillis(millis)), () -> "timed out after " + millis + " ms waiting until " + what.get());
    }

    /**
     * Waits until background jobs run: the workbench suspends the job manager while it starts, and the
     * first test may begin before it resumes.
     */
    static void waitForJobs() {
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        org.eclipse.core.runtime.jobs.Job probe = org.eclipse.core.runtime.jobs.Job.create("probe", _ -> {
            ran.set(true);
        });
        probe.setSystem(true);
        probe.schedule();
        waitUntil("background jobs run", 60_000, ran::get);
    }

    /** Runs the event loop for {@code millis}. */
    static void spin(long millis) {
        TestUtils.spin(Duration.ofMillis(millis));
    }

    /** Counts {@link #forgetDialogs()} calls: a dialog answerer stops when it changes. */
    private static int dialogGeneration;

    /**
     * Answers the dialog titled {@code title} once it opens within the next 10 s, until {@link #forgetDialogs()}:
     * {@code answer} gets its shell (and presses a button). Returns the texts of its labels and buttons, set when it
     * was answered.
     */
    static AtomicReference<String> whenDialogOpens(String title, Consumer<Shell> answer) {
        return whenDialogOpens(title, 10_000, answer);
    }

    /** Same, for a dialog that opens within {@code millis}. */
    static AtomicReference<String> whenDialogOpens(String title, long millis, Consumer<Shell> answer) {
        Display display = Display.getCurrent();
        AtomicReference<String> shown = new AtomicReference<>();
        long deadline = System.currentTimeMillis() + millis;
        int generation = dialogGeneration;
        display.timerExec(50, new Runnable() {
            @Override
            public void run() {
                if (generation != dialogGeneration) {
                    return;
                }
                for (Shell shell : display.getShells()) {
                    if (title.equals(shell.getText()) && shell.isVisible()) {
                        shown.set(String.join("\n", texts(shell)));
                        answer.accept(shell);
                        return;
                    }
                }
                if (System.currentTimeMillis() < deadline) {
                    display.timerExec(50, this);
                }
            }
        });
        return shown;
    }

    /** Stops every answerer of {@link #whenDialogOpens} still waiting: what a test expected no longer comes. */
    static void forgetDialogs() {
        dialogGeneration++;
    }

    /** The texts of the labels and buttons under a control. */
    static List<String> texts(Control root) {
        List<String> texts = new ArrayList<>();
        if (root instanceof Label label) {
            texts.add(label.getText());
        } else if (root instanceof Button button) {
            texts.add(button.getText());
        } else if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                texts.addAll(texts(child));
            }
        }
        return texts;
    }

    /** Presses the button with that text under {@code root} (a check box is ticked first), as a click does. */
    static void press(Control root, String text) {
        Button button = find(root, text);
        if (button == null) {
            throw new AssertionError("no button \"" + text + "\" in " + texts(root));
        }
        if ((button.getStyle() & SWT.CHECK) != 0) {
            button.setSelection(true);
        }
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** The button with that text under {@code root}, or null. */
    static Button find(Control root, String text) {
        if (root instanceof Button button && text.equals(button.getText())) {
            return button;
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Button found = find(child, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Chooses the item with that text of the control's context menu, as a right-click and a click do. */
    static void chooseFromContextMenu(Control control, String text) {
        Menu menu = control.getMenu();
        menu.notifyListeners(SWT.Show, new Event()); // the menu manager fills it now
        for (MenuItem item : menu.getItems()) {
            if (text.equals(item.getText())) {
                if (!item.isEnabled()) {
                    fail("the context menu item \"" + text + "\" is disabled");
                }
                item.notifyListeners(SWT.Selection, new Event());
                menu.notifyListeners(SWT.Hide, new Event());
                return;
            }
        }
        fail("no context menu item \"" + text + "\"");
    }

    /** The texts of the items of the control's context menu, as a right-click fills it, each with " [disabled]" when it is. */
    static List<String> contextMenuItems(Control control) {
        Menu menu = control.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        try {
            return Arrays.stream(menu.getItems()).map(item -> item.getText() + (item.isEnabled() ? "" : " [disabled]")).toList();
        } finally {
            menu.notifyListeners(SWT.Hide, new Event());
        }
    }

    /**
     * The texts of the items of a submenu of the control's context menu, as a right-click and hovering the submenu fill
     * them, each with " [disabled]" when it is; null when the context menu has no such submenu.
     */
    static List<String> contextSubmenuItems(Control control, String submenu) {
        Menu menu = control.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        try {
            for (MenuItem item : menu.getItems()) {
                if (submenu.equals(item.getText()) && item.getMenu() != null) {
                    item.getMenu().notifyListeners(SWT.Show, new Event());
                    return Arrays.stream(item.getMenu().getItems())
                            .map(child -> child.getText() + (child.isEnabled() ? "" : " [disabled]")).toList();
                }
            }
            return null;
        } finally {
            menu.notifyListeners(SWT.Hide, new Event());
        }
    }

    /**
     * Chooses the item of a submenu of the control's context menu, as a click does, once it is enabled: a command's item
     * is enabled once its handler is active again, which waits for the workbench to give the view back its activation
     * after a dialog closed (a user opens the menu later than a test does).
     */
    static void chooseFromContextSubmenu(Control control, String submenu, String text) {
        // the item is looked at and chosen in one showing of the menu: between two showings its handler may go inactive
        AtomicReference<String> whyNot = new AtomicReference<>();
        if (!waitFor(() -> {
            whyNot.set(chooseIfEnabled(control, submenu, text));
            return whyNot.get() == null;
        }, Duration.ofSeconds(15))) {
            fail(whyNot.get());
        }
    }

    /** Chooses the item if the menu shows it enabled now; else says why not. */
    private static String chooseIfEnabled(Control control, String submenu, String text) {
        // as a right-click does: the control's window comes to the front and the control takes focus, which activates
        // its view and so the handlers of the view's site (a modal dialog closed under Xvfb, with no window manager,
        // may leave the workbench window inactive)
        control.getShell().forceActive();
        control.setFocus();
        Menu menu = control.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        try {
            for (MenuItem item : menu.getItems()) {
                if (submenu.equals(item.getText()) && item.getMenu() != null) {
                    Menu items = item.getMenu();
                    items.notifyListeners(SWT.Show, new Event());
                    for (MenuItem child : items.getItems()) {
                        if (text.equals(child.getText())) {
                            if (!child.isEnabled()) {
                                return "the context menu item \"" + submenu + " > " + text + "\" is disabled" + activation();
                            }
                            child.notifyListeners(SWT.Selection, new Event());
                            return null;
                        }
                    }
                    return "no item \"" + text + "\" in the context submenu \"" + submenu + "\"";
                }
            }
            return "no context submenu \"" + submenu + "\"";
        } finally {
            menu.notifyListeners(SWT.Hide, new Event());
        }
    }

    /** Which part and shell are active: what a command handler of a view's site depends on. */
    private static String activation() {
        Shell active = Display.getCurrent().getActiveShell();
        return " (active part: " + (page().getActivePart() == null ? "none" : page().getActivePart().getTitle())
                + "; active shell: " + (active == null ? "none" : "\"" + active.getText() + "\"") + ")";
    }

    /** Whether the control's context menu, as a right-click fills it, has an enabled item with that text. */
    static boolean contextMenuItemEnabled(Control control, String text) {
        Menu menu = control.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        try {
            for (MenuItem item : menu.getItems()) {
                if (text.equals(item.getText())) {
                    return item.isEnabled();
                }
            }
            return false;
        } finally {
            menu.notifyListeners(SWT.Hide, new Event());
        }
    }

    /** The texts of every item of the tree (expanded ones included), depth first. */
    static List<String> texts(Tree tree) {
        List<String> texts = new ArrayList<>();
        for (TreeItem item : tree.getItems()) {
            collect(item, texts);
        }
        return texts;
    }

    private static void collect(TreeItem item, List<String> texts) {
        texts.add(item.getText());
        for (TreeItem child : item.getItems()) {
            collect(child, texts);
        }
    }
}
