// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * Issue 13 items 4 and 5: the exporter's memory never moves. Its own threads keep writing while it unpublishes,
 * destroys or rebinds a segment that importers have connected and mapped, and every write stays; two export
 * segments over the same pages show their importers the same memory, whatever happens to the other one.
 */
@DisplayName("no write lost on unpublish, destroy, rebind")
@Timeout(60)
class NoWriteLostTest {

    /** How long the exporter's threads count while the segment is revoked over and over. */
    private static final long COUNTING_NANOS = 1_500_000_000L;
    /** Exported memory: page 0 is the importers', the counters live on the others. */
    private static final long SIZE = 64 * PAGE;

    private EmulatedClusterExtension tc;
    private RsmLibrary exporter;
    private RsmController controller;
    private RsmLibrary importer;

    @BeforeEach
    void start() throws RsmException {
        tc = EmulatedClusterExtension.start(2);
        exporter = tc.process(1);
        controller = exporter.getController("emu0");
        importer = tc.process(2);
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    private static boolean counting(long start) {
        return System.nanoTime() - start < COUNTING_NANOS;
    }

    private ImportSegment connectWithBarrier(int id) throws RsmException {
        ImportSegment im = importer.getController("emu0").connect(1, id, Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        return im;
    }

    @Test
    void unpublishAndPublishAgainWhileTheExporterWrites() throws Exception {
        MemorySegment memory = exporter.allocate(SIZE);
        ExportSegment segment = controller.createExportSegment(memory, 0);
        int id = TestCluster.nextSegmentId();
        int rounds = 0;
        try (ExporterCounters counters = new ExporterCounters(memory)) {
            for (long start = System.nanoTime(); counting(start); rounds++) {
                segment.publish(id, null);
                ImportSegment im = connectWithBarrier(id);
                MemorySegment view = im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE);
                view.set(ValueLayout.JAVA_INT, 0, rounds);
                im.put32(4, new int[] { rounds }, 1);
                segment.unpublish();
                view.set(ValueLayout.JAVA_INT, 8, rounds + 1);
                assertEquals(rounds, memory.get(ValueLayout.JAVA_INT, 4), "the put before unpublish landed");
                assertEquals(0, memory.get(ValueLayout.JAVA_INT, 8), "a store after unpublish does not land");
                im.unmap();
                im.disconnect();
            }
            counters.stopAndVerify();
        }
        assertEquals(rounds - 1, memory.get(ValueLayout.JAVA_INT, 0));
    }

    @Test
    void destroyAfterConnectWhileTheExporterWrites() throws Exception {
        MemorySegment memory = exporter.allocate(SIZE);
        int rounds = 0;
        try (ExporterCounters counters = new ExporterCounters(memory)) {
            for (long start = System.nanoTime(); counting(start); rounds++) {
                ExportSegment segment = controller.createExportSegment(memory, 0);
                int id = segment.publish(TestCluster.nextSegmentId(), null);
                ImportSegment im = connectWithBarrier(id);
                MemorySegment view = im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE);
                view.set(ValueLayout.JAVA_INT, 0, rounds);
                segment.destroy();
                view.set(ValueLayout.JAVA_INT, 8, rounds + 1);
                assertEquals(0, memory.get(ValueLayout.JAVA_INT, 8), "a store after destroy does not land");
                im.unmap();
                im.disconnect();
            }
            counters.stopAndVerify();
        }
        assertEquals(rounds - 1, memory.get(ValueLayout.JAVA_INT, 0));
    }

