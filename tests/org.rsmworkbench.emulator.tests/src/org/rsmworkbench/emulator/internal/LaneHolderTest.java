// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertEventsPending;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.emulator.internal.Registry.Events;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;

/**
 * The lane of a signal counter ({@link Events}) changes hands only once the JVM that held it has died: a late store of
 * a JVM alive could otherwise overwrite the count of the lane's next writer. The counter of a segment whose slot held
 * one before is set up as another JVM left it (its serial as holder, its posts on the lane), then an importer of this
 * JVM connects and posts.
 */
@Timeout(30)
class LaneHolderTest {
    /** The serial of a JVM that never ran here: no liveness lock, so dead. */
    private static final int DEAD_JVM = 999_999;
    private static final int POSTS_OF_THE_OTHER_JVM = 7;

    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);

    @Test
    void aLaneOfADeadJvmPassesToTheNextImporterWhosePostsCountOnFromIt() throws Exception {
        try (Registry registry = registry()) {
            Exported e = publishAfterAnotherJvm(registry, DEAD_JVM);
            ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
            long events = Events.ofSegment(slotOf(registry, e.id()));
            postAndConsume(e, im);
            int holder = registry.laneHolder(events);
            assertTrue(holder != 0 && holder != DEAD_JVM, "the lane, once the importer posted: held by " + holder);
        }
    }

    @Test
    void aLaneOfAJvmAliveStaysItsOwnAndTheImportersPostsCountOnTheSharedWord() throws Exception {
        int otherJvm = DEAD_JVM - 1;
        Path jvms = tc.cluster().directory().resolve(ClusterRuntime.JVM_DIRECTORY);
        Files.createDirectories(jvms);
        try (Registry registry = registry(); LockFile alive = LockFile.acquire(jvms.resolve(otherJvm + ".lock"))) {
            Exported e = publishAfterAnotherJvm(registry, otherJvm);
            ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
            long events = Events.ofSegment(slotOf(registry, e.id()));
            assertEquals(otherJvm, registry.laneHolder(events));
            postAndConsume(e, im);
            assertEquals(POSTS_OF_THE_OTHER_JVM, registry.laneEvents(events), "the lane of the JVM alive was written");
        }
    }

    private Registry registry() throws Exception {
        return Registry.open(tc.cluster().directory().resolve(ClusterRuntime.REGISTRY));
    }

    /** A segment published in the slot of one destroyed, whose counter {@code holder} held, with its posts on the lane. */
    private Exported publishAfterAnotherJvm(Registry registry, int holder) throws Exception {
        Exported before = publish(tc.process(1), PAGE, null);
        long events = Events.ofSegment(slotOf(registry, before.id()));
        before.segment().unpublish();
        before.segment().destroy();
        registry.putInt(events + Events.LANE, POSTS_OF_THE_OTHER_JVM);
        registry.putInt(events + Events.LANE_HOLDER, holder);
        Exported e = publish(tc.process(1), PAGE, null);
        assertEquals(events, Events.ofSegment(slotOf(registry, e.id())), "the emulator reuses the lowest free segment slot");
        return e;
    }

    /** Three posts of the importer are three events of the exporter, and the lane's events are none of them. */
    private static void postAndConsume(Exported e, ImportSegment im) throws Exception {
        assertEventsPending(e.segment(), 0);
        for (int i = 0; i < 3; i++) {
            im.signalPost(0);
        }
        assertEventsPending(e.segment(), 3);
    }

    private static int slotOf(Registry registry, int segmentId) {
        for (int slot = 0; slot < registry.segmentSlots(); slot++) {
            if (registry.getIntAcquire(Seg.at(slot, Seg.STATE)) == Seg.PUBLISHED
                    && registry.getInt(Seg.at(slot, Seg.SEGMENT_ID)) == segmentId) {
                return slot;
            }
        }
        throw new AssertionError("no published segment 0x" + Integer.toHexString(segmentId));
    }
}
