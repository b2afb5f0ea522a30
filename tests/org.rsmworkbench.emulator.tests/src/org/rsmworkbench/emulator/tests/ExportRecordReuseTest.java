// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * An export call that passed its checks, then waited for the registry lock while its node was killed (which frees
 * the segment's record) and another segment took the record, must not write into that other segment's record: it
 * fails with BAD_SEG_HNDL and the other segment's importers keep their memory (RSMAPI §3.2).
 */
@DisplayName("export calls and a reused segment record")
@Timeout(60)
class ExportRecordReuseTest {

    private static final int Q_MARKER = 0x22222222;
    private static final int Q_OTHER_MARKER = 0x33333333;

    /** The call of the killed node's segment that waits for the lock. */
    enum Call {
        REBIND, UNPUBLISH, DESTROY, REPUBLISH, PUBLISH;

        void run(ExportSegment segment, MemorySegment otherMemory) throws RsmException {
            switch (this) {
            case REBIND -> segment.rebind(otherMemory);
            case UNPUBLISH -> segment.unpublish();
            case DESTROY -> segment.destroy();
            case REPUBLISH -> segment.republish(List.of(new AccessEntry(1, 0666)));
            case PUBLISH -> segment.publish(TestCluster.nextSegmentId(), List.of(new AccessEntry(1, 0666)));
            }
        }
    }

    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);

    @ParameterizedTest
    @EnumSource(Call.class)
    void aCallThatWaitedForTheLockLeavesTheRecordsNewSegmentAlone(Call call) throws Exception {
        RsmLibrary p = tc.process(1);
        MemorySegment pMemory = p.allocate(PAGE);
        MemorySegment pOther = p.allocate(PAGE);
        ExportSegment pSegment = p.getController("emu0").createExportSegment(pMemory, Rsm.ALLOW_REBIND);
        if (call != Call.PUBLISH) {
            pSegment.publish(TestCluster.nextSegmentId(), List.of());
        }

        ReentrantLock lock = registryLockOfThisJvm(tc.cluster());
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().name("stale-export-call").unstarted(() -> {
            try {
                call.run(pSegment, pOther);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        Exported q;
        ImportSegment importer;
        lock.lock();
        try {
            caller.start();
            for (long t0 = System.nanoTime(); !lock.hasQueuedThread(caller); Thread.sleep(1)) {
                assertTrue(System.nanoTime() - t0 < 10_000_000_000L, call + " never waited for the registry lock");
            }
            // this thread holds the lock's in-JVM half: its own mutations go first, the caller's waits behind them
            tc.cluster().killNode(1);
            RsmLibrary qProcess = tc.process(2);
            MemorySegment qMemory = qProcess.allocate(PAGE);
            // a second file of Q, with the index of P's second file: where a stale rebind would send Q's importers
            qProcess.allocate(PAGE).set(ValueLayout.JAVA_INT, 0, Q_OTHER_MARKER);
            qMemory.set(ValueLayout.JAVA_INT, 0, Q_MARKER);
            ExportSegment qSegment = qProcess.getController("emu0").createExportSegment(qMemory, 0);
            int qId = qSegment.publish(TestCluster.nextSegmentId(), List.of(new AccessEntry(3, 0666)));
            q = new Exported(qProcess, qProcess.getController("emu0"), qMemory, qSegment, qId);
            importer = TestCluster.connectReady(tc.process(3), q, TestCluster.RDWR);
            assertEquals(Q_MARKER, get32(importer));
        } finally {
            lock.unlock();
        }
        caller.join(30_000);

        RsmException failure = assertInstanceOf(RsmException.class, outcome.get(),
                call + " of a segment whose record was freed while it waited for the lock");
        assertEquals(RsmError.BAD_SEG_HNDL, failure.error(), failure.getMessage());
        assertEquals(Q_MARKER, get32(importer), "the importer of the segment that took the record keeps its memory");
        ImportSegment newImporter = TestCluster.connectReady(tc.process(3), q, TestCluster.RDWR);
        assertEquals(Q_MARKER, get32(newImporter), "the segment that took the record keeps its id and ACL");
    }

    private static int get32(ImportSegment importer) throws RsmException {
        int[] word = new int[1];
        importer.get32(0, word, 1);
        return word[0];
    }

    /**
     * The in-JVM half of the cluster's registry lock (internal, reached by reflection): a thread that holds it
     * keeps this JVM's other threads from mutating the registry, while its own mutations still run.
     */
    private static ReentrantLock registryLockOfThisJvm(EmulatedCluster cluster) throws ReflectiveOperationException {
        Object runtime = field(cluster, "runtime");
        Object registry = field(runtime, "registry");
        return (ReentrantLock) field(registry, "jvmLock");
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
