// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.JavaProjects.lineOf;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.launching.RsmRuntime;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.ui.internal.timeline.TimelineView;

/**
 * Double-clicking an event in the Timeline view opens its call site's line in the Java editor: a program of a workspace
 * project is run with recording, and the span of its export_create is double-clicked.
 */
class TimelineCallSiteTest {
    private static final String PROGRAM = """
            package demo;

            import org.rsmworkbench.rsmapi.*;

            public final class Exporter {
                public static void main(String[] args) throws Exception {
                    try (RsmLibrary rsm = Rsm.open()) {
                        RsmController controller = rsm.getController("loopback");
                        ExportSegment segment = controller.createExportSegment(rsm.allocate(4096), 0); // the call site
                        segment.destroy();
                        controller.release();
                    }
                }
            }
            """;

    @TempDir
    Path temporary;
    private IJavaProject project;

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void cleanUp() throws CoreException {
        page().closeAllEditors(false);
        if (project != null) {
            project.getProject().delete(true, true, null);
        }
    }

    @Test
    void doubleClickingASpanOpensItsCallSitesLine() throws Exception {
        project = javaProject("timeline-call-site", Map.of("demo/Exporter.java", PROGRAM));
        Path recording = temporary.resolve("exporter.rsmtrace");
        Set<Path> classPath = new LinkedHashSet<>(RsmRuntime.runtimeEntries());
        classPath.add(project.getProject().getFolder("bin").getLocation().toPath());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = RsmLaunch.run(List.of("--record", recording.toString(), "--record-call-sites", "all", "--nodes", "1", "--cp",
                classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)), "--timeout", "60s",
                "demo.Exporter"), print, print);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));

        TimelineView view = (TimelineView) page().showView(TimelineView.ID);
        view.open(recording);
        TraceEvent create = view.model().next(null, view.model().origin(), true, e -> e.kind() == EventKind.EXPORT_CREATE);
        assertNotNull(create.site(), "recorded with its call site");
        IFile source = project.getProject().getFile("src/demo/Exporter.java");
        int line = lineOf(source, "controller.createExportSegment");
        assertEquals(line, create.site().line());

        long length = Math.max(10_000, create.duration() * 10);
        view.setWindow(new TimeWindow(create.time() - length / 2, create.time() + length / 2));
        Point at = view.pointOf(create);
        Event click = new Event();
        click.x = at.x;
        click.y = at.y;
        click.button = 1;
        click.count = 2;
        view.canvas().notifyListeners(SWT.MouseDoubleClick, click);

        IEditorPart editor = page().getActiveEditor();
        assertTrue(editor instanceof ITextEditor, "an editor opened: " + editor);
        assertEquals(source, ((IFileEditorInput) editor.getEditorInput()).getFile());
        ITextEditor text = (ITextEditor) editor;
        IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
        ITextSelection selection = (ITextSelection) text.getSelectionProvider().getSelection();
        assertEquals(line - 1, document.getLineOfOffset(selection.getOffset()), "the call site's line is selected");
        assertTrue(selection.getText().contains("controller.createExportSegment"), selection.getText());
        page().hideView(view);
    }
}
