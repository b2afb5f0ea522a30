// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.ui.JavaUI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.texteditor.ITextEditor;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.ui.timeline.CallSiteOpener;

/**
 * Opens a call site of the Timeline view in the Java editor: the class is looked up in the workspace's Java projects
 * (a source type before a class file of a library, as the Console's stack-trace links prefer), and the editor selects
 * the site's line.
 */
public final class JavaCallSiteOpener implements CallSiteOpener {

    @Override
    public boolean open(CallSite site, IWorkbenchPage page) throws CoreException {
        IType type = find(site.className());
        if (type == null) {
            return false;
        }
        IEditorPart editor = JavaUI.openInEditor(type, true, site.line() <= 0);
        if (site.line() > 0 && editor instanceof ITextEditor text) {
            IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
            try {
                IRegion line = document.getLineInformation(site.line() - 1);
                text.selectAndReveal(line.getOffset(), line.getLength());
            } catch (BadLocationException sourceChanged) {
                // the source no longer has that line: the type is shown, as for a site without a line
            }
        }
        return true;
    }

    /** The type of a class name as a stack frame names it (nested and anonymous classes: their top-level type), or null. */
    public static IType find(String className) throws CoreException {
        int nested = className.indexOf('$');
        String topLevel = nested < 0 ? className : className.substring(0, nested);
        IType binary = null;
        for (IJavaProject project : JavaCore.create(ResourcesPlugin.getWorkspace().getRoot()).getJavaProjects()) {
            if (!project.getProject().isOpen()) {
                continue;
            }
            IType type = project.findType(topLevel);
            if (type != null && !type.isBinary()) {
                return type;
            }
            if (binary == null) {
                binary = type;
            }
        }
        return binary;
    }
}
