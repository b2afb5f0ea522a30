// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.races;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.IType;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.ui.launching.internal.JavaCallSiteOpener;

/**
 * The problem markers of races (type {@value #TYPE}, a warning): one on each line of a race, saying what the other side
 * is ({@link RaceTree.AccessNode#markerMessage()}). A line outside the workspace's Java sources gets none.
 */
public final class RaceMarkers {
    /** Our marker type, a problem marker and a text marker (plugin.xml). */
    public static final String TYPE = "org.rsmworkbench.ui.launching.race";
    /** The attribute holding the segment of the race, e.g. {@code 1:0x400100}. */
    public static final String SEGMENT = "segment";

    private RaceMarkers() {
    }

    /** Removes every race marker of the workspace (those of earlier runs). */
    public static void clear() throws CoreException {
        ResourcesPlugin.getWorkspace().getRoot().deleteMarkers(TYPE, true, IResource.DEPTH_INFINITE);
    }

    /**
     * Replaces the race markers of the workspace by those of {@code tree}, in one workspace operation.
     *
     * @return how many markers were made
     */
    public static int mark(RaceTree tree) throws CoreException {
        int[] made = { 0 };
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        ResourcesPlugin.getWorkspace().run(_ -> {
            root.deleteMarkers(TYPE, true, IResource.DEPTH_INFINITE);
            Set<List<Object>> seen = new HashSet<>();
            for (RaceTree.AccessNode access : tree.accesses()) {
                CallSite site = access.site();
                if (site == null || site.line() <= 0) {
                    continue; // no line to mark
                }
                IResource file = sourceOf(site);
                if (file != null && seen.add(List.of(file, site.line(), access.markerMessage()))) {
                    file.createMarker(TYPE, Map.of(IMarker.MESSAGE, access.markerMessage(), IMarker.SEVERITY, IMarker.SEVERITY_WARNING,
                            IMarker.LINE_NUMBER, site.line(), IMarker.LOCATION, "line " + site.line(), SEGMENT, access.race().segment()));
                    made[0]++;
                }
            }
        }, root.getWorkspace().getRuleFactory().markerRule(root), 0, null); // markers need no lock of the files
        return made[0];
    }

    /** The source file of the site's class in the workspace, or null. */
    private static IResource sourceOf(CallSite site) throws CoreException {
        IType type = JavaCallSiteOpener.find(site.className());
        return type == null || type.isBinary() ? null : type.getResource();
    }
}
