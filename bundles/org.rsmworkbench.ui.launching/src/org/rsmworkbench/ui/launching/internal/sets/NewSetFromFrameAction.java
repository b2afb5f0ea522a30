// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.sets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;
import org.rsmworkbench.core.debug.sets.NodeSet;
import org.rsmworkbench.core.debug.sets.NodeSets;
import org.rsmworkbench.core.debug.stacks.NodeThread;
import org.rsmworkbench.core.debug.stacks.StackNode;

/**
 * New Node Set from Frame (Parallel Stacks view): the nodes whose threads are at the selected frame become a set of their
 * launch's configuration, named as the user says, and the Node Sets view shows it.
 */
public final class NewSetFromFrameAction extends Action {
    private final IWorkbenchPartSite site;
    private final ISelectionProvider frames;

    public NewSetFromFrameAction(IWorkbenchPartSite site, ISelectionProvider frames) {
        super("New Node Set from Frame...");
        this.site = site;
        this.frames = frames;
        setToolTipText("Defines a node set of the nodes at this frame");
    }

    /** The nodes at the selected frame, by the launch they run in (one launch, unless several clusters are debugged). */
    static Map<ILaunch, Set<Integer>> nodesAt(StackNode frame) {
        Map<ILaunch, Set<Integer>> nodes = new LinkedHashMap<>();
        for (NodeThread thread : frame.threads()) {
            if (thread.thread() != null) {
                nodes.computeIfAbsent(thread.thread().getLaunch(), _ -> new TreeSet<>()).add(thread.node());
            }
        }
        return nodes;
    }

    /** Whether a frame is selected, then the action can run. */
    public void update() {
        setEnabled(selectedFrame() != null);
    }

    private StackNode selectedFrame() {
        return frames.getSelection() instanceof IStructuredSelection selection && selection.getFirstElement() instanceof StackNode frame
                && !nodesAt(frame).isEmpty() ? frame : null;
    }

    /**
     * Saves the set of the nodes at the frame, named {@code name}, in the configuration of their launch (the first launch
     * when several clusters are debugged).
     */
    public static NodeSet addSet(StackNode frame, String name) throws CoreException {
        Map.Entry<ILaunch, Set<Integer>> first = nodesAt(frame).entrySet().iterator().next();
        NodeSet set = NodeSet.of(name, first.getValue());
        NodeSets.add(first.getKey().getLaunchConfiguration(), set);
        return set;
    }

    @Override
    public void run() {
        StackNode frame = selectedFrame();
        if (frame == null) {
            return;
        }
        Map.Entry<ILaunch, Set<Integer>> first = nodesAt(frame).entrySet().iterator().next();
        String suggested = "at " + frame.frame().method() + ":" + frame.frame().line();
        InputDialog name = new InputDialog(site.getShell(), "New Node Set from Frame",
                "Name of the set of the nodes " + NodeSet.of("new", first.getValue()).nodeList() + " (at " + frame.frame() + "):",
                suggested, text -> {
                    try {
                        NodeSet.of(text, first.getValue());
                        return null;
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                });
        if (name.open() != Window.OK) {
            return;
        }
        try {
            addSet(frame, name.getValue());
            site.getPage().showView(NodeSetsView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException e) {
            ErrorDialog.openError(site.getShell(), "New Node Set from Frame", "The set is saved; the Node Sets view cannot open.", e.getStatus());
        } catch (CoreException e) {
            ErrorDialog.openError(site.getShell(), "New Node Set from Frame", "The set cannot be saved in the launch configuration.",
                    e.getStatus());
        }
    }
}
