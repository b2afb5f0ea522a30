package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

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
    static void waitUntil(java.util.function.Supplier<String> what, long millis, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out after " + millis + " ms waiting until " + what.get());
            }
            drain(display);
        }
    }

    /**
     * Dispatches until idle (or 500 ms): SWT runs asyncExec runnables only once no native event is
     * pending, so a condition that itself causes events (expanding a tree) must not be checked after
     * every single event.
     */
    private static void drain(Display display) {
        long until = System.currentTimeMillis() + 500;
        while (display.readAndDispatch()) {
            if (System.currentTimeMillis() > until) {
                return;
            }
        }
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /**
     * Waits until background jobs run: the workbench suspends the job manager while it starts, and the
     * first test may begin before it resumes.
     */
    static void waitForJobs() {
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        org.eclipse.core.runtime.jobs.Job probe = org.eclipse.core.runtime.jobs.Job.create("probe", monitor -> {
            ran.set(true);
        });
        probe.setSystem(true);
        probe.schedule();
        waitUntil("background jobs run", 60_000, ran::get);
    }

    /** Runs the event loop for {@code millis}. */
    static void spin(long millis) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
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
