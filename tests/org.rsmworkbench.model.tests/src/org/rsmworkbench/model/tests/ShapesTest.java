// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.internal.Octal;

/** The ready-made shapes and the model's defaults. */
class ShapesTest {
    private static Set<String> pairs(ClusterSpec spec) {
        Set<String> pairs = new HashSet<>();
        for (LinkSpec l : spec.links()) {
            int a = Math.min(l.nodeA(), l.nodeB()), b = Math.max(l.nodeA(), l.nodeB());
            assertTrue(pairs.add(a + "-" + b), "duplicate link " + l);
        }
        return pairs;
    }

    @Test
    void nodesHaveIdsHostnamesAControllerAndDefaultCredentials() {
        Cluster c = ClusterShapes.nodes(3);
        assertEquals(List.of(1, 2, 3), c.getNodes().stream().map(Node::getId).toList());
        assertEquals(List.of("node1", "node2", "node3"), c.getNodes().stream().map(Node::getHostname).toList());
        for (Node n : c.getNodes()) {
            assertEquals("emu0", n.getControllers().get(0).getName());
            Credentials cred = n.getDefaultCredentials();
            assertEquals(new org.rsmworkbench.rsmapi.Credentials(1000, 1000, Set.of(), 022, false), ClusterSpecs.toCredentials(cred));
        }
        assertTrue(c.getLinks().isEmpty());
        assertEquals(4096, c.getPageSize());
        assertThrows(IllegalArgumentException.class, () -> ClusterShapes.nodes(0));
    }

    @Test
    void fullyConnectedIsTheEmulatorsFullyConnected() {
        for (int n : new int[] { 1, 2, 5, 63 }) {
            assertEquals(ClusterSpec.fullyConnected(n), ClusterSpecs.toSpec(ClusterShapes.fullyConnected(n)));
        }
    }

    @Test
    void ringLinksNeighbours() {
        assertEquals(Set.of("1-2", "2-3", "3-4", "4-5", "1-5"), pairs(ClusterSpecs.toSpec(ClusterShapes.ring(5))));
        assertEquals(Set.of("1-2"), pairs(ClusterSpecs.toSpec(ClusterShapes.ring(2))));
        assertEquals(Set.of(), pairs(ClusterSpecs.toSpec(ClusterShapes.ring(1))));
    }

    @Test
    void oneSwitchReachesEveryPairWithNPorts() {
        Cluster c = ClusterShapes.singleSwitch(6);
        assertEquals(0, c.getLinks().size());
        assertEquals(6, c.getSwitches().get(0).getPorts().size());
        assertEquals(pairs(ClusterSpec.fullyConnected(6)), pairs(ClusterSpecs.toSpec(c)));
    }

    @Test
    void twoSwitchesJoinHalvesThroughTheirGateways() {
        Cluster c = ClusterShapes.twoSwitches(5); // 1,2,3 on switchA; 4,5 on switchB; trunk 1-4
        assertEquals(List.of("switchA", "switchB"), c.getSwitches().stream().map(s -> s.getName()).toList());
        assertEquals(Set.of("1-2", "1-3", "2-3", "4-5", "1-4"), pairs(ClusterSpecs.toSpec(c)));
        assertEquals(Set.of(), pairs(ClusterSpecs.toSpec(ClusterShapes.twoSwitches(1))));
    }

    @Test
    void octalModesReadAndWriteAsC() {
        assertEquals(0640, Octal.parse("0640"));
        assertEquals(420, Octal.parse("420"));
        assertEquals(0, Octal.parse("0"));
        assertEquals("0640", Octal.format(0640));
        assertEquals("0022", Octal.format(022));
        assertEquals("0000", Octal.format(0));
        assertThrows(NumberFormatException.class, () -> Octal.parse("0689"));
        assertEquals(0600, org.rsmworkbench.model.cluster.ClusterFactory.eINSTANCE.createAccessEntry().getPermission());
        assertEquals(022, ClusterShapes.defaultCredentials().getUmask());
    }
}
