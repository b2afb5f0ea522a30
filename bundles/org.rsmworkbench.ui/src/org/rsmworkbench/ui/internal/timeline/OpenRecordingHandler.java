// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.rsmworkbench.core.trace.TimelineModel;

/** RSM > Open Recording...: asks for a {@code .rsmtrace} folder and shows it in the Timeline view. */
public final class OpenRecordingHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        Shell shell = HandlerUtil.getActiveShellChecked(event);
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Open Recording");
        dialog.setMessage("A recording folder (.rsmtrace), made by rsm-launch --record");
        String folder = dialog.open();
        if (folder == null) {
            return null;
        }
        show(HandlerUtil.getActiveWorkbenchWindowChecked(event), Path.of(folder));
        return null;
    }

    /** Shows the recording in {@code folder} in the Timeline view, read in a job; a run still recording is followed. */
    public static void show(IWorkbenchWindow window, Path folder) throws ExecutionException {
        show(window, folder, IWorkbenchPage.VIEW_ACTIVATE, _ -> {
        });
    }

    /**
     * Shows the recording in {@code folder} in the Timeline view as {@link #show(IWorkbenchWindow, Path)} does, but
     * without taking the focus from the part that asks, then gives the view to {@code then} (on the UI thread): at once
     * when the view shows that recording already.
     */
    public static void show(IWorkbenchWindow window, Path folder, Consumer<TimelineView> then) throws ExecutionException {
        show(window, folder, IWorkbenchPage.VIEW_VISIBLE, then);
    }

    private static void show(IWorkbenchWindow window, Path folder, int mode, Consumer<TimelineView> then) throws ExecutionException {
        Shell shell = window.getShell();
        TimelineView view;
        try {
            view = (TimelineView) window.getActivePage().showView(TimelineView.ID, null, mode);
        } catch (PartInitException e) {
            throw new ExecutionException("cannot show the Timeline view", e);
        }
        if (folder.equals(view.recordingFolder())) {
            then.accept(view);
            return;
        }
        // a recording of a long run holds millions of events: read it off the UI thread
        Job.create("Reading the recording " + folder, _ -> {
            try {
                TimelineModel timeline = TimelineModel.open(folder);
                shell.getDisplay().asyncExec(() -> {
                    view.show(folder, timeline);
                    if (folder.equals(view.recordingFolder())) { // else the view was closed meanwhile
                        then.accept(view);
                    }
                    if (!timeline.warnings().isEmpty()) {
                        MessageDialog.openWarning(shell.isDisposed() ? null : shell, "Open Recording", "Not every event of "
                                + folder + " could be read:\n" + String.join("\n", timeline.warnings()));
                    }
                });
            } catch (IOException e) {
                shell.getDisplay().asyncExec(() -> MessageDialog.openError(shell.isDisposed() ? null : shell, "Open Recording", e.getMessage()));
            } catch (OutOfMemoryError e) {
                String why = TimelineView.tooLargeToShow(folder); // what the read allocated is garbage again
                shell.getDisplay().asyncExec(() -> MessageDialog.openError(shell.isDisposed() ? null : shell, "Open Recording", why));
            }
        }).schedule();
    }
}
