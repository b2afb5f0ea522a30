package org.rsmworkbench.tests.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Waiting in tests. */
public final class TestUtils {
    private TestUtils() {
    }

    /**
     * Waits until {@code condition} holds or {@code timeout} passed. On a display thread (a UI test) it dispatches
     * the UI's events meanwhile, so that what the condition waits for can happen there; elsewhere it sleeps.
     *
     * @return whether the condition holds; false on timeout or when the thread was interrupted (its flag stays set)
     */
    public static boolean waitFor(BooleanSupplier condition, Duration timeout) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (display == null || !display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
