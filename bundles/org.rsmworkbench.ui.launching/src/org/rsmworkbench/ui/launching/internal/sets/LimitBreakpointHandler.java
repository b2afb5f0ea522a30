// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.sets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.jdt.debug.core.IJavaBreakpoint;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;
import org.rsmworkbench.core.debug.sets.NodeSet;
import org.rsmworkbench.core.debug.sets.NodeSetBreakpoints;
import org.rsmworkbench.core.debug.sets.NodeSets;
import org.rsmworkbench.core.launching.RsmLaunching;

/**
 * Limit to Node Set... on Java breakpoints (Breakpoints view): the selected breakpoints stop only the nodes of a set,
 * given by its name (a set of an RSM launch configuration) or as a node list; empty lifts the limit.
 */
public final class LimitBreakpointHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        List<IJavaBreakpoint> breakpoints = new ArrayList<>();
        for (Object element : HandlerUtil.getCurrentStructuredSelection(event)) {
            IJavaBreakpoint breakpoint = Adapters.adapt(element, IJavaBreakpoint.class);
            if (breakpoint != null) {
                breakpoints.add(breakpoint);
            }
        }
        if (breakpoints.isEmpty()) {
            return null;
        }
        Map<String, NodeSet> named = definedSets();
        NodeSet current = NodeSetBreakpoints.nodesOf(breakpoints.getFirst());
        String known = named.isEmpty() ? "" : "\n\nNode sets: " + named.values().stream().map(NodeSet::label).collect(Collectors.joining("; "));
        InputDialog dialog = new InputDialog(HandlerUtil.getActiveShellChecked(event), "Limit to Node Set",
                "The nodes whose threads stop at " + (breakpoints.size() == 1 ? "this breakpoint" : "these breakpoints")
                        + ": a node list (1,3-5) or the name of a node set; empty: every node." + known,
                current.isAll() ? "" : current.nodeList(), text -> {
                    try {
                        resolve(text, named);
                        return null;
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                });
        if (dialog.open() != Window.OK) {
            return null;
        }
        NodeSet set = resolve(dialog.getValue(), named);
        try {
            for (IJavaBreakpoint breakpoint : breakpoints) {
                NodeSetBreakpoints.limitTo(breakpoint, set);
            }
        } catch (CoreException e) {
            throw new ExecutionException("Cannot limit the breakpoint to " + set.label() + ": " + e.getMessage(), e);
        }
        return null;
    }

    /**
     * The set a user's text names: every node when it is blank, a set of {@code named}, else the nodes of a node list.
     *
     * @throws IllegalArgumentException saying why the text is neither
     */
    public static NodeSet resolve(String text, Map<String, NodeSet> named) {
        if (text.isBlank()) {
            return NodeSet.all();
        }
        NodeSet set = named.get(text.strip());
        if (set != null) {
            return set;
        }
        try {
            return NodeSet.of("nodes", NodeSet.parseNodes(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + (named.isEmpty() ? "" : ", and no node set is named so"), e);
        }
    }

    /** The sets of the RSM launch configurations by name; a name two configurations give different nodes is left out. */
    static Map<String, NodeSet> definedSets() {
        Map<String, NodeSet> named = new LinkedHashMap<>();
        List<String> ambiguous = new ArrayList<>();
        try {
            ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(RsmLaunching.LAUNCH_CONFIGURATION_TYPE);
            for (ILaunchConfiguration config : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations(type)) {
                for (NodeSet set : setsOf(config)) {
                    NodeSet other = named.putIfAbsent(set.name(), set);
                    if (other != null && !other.equals(set)) {
                        ambiguous.add(set.name());
                    }
                }
            }
        } catch (CoreException e) {
            return Map.of(); // no configurations to read: node lists only
        }
        ambiguous.forEach(named::remove);
        return named;
    }

    private static List<NodeSet> setsOf(ILaunchConfiguration config) {
        try {
            List<NodeSet> sets = NodeSets.of(config);
            return sets.subList(1, sets.size());
        } catch (CoreException unreadable) {
            return List.of();
        }
    }
}