    @Test
    void rebindBackAndForthWhileTheExporterWritesAndImportersFollow() throws Exception {
        MemorySegment a = exporter.allocate(SIZE);
        MemorySegment b = exporter.allocate(SIZE);
        a.set(ValueLayout.JAVA_INT, 0, 0xA);
        b.set(ValueLayout.JAVA_INT, 0, 0xB);
        ExportSegment segment = controller.createExportSegment(a, Rsm.ALLOW_REBIND);
        int id = segment.publish(TestCluster.nextSegmentId(), null);
        ImportSegment mapped = connectWithBarrier(id);
        MemorySegment view = mapped.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE);
        ImportSegment transfers = connectWithBarrier(id);
        try (ExporterCounters counters = new ExporterCounters(a, b)) {
            int rounds = 0;
            for (long start = System.nanoTime(); counting(start); rounds++) {
                MemorySegment now = rounds % 2 == 0 ? b : a;
                MemorySegment before = rounds % 2 == 0 ? a : b;
                int marker = now == a ? 0xA : 0xB;
                segment.rebind(now);
                assertEquals(marker, view.get(ValueLayout.JAVA_INT, 0), "the mapping shows the new memory");
                int[] got = new int[1];
                transfers.get32(0, got, 1);
                assertEquals(marker, got[0], "get reads the new memory");
                view.set(ValueLayout.JAVA_INT, 8, rounds);
                transfers.put32(12, new int[] { rounds }, 1);
                assertEquals(rounds, now.get(ValueLayout.JAVA_INT, 8), "a store through the mapping reaches the new memory");
                assertEquals(rounds, now.get(ValueLayout.JAVA_INT, 12), "a put reaches the new memory");
                if (rounds > 0) {
                    assertEquals(rounds - 1, before.get(ValueLayout.JAVA_INT, 8), "the old memory keeps what it had");
                }
            }
            counters.stopAndVerify();
        }
    }

    @Test
    void twoExportsOverTheSamePagesStayCoherentWhenOneIsUnpublished() throws Exception {
        MemorySegment memory = exporter.allocate(2 * PAGE);
        ExportSegment first = controller.createExportSegment(memory, 0);
        ExportSegment second = controller.createExportSegment(memory, 0);
        int firstId = first.publish(TestCluster.nextSegmentId(), null);
        int secondId = second.publish(TestCluster.nextSegmentId(), null);
        ImportSegment ofFirst = connectWithBarrier(firstId);
        MemorySegment firstView = ofFirst.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, 2 * PAGE);
        ImportSegment ofSecond = connectWithBarrier(secondId);
        MemorySegment secondView = ofSecond.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, 2 * PAGE);

        first.unpublish();
        memory.set(ValueLayout.JAVA_INT, 100, 42);
        assertEquals(42, secondView.get(ValueLayout.JAVA_INT, 100), "the other export's importer sees the exporter's writes");
        secondView.set(ValueLayout.JAVA_INT, PAGE + 200, 43);
        assertEquals(43, memory.get(ValueLayout.JAVA_INT, PAGE + 200), "and the exporter sees its importer's writes");
        firstView.set(ValueLayout.JAVA_INT, 300, 99);
        assertEquals(0, memory.get(ValueLayout.JAVA_INT, 300), "the unpublished export's importer is cut off");
        ofFirst.unmap();
        ofFirst.disconnect();

        // published again: its new importers share the same memory with the other export's importers
        first.publish(firstId, null);
        ImportSegment again = connectWithBarrier(firstId);
        MemorySegment againView = again.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, 2 * PAGE);
        assertEquals(43, againView.get(ValueLayout.JAVA_INT, PAGE + 200));
        againView.set(ValueLayout.JAVA_INT, 400, 44);
        assertEquals(44, secondView.get(ValueLayout.JAVA_INT, 400));

        // and the other way round: the second one unpublished, the first one's importers stay coherent
        second.unpublish();
        memory.set(ValueLayout.JAVA_INT, 500, 45);
        assertEquals(45, againView.get(ValueLayout.JAVA_INT, 500));
        againView.set(ValueLayout.JAVA_INT, 600, 46);
        assertEquals(46, memory.get(ValueLayout.JAVA_INT, 600));
        second.destroy();
        memory.set(ValueLayout.JAVA_INT, 700, 47);
        assertEquals(47, againView.get(ValueLayout.JAVA_INT, 700), "destroying the other export leaves this one alone");
    }
}
