// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.races;

import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;
import org.rsmworkbench.core.launching.RaceReports;
import org.rsmworkbench.emulator.race.Race;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.ui.launching.internal.JavaCallSiteOpener;
import org.rsmworkbench.ui.timeline.TimelinePairs;

/**
 * The races of the last race-detecting cluster launch ({@link RaceReports}), as a {@link RaceTree}: segment, pair of
 * source lines, race, and its two accesses. A double-click on an access opens its line. Selecting a race or an access
 * shows both accesses in the Timeline view, joined by an arrow (from the selected access to the other), when the launch
 * recorded its run.
 */
public final class RacesView extends ViewPart implements RaceReports.Listener {
    public static final String ID = "org.rsmworkbench.ui.launching.racesView";
    static final String NO_REPORT = "No race report yet: run a cluster launch with Detect races on (Run As > RSM Cluster Application (detect races)).";

    private TreeViewer viewer;
    private Display display;
    /** The report shown, or null. */
    private RaceReports.Reported shown;

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return input instanceof RaceTree tree ? tree.segments().toArray() : new Object[0];
            }

            @Override
            public Object[] getChildren(Object element) {
                return switch (element) {
                case RaceTree.SegmentNode segment -> segment.pairs().toArray();
                case RaceTree.PairNode pair -> pair.races().toArray();
                case RaceTree.RaceNode race -> race.accesses().toArray();
                default -> new Object[0];
                };
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !(element instanceof RaceTree.AccessNode);
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return switch (element) {
                case RaceTree.SegmentNode segment -> segment.label();
                case RaceTree.PairNode pair -> pair.label();
                case RaceTree.RaceNode race -> race.label();
                case RaceTree.AccessNode access -> access.label();
                default -> String.valueOf(element);
                };
            }
        });
        viewer.addDoubleClickListener(e -> open((IStructuredSelection) e.getSelection()));
        viewer.addSelectionChangedListener(e -> showInTimeline(((IStructuredSelection) e.getSelection()).getFirstElement()));
        RaceReports.addListener(this);
        show(RaceReports.latest());
    }

    @Override
    public void dispose() {
        RaceReports.removeListener(this);
        super.dispose();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void detectionStarted(ILaunch launch) {
        String name = launch.getLaunchConfiguration() == null ? "a launch" : launch.getLaunchConfiguration().getName();
        inUi(() -> {
            shown = null;
            viewer.setInput(null);
            setContentDescription("Detecting races in " + name + ": the report comes when its run ends.");
        });
    }

    @Override
    public void reported(RaceReports.Reported reported) {
        inUi(() -> show(reported));
    }

    private void inUi(Runnable task) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    task.run();
                }
            });
        }
    }

    private void show(RaceReports.Reported reported) {
        shown = reported;
        if (reported == null) {
            viewer.setInput(null);
            setContentDescription(NO_REPORT);
            return;
        }
        viewer.setInput(RaceTree.of(reported.report()));
        viewer.expandAll();
        setContentDescription(description(reported));
    }

    /**
     * E.g. "2 races in demo (1234 accesses checked); report in /ws/.metadata/.../demo.json", with where accesses were not
     * checked (logs that met their limit; the console names them) inside the parentheses.
     */
    static String description(RaceReports.Reported reported) {
        int races = reported.report().races().size();
        String name = reported.launch().getLaunchConfiguration() == null ? "the launch" : reported.launch().getLaunchConfiguration().getName();
        return (races == 0 ? "No race" : races == 1 ? "1 race" : races + " races") + " in " + name + " ("
                + reported.report().checkedAccesses() + " accesses checked" + (reported.report().unchecked().isEmpty() ? ""
                        : "; " + reported.report().unchecked().getFirst() + ", see the console") + "); report in " + reported.file();
    }

    private void open(IStructuredSelection selection) {
        Object element = selection.getFirstElement();
        if (!(element instanceof RaceTree.AccessNode access)) {
            if (element != null) {
                viewer.setExpandedState(element, !viewer.getExpandedState(element));
            }
            return;
        }
        CallSite site = access.site();
        try {
            if (site == null || !new JavaCallSiteOpener().open(site, getSite().getPage())) {
                getViewSite().getActionBars().getStatusLineManager().setErrorMessage("No source in the workspace for "
                        + (site == null ? access.label() : site.className()));
            }
        } catch (CoreException e) {
            getViewSite().getActionBars().getStatusLineManager().setErrorMessage(e.getMessage());
        }
    }

    /** The two accesses a tree element stands for, the selected one first: a race's, or an access and its other side. */
    static List<Race.Access> timelinePair(Object element) {
        return switch (element) {
        case RaceTree.RaceNode race -> List.of(race.race().first(), race.race().second());
        case RaceTree.AccessNode access -> List.of(access.access(), access.other());
        case null, default -> List.of();
        };
    }

    private void showInTimeline(Object element) {
        List<Race.Access> pair = timelinePair(element);
        if (pair.isEmpty() || shown == null) {
            return;
        }
        var statusLine = getViewSite().getActionBars().getStatusLineManager();
        if (shown.recording() == null) {
            statusLine.setMessage("The run was not recorded: turn on \"Record this run\" (Recording tab) to see races in the Timeline view");
            return;
        }
        statusLine.setMessage(null);
        try {
            TimelinePairs.show(getSite().getWorkbenchWindow(), shown.recording(), id(pair.get(0)), id(pair.get(1)));
        } catch (ExecutionException e) {
            statusLine.setErrorMessage(e.getMessage());
        }
    }

    private static TimelinePairs.EventId id(Race.Access access) {
        return new TimelinePairs.EventId(access.pid(), access.sequence());
    }

    /** The tree (for tests). */
    public TreeViewer viewer() {
        return viewer;
    }

    /** The races shown (for tests): the top-level elements of the tree. */
    public List<RaceTree.SegmentNode> segments() {
        return viewer.getInput() instanceof RaceTree tree ? tree.segments() : List.of();
    }
}
