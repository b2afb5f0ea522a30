// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.sets;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.RsmLaunching;

/**
 * The node sets of a launch configuration, saved in it ({@link RsmLaunching#ATTR_NODE_SETS}, one {@code NAME=NODES} line
 * each) so that every run of the configuration has them: {@link NodeSet#all()} first, then the user's sets in the order
 * they were defined.
 */
public final class NodeSets {
    private NodeSets() {
    }

    /**
     * The sets of the configuration, {@code all} first.
     *
     * @throws CoreException when the attribute cannot be read or holds a line that is not a set (edited by hand)
     */
    public static List<NodeSet> of(ILaunchConfiguration config) throws CoreException {
        List<NodeSet> sets = new ArrayList<>();
        sets.add(NodeSet.all());
        for (String line : config.getAttribute(RsmLaunching.ATTR_NODE_SETS, List.of())) {
            try {
                sets.add(decode(line));
            } catch (IllegalArgumentException e) {
                throw new CoreException(Status.error("The node set \"" + line + "\" of " + config.getName() + " is not NAME=NODES: "
                        + e.getMessage() + " (delete it in the Node Sets view)", e));
            }
        }
        return sets;
    }

    /**
     * Adds the set to the configuration and saves it; a set of that name is replaced.
     *
     * @throws CoreException when the set names nodes the configuration's cluster lacks, or the configuration cannot be saved
     */
    public static void add(ILaunchConfiguration config, NodeSet set) throws CoreException {
        if (set.isAll()) {
            throw new IllegalArgumentException("every configuration has the set \"" + NodeSet.ALL + "\"");
        }
        try {
            set.requireIn(ClusterLaunchConfiguration.cluster(config).nodeIds());
        } catch (IllegalArgumentException e) {
            throw new CoreException(Status.error(e.getMessage(), e));
        }
        List<String> lines = new ArrayList<>();
        boolean replaced = false;
        for (NodeSet old : userSets(config)) {
            boolean same = old.name().equals(set.name());
            lines.add(encode(same ? set : old));
            replaced |= same;
        }
        if (!replaced) {
            lines.add(encode(set));
        }
        save(config, lines);
    }

    /** Removes the set of that name from the configuration and saves it (nothing happens when there is none). */
    public static void remove(ILaunchConfiguration config, String name) throws CoreException {
        List<String> lines = userSets(config).stream().filter(s -> !s.name().equals(name)).map(NodeSets::encode).toList();
        save(config, lines);
    }

    private static List<NodeSet> userSets(ILaunchConfiguration config) throws CoreException {
        List<NodeSet> sets = of(config);
        return sets.subList(1, sets.size());
    }

    private static void save(ILaunchConfiguration config, List<String> lines) throws CoreException {
        ILaunchConfigurationWorkingCopy copy = config.getWorkingCopy();
        copy.setAttribute(RsmLaunching.ATTR_NODE_SETS, lines.isEmpty() ? null : lines);
        copy.doSave();
    }

    /** The saved form of a set: {@code A=1,3-5}. */
    public static String encode(NodeSet set) {
        return set.name() + "=" + set.nodeList();
    }

    /**
     * A set from its saved form.
     *
     * @throws IllegalArgumentException when the line is not {@code NAME=NODES}
     */
    public static NodeSet decode(String line) {
        int equals = line.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("no '=' between the name and the nodes");
        }
        return NodeSet.define(line.substring(0, equals), line.substring(equals + 1));
    }
}
