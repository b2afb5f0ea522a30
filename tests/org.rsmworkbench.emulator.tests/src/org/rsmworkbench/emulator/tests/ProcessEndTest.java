// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * How a call ends when its process does. A node JVM that gets SIGTERM (the IDE's Terminate) while its program's main
 * thread is inside an RSM call ends as a C process would: at once, the call never returning; before, the exit hook closed
 * the library under the call, which failed, and the program printed "ERROR ... (its process ended)" at every Terminate.
 * A call on a library its program closed says that, not that its process ended.
 */
@DisplayName("a call whose process ends")
class ProcessEndTest {
    /** How long the program's own shutdown hook takes. */
    private static final long HOOK_MILLIS = 500;

    /**
     * The program's main thread asleep in a signal wait; also interrupted by a shutdown hook of the program's own (the
     * wait failed with INTERRUPTED).
     */
    @ParameterizedTest(name = "hook option \"{0}\"")
    @ValueSource(strings = { "", " INTERRUPT" })
    @Timeout(90)
    void aNodeJvmTerminatedInAWaitEndsWithoutTheWaitFailing(String hookOption) throws Exception {
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(2);
                NodeJvm child = NodeJvm.start(tc.cluster(), 2, EmulatedClusterExtension.USER)) {
            child.expect("SLOW-EXIT " + HOOK_MILLIS + hookOption, "OK");
            child.expect("EXPORT " + PAGE + " 1", "READY");
            child.send("WAIT 60000"); // answers SIGNAL, or ERROR when the wait fails
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (tc.cluster().waits().waits().stream().noneMatch(w -> w.node() == 2)) {
                assertTrue(System.nanoTime() < deadline, "node 2's signal wait never showed in the cluster's waits");
                Thread.sleep(10);
            }
            terminateAndExpectNoAnswer(child);
        }
    }

    /**
     * The program's main thread in a loop, as the examples' are: making control calls, putting through an import
     * (which the exit hook's close releases), loading from its exported memory or storing through the import's mapping
     * (which the close unmapped: the thread failed with IllegalStateException, a stack trace at every Terminate).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "CONTROL", "PUT", "LOAD", "MSTORE" })
    @Timeout(90)
    void aNodeJvmTerminatedInABusyLoopEndsWithoutACallFailing(String loop) throws Exception {
        terminateInABusyLoop(loop, "");
    }

    /** A call whose thread is interrupted as its JVM ends (by a shutdown hook of the program's own) does not return either. */
    @Test
    @Timeout(90)
    void aCallInterruptedAsItsJvmEndsDoesNotReturnEither() throws Exception {
        terminateInABusyLoop("PUT", " INTERRUPT");
    }

    private static void terminateInABusyLoop(String loop, String hookOption) throws Exception {
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(2);
                NodeJvm child = NodeJvm.start(tc.cluster(), 2, EmulatedClusterExtension.USER)) {
            Exported exported = TestCluster.publish(tc.process(1), PAGE, TestCluster.openTo(2));
            child.expect("SLOW-EXIT " + HOOK_MILLIS + hookOption, "OK");
            child.expect("EXPORT " + PAGE + " 1", "READY");
            child.expect("IMPORT 1 " + Integer.toHexString(exported.id()), "CONNECTED");
            if (loop.equals("MSTORE")) {
                child.expect("MAP", "MAPPED");
            }
            child.expect("BUSY " + loop, "BUSY");
            terminateAndExpectNoAnswer(child);
        }
    }

    /**
     * A shutdown hook of the program's own that makes RSM calls after the library was closed: its first failing call
     * waits for the halt, which cannot come while the hook runs, and gives up after 3 s; its later calls fail at once
     * (each waited 3 s: a Terminate took 3 s a call).
     */
    @Test
    @Timeout(90)
    void aShutdownHookOfTheProgramThatCallsRsmHoldsTheEndUpOnce() throws Exception {
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(2);
                NodeJvm child = NodeJvm.start(tc.cluster(), 2, EmulatedClusterExtension.USER)) {
            child.expect("HOOK-CALLS 3", "OK");
            long terminated = System.nanoTime();
            child.process().toHandle().destroy();
            assertEquals(143, child.waitFor(30_000), "exit status after SIGTERM; " + child.transcript());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - terminated);
            assertTrue(tookMillis < 6000, "the JVM ended " + tookMillis + " ms after SIGTERM: each of the hook's calls waited");
            for (int call = 1; call <= 3; call++) {
                String failure = child.awaitAnswer("HOOK-FAILED ", 2000);
                assertTrue(failure.endsWith("(its process ended; its JVM did not halt within 3000 ms: a shutdown hook of the"
                        + " program's own holds it up)"), failure);
            }
        }
    }

    /**
     * Sends SIGTERM, as Terminate does: the JVM ends with 143 once the program's own shutdown hook (which gives a failing
     * call time to answer) has run, and the call in progress answers nothing.
     */
    private static void terminateAndExpectNoAnswer(NodeJvm child) throws Exception {
        child.process().toHandle().destroy(); // Process.destroy() would also close the pipes we read the answers from
        assertEquals(143, child.waitFor(30_000), "exit status after SIGTERM; " + child.transcript());
        // a call that held the exit hook up would fail once the wait for the halt ran out (3 s), and answer that failure:
        // the answer says so, not how long the end took (a loaded machine's)
        String answer = child.awaitAnswer(2000); // the last line the program wrote has been read by now
        // EOF: the output's reader failed as the JVM ended (a pipe that closes at the end adds nothing)
        assertTrue(answer == null || answer.startsWith("EOF "), "the call returned as its JVM ended: " + child.transcript());
        assertFalse(child.standardError().contains("ERROR"), child.standardError());
    }

    @Test
    void aCallOnALibraryItsProgramClosedSaysSo() throws Exception {
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(2)) {
            Exported exported = TestCluster.publish(tc.process(1), PAGE, TestCluster.openTo(2));
            RsmLibrary importer = tc.process(2);
            ImportSegment imported = TestCluster.connect(importer, "emu0", exported, Rsm.PERM_RDWR);
            RsmController controller = importer.getController("emu0");
            importer.close();
            RsmException e = assertThrows(RsmException.class, () -> imported.put64(0, new long[1], 1));
            assertEquals(RsmError.BAD_SEG_HNDL, e.error());
            assertTrue(e.getMessage().endsWith("has been disconnected (its library was closed)"), e.getMessage());
            RsmException released = assertThrows(RsmException.class, controller::release);
            assertEquals(RsmError.BAD_CTLR_HNDL, released.error());
            assertTrue(released.getMessage().endsWith("is already released (its library was closed)"), released.getMessage());
        }
    }
}
