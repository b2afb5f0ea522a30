// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.timeline;

import java.nio.file.Path;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchWindow;
import org.rsmworkbench.ui.internal.timeline.OpenRecordingHandler;

/** Shows two events of a recording together in the Timeline view: what the Races view does for a race's two accesses. */
public final class TimelinePairs {
    private TimelinePairs() {
    }

    /** An event of a recording: the process whose log holds it, and its sequence number in that log. */
    public record EventId(long pid, long sequence) {
    }

    /**
     * Shows the recording in {@code folder} in the Timeline view of {@code window} (read in a job, unless the view
     * shows it already), and there {@code first} and {@code second} framed together, ringed and joined by an arrow from
     * the first to the second; the view's status line says so when the recording lacks either.
     */
    public static void show(IWorkbenchWindow window, Path folder, EventId first, EventId second) throws ExecutionException {
        OpenRecordingHandler.show(window, folder, view -> view.showPair(first.pid(), first.sequence(), second.pid(), second.sequence()));
    }
}
