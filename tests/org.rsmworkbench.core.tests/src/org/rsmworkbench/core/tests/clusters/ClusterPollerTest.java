// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.clusters.ClusterPoller;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.StateTracker;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** Live refresh: a poll reports a change only when a cluster was added, removed or its version moved. */
class ClusterPollerTest {
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    private RunningClusters registry;
    private ClusterPoller poller;

    @BeforeEach
    void start() throws Exception {
        registry = new RunningClusters();
        poller = new ClusterPoller(registry);
    }

    @AfterEach
    void stop() {
        registry.removeAll();
    }

    @Test
    void unchangedClusterGivesNoUpdate() {
        assertFalse(poller.poll().changed(), "nothing registered");
        RunningCluster entry = registry.addLaunched(tc.cluster(), null);
        ClusterPoller.Update first = poller.poll();
        assertTrue(first.changed());
        assertEquals(List.of(entry), first.changedClusters());
        for (int i = 0; i < 5; i++) {
            ClusterPoller.Update again = poller.poll();
            assertFalse(again.changed(), "poll " + i + " saw a change where there was none");
            assertEquals(1, again.states().size());
        }
    }

    @Test
    void eachKindOfChangeIsSeen() throws Exception {
        RunningCluster entry = registry.addLaunched(tc.cluster(), null);
        poller.poll();
        tc.cluster().killNode(2);
        ClusterPoller.Update killed = poller.poll();
        assertTrue(killed.changed());
        assertFalse(killed.states().get(entry).nodes().get(1).up());
        assertFalse(poller.poll().changed());
        tc.cluster().setLink(1, "emu0", 3, "emu0", false);
        assertTrue(poller.poll().changed());
        try (RsmLibrary process = tc.process(1, new Credentials(7, 7, Set.of(), 022, false))) {
            assertTrue(poller.poll().changed(), "a new process");
            MemorySegment memory = process.allocate(4096);
            process.getController("emu0").createExportSegment(memory, 0).publish(0x400040, List.of());
            ClusterPoller.Update published = poller.poll();
            assertTrue(published.changed());
            assertEquals(1, published.states().get(entry).segments().size());
            assertEquals(1, poller.history(entry).events().size());
        }
        registry.remove(entry);
        ClusterPoller.Update removed = poller.poll();
        assertTrue(removed.changed());
        assertTrue(removed.states().isEmpty());
    }

    @Test
    void stoppedAttachedClusterIsPruned() throws Exception {
        EmulatedCluster other = EmulatedCluster.start(ClusterSpec.fullyConnected(1));
        registry.attach(other.directory());
        assertEquals(1, poller.poll().states().size());
        other.close();
        ClusterPoller.Update update = poller.poll();
        assertTrue(update.changed());
        assertTrue(update.states().isEmpty());
        assertTrue(registry.clusters().isEmpty());
    }

    @Test
    void trackerAcceptsOnlyNewVersions() {
        StateTracker tracker = new StateTracker();
        var state = tc.cluster().state();
        assertTrue(tracker.accept(state));
        assertFalse(tracker.accept(state));
        assertFalse(tracker.accept(tc.cluster().state()));
        tc.cluster().killNode(1);
        assertTrue(tracker.accept(tc.cluster().state()));
    }
}
