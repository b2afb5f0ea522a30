// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.debug.sets.NodeSet;
import org.rsmworkbench.core.debug.sets.NodeSets;
import org.rsmworkbench.core.launching.RsmLaunching;

/** Node sets: node lists parsed with clear errors, and saved with the launch configuration. */
class NodeSetTest {
    private ILaunchConfiguration saved;

    @AfterEach
    void deleteConfiguration() throws CoreException {
        if (saved != null) {
            saved.delete();
        }
    }

    @Test
    void aNodeListIsIdsAndRanges() {
        NodeSet set = NodeSet.define(" A ", "1, 3-5,4");
        assertEquals("A", set.name());
        assertEquals(Set.of(1, 3, 4, 5), set.nodes());
        assertEquals("1,3-5", set.nodeList());
        assertEquals("A: nodes 1,3-5", set.label());
        assertTrue(set.contains(4));
        assertFalse(set.contains(2));
        assertEquals("B: node 2", NodeSet.define("B", "2").label());
    }

    @Test
    void allHoldsEveryNode() {
        NodeSet all = NodeSet.all();
        assertTrue(all.isAll());
        assertTrue(all.contains(1) && all.contains(63));
        assertEquals("all: every node", all.label());
    }

    @Test
    void badListsAndNamesSayWhatIsWrong() {
        assertEquals("\"x\" in the node list is not a node id or a range like 1-3", error("A", "1,x"));
        assertEquals("\"\" in the node list is not a node id or a range like 1-3", error("A", "1,,3"));
        assertEquals("the range 5-3 in the node list is backwards", error("A", "5-3"));
        assertEquals("the node list is empty: give node ids and ranges, e.g. 1,3-5", error("A", " "));
        assertEquals("a node set needs a name", error(" ", "1"));
        assertEquals("the name of a node set cannot contain '=' or a line break: a=b", error("a=b", "1"));
        assertEquals("\"all\" is the set of every node; give this set another name", error("all", "1"));
    }

    private static String error(String name, String nodes) {
        return assertThrows(IllegalArgumentException.class, () -> NodeSet.define(name, nodes)).getMessage();
    }

    @Test
    void theSavedFormIsNameEqualsNodes() {
        NodeSet set = NodeSet.define("pong nodes", "2-4");
        assertEquals("pong nodes=2-4", NodeSets.encode(set));
        assertEquals(set, NodeSets.decode("pong nodes=2-4"));
        assertEquals("no '=' between the name and the nodes",
                assertThrows(IllegalArgumentException.class, () -> NodeSets.decode("A 1,2")).getMessage());
    }

    @Test
    void setsAreSavedWithTheLaunchConfigurationAndCheckedAgainstItsCluster() throws CoreException {
        ILaunchConfigurationWorkingCopy copy = Launches.type().newInstance(null,
                DebugPlugin.getDefault().getLaunchManager().generateLaunchConfigurationName("nodesets"));
        copy.setAttribute(RsmLaunching.ATTR_NODE_COUNT, 4);
        saved = copy.doSave();
        assertEquals(List.of(NodeSet.all()), NodeSets.of(saved));

        NodeSets.add(saved, NodeSet.define("A", "1,3"));
        NodeSets.add(saved, NodeSet.define("B", "2-4"));
        NodeSets.add(saved, NodeSet.define("A", "1,4")); // replaces A in its place
        assertEquals(List.of(NodeSet.all(), NodeSet.define("A", "1,4"), NodeSet.define("B", "2-4")), NodeSets.of(reread()));

        CoreException outside = assertThrows(CoreException.class, () -> NodeSets.add(saved, NodeSet.define("C", "3,9")));
        assertEquals("node set C: the cluster has no node 9 (its nodes: [1, 2, 3, 4])", outside.getMessage());

        NodeSets.remove(saved, "A");
        assertEquals(List.of(NodeSet.all(), NodeSet.define("B", "2-4")), NodeSets.of(reread()));
    }

    /** The configuration as a new run would read it: from its file, through the launch manager. */
    private ILaunchConfiguration reread() throws CoreException {
        return Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations(Launches.type()))
                .filter(c -> c.getName().equals(saved.getName())).findFirst().orElseThrow();
    }
}
