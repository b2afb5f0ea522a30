// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterFactory;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Link;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.rsmapi.ControllerAttributes;

/** Model to ClusterSpec and back. */
class ConversionTest {
    private static final ControllerAttributes ODD = new ControllerAttributes(3, 1, 8192, 1 << 20, 1 << 24, 17, 1 << 21, 1 << 25, 19);

    private static ClusterSpec handMade() {
        return new ClusterSpec("lab", 8192,
                List.of(new NodeSpec(0, "alpha", List.of(new ControllerSpec("wrsm0", ODD), new ControllerSpec("wrsm1", ControllerSpec.DEFAULT_ATTRIBUTES))),
                        new NodeSpec(7, "beta", List.of(new ControllerSpec("emu0", ControllerSpec.DEFAULT_ATTRIBUTES))),
                        new NodeSpec(3, "gamma", List.of())),
                List.of(new LinkSpec(0, "wrsm1", 7, "emu0"), new LinkSpec(7, "emu0", 0, "wrsm0")));
    }

    @Test
    void specToModelToSpecIsIdentity() {
        ClusterSpec spec = handMade();
        Cluster model = ClusterSpecs.fromSpec(spec);
        assertEquals("lab", model.getName());
        assertEquals(8192, model.getPageSize());
        assertEquals(List.of(0, 7, 3), model.getNodes().stream().map(Node::getId).toList());
        Controller wrsm0 = model.getNodes().get(0).getControllers().get(0);
        assertEquals(ODD, ClusterSpecs.attributes(wrsm0));
        Link second = model.getLinks().get(1);
        assertSame(model.getNodes().get(1).getControllers().get(0), second.getControllerA());
        assertSame(wrsm0, second.getControllerB());
        assertEquals(spec, ClusterSpecs.toSpec(model));
    }

    @Test
    void modelToSpecToModelKeepsTheTopology() {
        Cluster model = ClusterShapes.ring(6);
        model.getNodes().get(2).getControllers().get(0).setMaxExportSegments(7);
        ClusterSpec spec = ClusterSpecs.toSpec(model);
        assertEquals(6, spec.links().size());
        assertEquals(7, spec.node(3).controllers().get(0).attributes().maxExportSegments());
        Cluster back = ClusterSpecs.fromSpec(spec);
        assertEquals(spec, ClusterSpecs.toSpec(back));
        assertEquals(model.getLinks().size(), back.getLinks().size());
    }

    @Test
    void switchesExpandToLinksAndDownStateIsKept() {
        Cluster model = ClusterShapes.twoSwitches(6);
        model.getSwitches().get(1).setUp(false); // nodes 4,5,6
        model.getLinks().get(0).setUp(false); // trunk 1-4
        ClusterSpec spec = ClusterSpecs.toSpec(model);
        assertEquals(1 + 3 + 3, spec.links().size());
        assertEquals(new LinkSpec(1, "emu0", 4, "emu0"), spec.links().get(0), "explicit links first");
        assertEquals(List.of(new LinkSpec(1, "emu0", 4, "emu0"), new LinkSpec(4, "emu0", 5, "emu0"),
                new LinkSpec(4, "emu0", 6, "emu0"), new LinkSpec(5, "emu0", 6, "emu0")), ClusterSpecs.downLinks(model));
    }

    @Test
    void theStartingStateHasEveryNodeUpAndTheDownLinksDown() {
        Cluster model = ClusterShapes.twoSwitches(6);
        model.getSwitches().get(1).setUp(false);
        model.getNodes().get(0).setHostname("alpha");
        ClusterState state = ClusterSpecs.startingState(model);
        assertEquals(ClusterSpecs.toSpec(model).name(), state.name());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), state.nodes().stream().map(ClusterState.Node::id).toList());
        assertTrue(state.nodes().stream().allMatch(ClusterState.Node::up));
        assertEquals("alpha", state.nodes().get(0).hostname());
        assertEquals(ClusterSpecs.toSpec(model).links(), state.links().stream().map(ClusterState.Link::link).toList());
        assertEquals(ClusterSpecs.downLinks(model), state.links().stream().filter(l -> !l.up()).map(ClusterState.Link::link).toList());
        assertTrue(state.segments().isEmpty() && state.processes().isEmpty() && state.connections().isEmpty());
    }

    @Test
    void aBrokenLinkIsRefusedWithAMessage() {
        Cluster model = ClusterShapes.fullyConnected(3);
        Controller stray = ClusterFactory.eINSTANCE.createController();
        stray.setName("emu0");
        model.getLinks().get(0).setControllerA(stray);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterSpecs.toSpec(model));
        assertTrue(e.getMessage().contains("validate"), e.getMessage());
    }

    @Test
    void credentialsConvertBothWays() {
        var api = new org.rsmworkbench.rsmapi.Credentials(5, 6, java.util.Set.of(9, 7), 027, true);
        var model = ClusterSpecs.fromCredentials(api);
        assertEquals(List.of(7, 9), model.getGroups());
        assertEquals(api, ClusterSpecs.toCredentials(model));
        Node bare = ClusterFactory.eINSTANCE.createNode();
        assertEquals(new org.rsmworkbench.rsmapi.Credentials(1000, 1000, java.util.Set.of(), 022, false), ClusterSpecs.credentialsOf(bare));
    }
}
