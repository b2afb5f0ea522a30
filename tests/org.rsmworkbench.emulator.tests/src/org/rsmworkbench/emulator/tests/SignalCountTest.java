// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * RSMAPI.md §3.6: each event is consumed once, by one wait, and belongs to the segment or connection it was posted
 * to. (The emulator shares only the count of posted events; each handle counts in its JVM what it consumed.)
 */
@DisplayName("§3.6 signal counts")
@Timeout(30)
class SignalCountTest {

    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);


    @Test
    void eventsOfADestroyedSegmentDoNotReachTheNextOne() throws Exception {
        RsmLibrary exporter = tc.process(1);
        RsmLibrary importer = tc.process(2);
        for (int segment = 0; segment < 3; segment++) {
            Exported e = publish(exporter, PAGE, null);
            ImportSegment im = connect(importer, "emu0", e, Rsm.PERM_RDWR);
            assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
            assertRsmError(RsmError.TIMEOUT, () -> im.signalWait(0));
            for (int i = 0; i < 3; i++) {
                im.signalPost(0);
                e.segment().signalPost(0);
            }
            // one of three consumed on each side: two are left behind when the segment goes
            assertRsmOk(() -> e.segment().signalWait(0));
            assertRsmOk(() -> im.signalWait(0));
            im.disconnect();
            e.segment().unpublish();
            e.segment().destroy();
        }
    }

    @Test
    void threadsOfTheConsumingProcessShareItsEvents() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        int events = 20_000;
        ExecutorService waiters = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = waiters.submit(() -> consumeAll(e));
            Future<Integer> second = waiters.submit(() -> consumeAll(e));
            for (int i = 0; i < events; i++) {
                im.signalPost(0);
            }
            int consumed = first.get() + second.get();
            assertTrue(consumed <= events, consumed + " events consumed of " + events + " posted");
            for (; consumed < events; consumed++) {
                assertRsmOk(() -> e.segment().signalWait(1000));
            }
            assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
        } finally {
            waiters.shutdownNow();
        }
    }

    /** Consumes events until none arrives for 100 ms: how many it consumed. */
    private static int consumeAll(Exported e) throws Exception {
        int consumed = 0;
        try {
            for (;;) {
                e.segment().signalWait(100);
                consumed++;
            }
        } catch (RsmException end) {
            if (end.error() != RsmError.TIMEOUT) {
                throw end;
            }
            return consumed;
        }
    }
}
