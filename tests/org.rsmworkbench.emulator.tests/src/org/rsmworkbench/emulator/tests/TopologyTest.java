// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.rsmapi.Connections;
import org.rsmworkbench.rsmapi.RemoteController;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.Topology;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/** RSMAPI.md §3.7 and §6 (topology) with the binding's rules for link and node state. */
@DisplayName("§3.7 topology")
class TopologyTest {

    private EmulatedClusterExtension tc;

    @AfterEach
    void stop() {
        if (tc != null) {
            tc.close();
        }
    }

    private static Connections controller(Topology t, String name) {
        return t.connections().stream().filter(c -> c.controllerName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no controller " + name + " in " + t));
    }

    /** node id → state, for the remotes of one local controller. */
    private static Map<Integer, Integer> states(Connections c) {
        Map<Integer, Integer> m = new TreeMap<>();
        for (RemoteController r : c.remotes()) {
            m.put(r.nodeId(), r.connectionState());
        }
        return m;
    }

    @Test
    void fullyConnectedClusterListsEveryOtherNodeActive() throws Exception {
        tc = EmulatedClusterExtension.start(3);
        for (int node = 1; node <= 3; node++) {
            Topology t = tc.process(node).getInterconnectTopology();
            assertEquals(node, t.localNodeId());
            assertEquals(1, t.connections().size(), "only the real controllers, no loopback: " + t);
            Connections emu = controller(t, "emu0");
            assertEquals(2, emu.remotes().size());
            for (RemoteController r : emu.remotes()) {
                assertTrue(r.nodeId() != node && r.nodeId() >= 1 && r.nodeId() <= 3, r.toString());
                assertEquals("emu0", r.controllerName());
                assertEquals(Rsm.CONNECTION_ACTIVE, r.connectionState());
            }
        }
    }

    @Test
    void hardwareAddressesAreConsistentAcrossNodes() throws Exception {
        tc = EmulatedClusterExtension.start(3);
        Map<Integer, Long> local = new TreeMap<>();
        for (int node = 1; node <= 3; node++) {
            local.put(node, controller(tc.process(node).getInterconnectTopology(), "emu0").localHwAddr());
        }
        assertEquals(3, local.values().stream().distinct().count(), "each adapter has its own address: " + local);
        for (int node = 1; node <= 3; node++) {
            for (RemoteController r : controller(tc.process(node).getInterconnectTopology(), "emu0").remotes()) {
                assertEquals(local.get(r.nodeId()), r.hwAddr(), "node " + node + " sees node " + r.nodeId());
            }
        }
    }

    @Test
    void linkDownShowsStateZeroOnBothSides() throws Exception {
        tc = EmulatedClusterExtension.start(3);
        RsmLibrary p1 = tc.process(1);
        RsmLibrary p2 = tc.process(2);
        tc.cluster().setLink(2, "emu0", 1, "emu0", false);
        assertEquals(Map.of(2, 0, 3, Rsm.CONNECTION_ACTIVE), states(controller(p1.getInterconnectTopology(), "emu0")));
        assertEquals(Map.of(1, 0, 3, Rsm.CONNECTION_ACTIVE), states(controller(p2.getInterconnectTopology(), "emu0")));
        tc.cluster().setLink(1, "emu0", 2, "emu0", true);
        assertEquals(Map.of(2, Rsm.CONNECTION_ACTIVE, 3, Rsm.CONNECTION_ACTIVE),
                states(controller(p1.getInterconnectTopology(), "emu0")));
    }

    @Test
    void deadNodeShowsStateZeroUntilRestarted() throws Exception {
        tc = EmulatedClusterExtension.start(3);
        RsmLibrary p1 = tc.process(1);
        tc.cluster().killNode(3);
        assertEquals(Map.of(2, Rsm.CONNECTION_ACTIVE, 3, 0), states(controller(p1.getInterconnectTopology(), "emu0")));
        tc.cluster().restartNode(3);
        assertEquals(Map.of(2, Rsm.CONNECTION_ACTIVE, 3, Rsm.CONNECTION_ACTIVE),
                states(controller(p1.getInterconnectTopology(), "emu0")));
        Topology t3 = tc.process(3).getInterconnectTopology();
        assertEquals(3, t3.localNodeId());
    }

    @Test
    void onlyLinkedControllersAreListed() throws Exception {
        ControllerSpec emu0 = new ControllerSpec("emu0", ControllerSpec.DEFAULT_ATTRIBUTES);
        ControllerSpec emu1 = new ControllerSpec("emu1", ControllerSpec.DEFAULT_ATTRIBUTES);
        ClusterSpec spec = new ClusterSpec("rails", TestCluster.PAGE,
                List.of(new NodeSpec(1, "a", List.of(emu0, emu1)), new NodeSpec(2, "b", List.of(emu0)),
                        new NodeSpec(3, "c", List.of(emu1))),
                List.of(new LinkSpec(1, "emu0", 2, "emu0"), new LinkSpec(1, "emu1", 3, "emu1")));
        tc = EmulatedClusterExtension.start(spec);
        Topology t1 = tc.process(1).getInterconnectTopology();
        assertEquals(2, t1.connections().size());
        assertEquals(Map.of(2, Rsm.CONNECTION_ACTIVE), states(controller(t1, "emu0")));
        assertEquals(Map.of(3, Rsm.CONNECTION_ACTIVE), states(controller(t1, "emu1")));
        assertEquals("emu1", controller(t1, "emu1").remotes().get(0).controllerName());
        Topology t2 = tc.process(2).getInterconnectTopology();
        assertEquals(1, t2.connections().size());
        assertEquals(Map.of(1, Rsm.CONNECTION_ACTIVE), states(controller(t2, "emu0")));
        // node 3 has no link to node 2: not listed at all
        Topology t3 = tc.process(3).getInterconnectTopology();
        assertEquals(Map.of(1, Rsm.CONNECTION_ACTIVE), states(controller(t3, "emu1")));
        assertNotNull(t3.connections());
    }

    @Test
    void closedLibraryIsBadCtlrHndl() throws Exception {
        tc = EmulatedClusterExtension.start(2);
        RsmLibrary p = tc.process(1);
        p.close();
        assertRsmError(RsmError.BAD_CTLR_HNDL, p::getInterconnectTopology);
    }
}
