// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Waiting in tests. */
public final class TestUtils {
    /** How long the UI's events are dispatched at the most before the condition is checked again. */
    private static final long DISPATCH_NANOS = 500_000_000L;

    private TestUtils() {
    }

    /**
     * Waits until {@code condition} holds or {@code timeout} passed. On a display thread (a UI test) it dispatches
     * the UI's events meanwhile, so that what the condition waits for can happen there; elsewhere it sleeps.
     * <p>
     * On the display thread the condition is checked only once the event queue is empty (or after half a second of
     * events): SWT runs {@code asyncExec} runnables, such as the views' updates, only when no native event is pending,
     * and a condition that makes events itself (reading a tree expands it) would otherwise never let them run.
     *
     * @return whether the condition holds; false on timeout or when the thread was interrupted (its flag stays set)
     */
    public static boolean waitFor(BooleanSupplier condition, Duration timeout) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            if (display != null) {
                long dispatchedBy = System.nanoTime() + DISPATCH_NANOS;
                while (display.readAndDispatch() && System.nanoTime() - dispatchedBy < 0) {
                    // until idle
                }
            }
            try {
                Thread.sleep(display != null ? 5 : 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Lets {@code time} pass, dispatching the UI's events meanwhile on a display thread. */
    public static void spin(Duration time) {
        waitFor(() -> false, time);
    }
}
