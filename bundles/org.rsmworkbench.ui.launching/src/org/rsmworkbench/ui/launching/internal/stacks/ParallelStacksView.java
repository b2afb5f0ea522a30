// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.stacks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.part.ViewPart;
import org.rsmworkbench.core.debug.stacks.NodeThread;
import org.rsmworkbench.core.debug.stacks.ParallelStacks;
import org.rsmworkbench.core.debug.stacks.StackNode;
import org.rsmworkbench.ui.launching.internal.JavaCallSiteOpener;
import org.rsmworkbench.ui.launching.internal.sets.NewSetFromFrameAction;

/**
 * The stacks of every suspended thread of every node JVM of the cluster launches, merged into one tree: the outermost
 * frames at the top, each frame with the nodes and threads that are there. Selecting frames selects their threads in
 * the Debug view; a double-click opens the frame's source line; the context menu makes a node set of the nodes at a
 * frame.
 */
public final class ParallelStacksView extends ViewPart {
    public static final String ID = "org.rsmworkbench.ui.launching.parallelStacksView";
    /** Suspends of many nodes come in bursts: one read of the stacks after the burst. */
    private static final long REFRESH_DELAY_MILLIS = 100;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private TreeViewer viewer;
    private Display display;
    private final IAction hideRuntime = new Action("Hide Runtime Frames", IAction.AS_CHECK_BOX) {
        @Override
        public void run() {
            refresh();
        }
    };
    private final Job reader = Job.create("Reading the stacks of the suspended node JVMs", _ -> {
        read();
    });
    private final IDebugEventSetListener debugEvents = this::debugEvents;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    /** The threads last read, to merge again when the toggle changes without reading the debugger again. */
    private volatile Stacks stacks = new Stacks(0, 0, List.of());
    private volatile Consumer<Refresh> refreshTimer = _ -> {
    };

    /** Threads read from the debugger, and when the read began and ended ({@link System#nanoTime()}). */
    private record Stacks(long readNanos, long readDoneNanos, List<NodeThread> threads) {
    }

    /**
     * A refresh of the tree, timed (for the benchmarks): when the read of the stacks it shows began and ended, when it
     * was shown (the tree's items made and expanded), all {@link System#nanoTime()}; how long the UI thread took to
     * show it, and the processor time it used meanwhile.
     */
    public record Refresh(long readNanos, long readDoneNanos, long shownNanos, long uiThreadNanos, long uiThreadCpuNanos,
            List<StackNode> roots) {
    }

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        display = parent.getDisplay();
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return ((StackNode) parentElement).children().toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((StackNode) element).children().isEmpty();
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ParallelStacksView.label((StackNode) element);
            }
        });
        viewer.setInput(List.of());
        viewer.addDoubleClickListener(e -> open((IStructuredSelection) e.getSelection()));
        viewer.addSelectionChangedListener(e -> DebugViewSelection.select(getSite().getPage(), threadsOf((IStructuredSelection) e.getSelection())));
        getSite().setSelectionProvider(viewer);
        NewSetFromFrameAction newSet = new NewSetFromFrameAction(getSite(), viewer);
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> {
            newSet.update();
            m.add(newSet);
            m.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
        hideRuntime.setChecked(true);
        hideRuntime.setToolTipText("Hide the frames of the RSM runtime and of the JDK (the JVMs' own threads with them)");
        getViewSite().getActionBars().getToolBarManager().add(hideRuntime);
        getViewSite().getActionBars().getMenuManager().add(hideRuntime);
        reader.setSystem(true);
        DebugPlugin.getDefault().addDebugEventListener(debugEvents);
        reader.schedule();
    }

    /** A frame, who is there and, where threads stop in an RSM call, which call. */
    static String label(StackNode node) {
        String activity = node.rsmActivity();
        return node.frame() + "   " + node.label() + (activity == null ? "" : " · in RSM " + activity);
    }

    private void debugEvents(DebugEvent[] events) {
        for (DebugEvent event : events) {
            int kind = event.getKind();
            if (kind == DebugEvent.SUSPEND || kind == DebugEvent.RESUME || kind == DebugEvent.TERMINATE) {
                reader.schedule(REFRESH_DELAY_MILLIS);
                return;
            }
        }
    }

    private void read() {
        long start = System.nanoTime();
        List<NodeThread> read = ParallelStacks.collect(DebugPlugin.getDefault().getLaunchManager().getLaunches());
        stacks = new Stacks(start, System.nanoTime(), read);
        // one refresh waiting for the UI thread at a time: it shows the last read, however many were made meanwhile
        if (refreshQueued.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(() -> {
                refreshQueued.set(false);
                refresh();
            });
        }
    }

    /** Merges the threads last read again and shows the tree. */
    private void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        long start = System.nanoTime();
        long startCpu = CPU.getCurrentThreadCpuTime();
        Stacks shown = stacks;
        List<StackNode> roots = ParallelStacks.merge(shown.threads(), hideRuntime.isChecked());
        viewer.setInput(roots);
        viewer.expandAll();
        setContentDescription(roots.isEmpty() ? "No node JVM is suspended: debug a cluster launch and stop at a breakpoint."
                : roots.stream().mapToInt(r -> r.threads().size()).sum() + " suspended threads");
        long end = System.nanoTime();
        refreshTimer.accept(new Refresh(shown.readNanos(), shown.readDoneNanos(), end, end - start,
                CPU.getCurrentThreadCpuTime() - startCpu, roots));
    }

    /** The threads at the selected frames, once each. */
    private static Set<IThread> threadsOf(IStructuredSelection selection) {
        Set<IThread> threads = new LinkedHashSet<>();
        for (Object element : selection) {
            ((StackNode) element).threads().stream().map(NodeThread::thread).filter(Objects::nonNull).forEach(threads::add);
        }
        return threads;
    }

    private void open(IStructuredSelection selection) {
        if (selection.getFirstElement() instanceof StackNode node) {
            try {
                if (!new JavaCallSiteOpener().open(node.frame(), getSite().getPage())) {
                    getViewSite().getActionBars().getStatusLineManager()
                            .setErrorMessage("No source in the workspace for " + node.frame().className());
                }
            } catch (CoreException e) {
                getViewSite().getActionBars().getStatusLineManager().setErrorMessage(e.getMessage());
            }
        }
    }

    /** The tree (for tests). */
    public TreeViewer viewer() {
        return viewer;
    }

    /** {@code timer} gets every refresh of the tree from now on, on the UI thread (for the benchmarks). */
    public void timeRefreshes(Consumer<Refresh> timer) {
        refreshTimer = timer;
    }

    /** Hides or shows the runtime's frames, as the toolbar toggle does (for tests). */
    public void setHideRuntime(boolean hide) {
        hideRuntime.setChecked(hide);
        refresh();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        DebugPlugin.getDefault().removeDebugEventListener(debugEvents);
        reader.cancel();
        super.dispose();
    }
}
