// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connectReady;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * Processes of one cluster in several JVMs (JAVA-BINDING.md: the shared state lives in the cluster directory).
 * The test JVM runs the cluster and in-JVM processes; children are launched with processArguments and talk
 * through stdin/stdout lines.
 */
@DisplayName("several JVMs")
@Timeout(120)
class MultiJvmTest {

    private static final HexFormat HEX = HexFormat.of();

    /** A cluster per test, closed after the test's node JVM (the @AfterEach methods run before the extension's). */
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private NodeJvm child;

    @AfterEach
    void closeChild() {
        if (child != null) {
            child.close();
        }
    }

    private NodeJvm startChild(int node) throws Exception {
        child = NodeJvm.start(tc.cluster(), node, EmulatedClusterExtension.USER);
        assertEquals("node=" + node + " uid=1000", child.expect("HELLO", "HELLO"));
        return child;
    }

    private static ImportSegment importFrom(RsmLibrary lib, int node, int id) throws RsmException {
        ImportSegment im = lib.getController("emu0").connect(node, id, Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        return im;
    }

    /** Puts to {@code im} every 25 ms until a put fails, for {@code millis} at the most: that put's error, or null. */
    private static RsmError firstPutError(ImportSegment im, long millis) throws InterruptedException {
        for (long t0 = System.nanoTime(); System.nanoTime() - t0 < millis * 1_000_000;) {
            try {
                im.put8(0, new byte[] { 2 }, 1);
            } catch (RsmException e) {
                return e.error();
            }
            Thread.sleep(25);
        }
        return null;
    }

    @Test
    void childExportsTestJvmImportsBothSeeTheData() throws Exception {
        NodeJvm c = startChild(2);
        int id = Integer.parseUnsignedInt(c.expect("EXPORT " + 2 * PAGE + " 1", "READY"), 16);
        RsmLibrary me = tc.process(1);
        ImportSegment im = importFrom(me, 2, id);
        assertEquals(2 * PAGE, im.size());

        byte[] data = { 1, 2, 3, 4, 5, 6, 7, (byte) 0xFF };
        im.put(PAGE + 8, MemorySegment.ofArray(data));
        assertEquals(HEX.formatHex(data), c.expect("READ " + (PAGE + 8) + " 8", "DATA"));

        assertEquals("", c.expect("WRITE 16 a1b2c3d4", "OK"));
        byte[] back = new byte[4];
        im.get(16, MemorySegment.ofArray(back));
        assertEquals("a1b2c3d4", HEX.formatHex(back));

        // a direct mapping sees the child's memory too
        im.disconnect();
        ImportSegment mapped = me.getController("emu0").connect(2, id, Rsm.PERM_RDWR);
        MemorySegment m = mapped.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE);
        m.set(ValueLayout.JAVA_BYTE, 100, (byte) 0x5C);
        assertEquals("5c", c.expect("READ 100 1", "DATA"));
    }

    @Test
    void testJvmExportsChildImportsBothSeeTheData() throws Exception {
        RsmLibrary me = tc.process(1);
        Exported e = TestCluster.publish(me, PAGE, List.of(new AccessEntry(2, 0666)));
        NodeJvm c = startChild(2);
        assertEquals(Long.toString(PAGE), c.expect("IMPORT 1 " + Integer.toHexString(e.id()), "CONNECTED"));
        assertEquals("", c.expect("PUT 24 0102030405", "OK"));
        byte[] seen = e.memory().asSlice(24, 5).toArray(ValueLayout.JAVA_BYTE);
        assertEquals("0102030405", HEX.formatHex(seen));
        e.memory().set(ValueLayout.JAVA_INT, 64, 0x11223344);
        byte[] expected = MemorySegment.ofArray(new int[] { 0x11223344 }).toArray(ValueLayout.JAVA_BYTE);
        assertEquals(HEX.formatHex(expected), c.expect("GET 64 4", "DATA"), "native byte order across JVMs");
    }

    @Test
    void unpublishInTheTestJvmIsSeenByTheChildAtOnce() throws Exception {
        RsmLibrary me = tc.process(1);
        Exported e = TestCluster.publish(me, PAGE, List.of(new AccessEntry(2, 0666)));
        NodeJvm c = startChild(2);
        c.expect("IMPORT 1 " + Integer.toHexString(e.id()), "CONNECTED");
        e.segment().unpublish();
        // forced disconnect is synchronous: the child's next implicit put fails
        assertEquals("CONN_ABORTED", c.expect("PUT 0 00", "ERROR").split(" ")[0]);
        assertEquals("SEG_NOT_PUBLISHED",
                c.expect("IMPORT 1 " + Integer.toHexString(e.id()), "ERROR").split(" ")[0]);
    }

    @Test
    void killedExporterJvmIsSeenAsAForcedDisconnectAndTheSurvivorsKeepWorking() throws Exception {
        NodeJvm c = startChild(2);
        int id = Integer.parseUnsignedInt(c.expect("EXPORT " + PAGE + " 1", "READY"), 16);
        RsmLibrary me = tc.process(1);
        ImportSegment im = importFrom(me, 2, id);
        im.put8(0, new byte[] { 1 }, 1);

        c.process().destroyForcibly();
        long t0 = System.nanoTime();
        RsmError seen = firstPutError(im, 2_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(RsmError.CONN_ABORTED, seen, "forced disconnect after kill -9, waited " + ms + " ms");
        assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> me.getController("emu0").connect(2, id, Rsm.PERM_READ));
        assertRsmOk(im::disconnect);

        // the surviving processes, also on the dead JVM's node, keep working
        RsmLibrary onNode2 = tc.process(2);
        Exported e = TestCluster.publish(onNode2, PAGE, null);
        ImportSegment fresh = connectReady(me, e, Rsm.PERM_RDWR);
        fresh.put32(0, new int[] { 31337 }, 1);
        int[] back = new int[1];
        fresh.get32(0, back, 1);
        assertEquals(31337, back[0]);
        assertEquals(31337, e.memory().get(ValueLayout.JAVA_INT, 0));
        Exported mine = TestCluster.publish(me, PAGE, null);
        assertRsmOk(() -> connectReady(onNode2, mine, Rsm.PERM_RDWR).put8(0, new byte[] { 9 }, 1));
    }

    @Test
    void childThatClosesItsLibraryIsSeenWithinOneSecond() throws Exception {
        NodeJvm c = startChild(2);
        int id = Integer.parseUnsignedInt(c.expect("EXPORT " + PAGE + " 1", "READY"), 16);
        RsmLibrary me = tc.process(1);
        ImportSegment im = importFrom(me, 2, id);
        c.expect("EXIT", "BYE");
        assertEquals(RsmError.CONN_ABORTED, firstPutError(im, 1_500));
        assertEquals(0, c.waitFor(10_000), "the node program exits normally");
    }

    @Test
    void killNodeEndsItsJvmsWithStatus137() throws Exception {
        NodeJvm c = startChild(2);
        int id = Integer.parseUnsignedInt(c.expect("EXPORT " + PAGE + " 1", "READY"), 16);
        RsmLibrary me = tc.process(1);
        ImportSegment im = importFrom(me, 2, id);
        tc.cluster().killNode(2);
        assertEquals(137, c.waitFor(3_000), "a node JVM of a killed node exits with 137 within 1 s");
        assertRsmError(RsmError.CONN_ABORTED, () -> im.put8(0, new byte[1], 1));
        assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE,
                () -> me.getController("emu0").connect(2, id, Rsm.PERM_READ));
    }

    /**
     * Terminate Cluster: a node JVM ends (143, terminated) at its next call or at its watcher's next look, without its
     * calls failing as its peers go.
     */
    @Test
    void theProgramOfAStoppedClusterEndsWithoutSeeingItsPeersGo() throws Exception {
        Exported exported = TestCluster.publish(tc.process(1), PAGE, TestCluster.openTo(2));
        NodeJvm c = startChild(2);
        c.expect("IMPORT 1 " + Integer.toHexString(exported.id()), "CONNECTED");
        tc.cluster().stopNodes();
        c.send("PUT 0 01");
        assertEquals(143, c.waitFor(3_000), c.transcript());
        String answer = c.awaitAnswer(200);
        assertTrue(answer == null || answer.startsWith("EOF"), "no answer from a stopped cluster's node, got " + answer + "\n"
                + c.transcript());
    }

    @Test
    void aProgramOfAKilledNodeNeverSeesItsOwnDeath() throws Exception {
        NodeJvm c = startChild(2);
        c.expect("EXPORT " + PAGE + " 1", "READY");
        tc.cluster().killNode(2);
        // at once, before the JVM's watcher looks: a call that would fail (its node is down) ends the JVM instead
        c.send("EXPORT " + PAGE + " 1");
        assertEquals(137, c.waitFor(3_000));
        String answer = c.awaitAnswer(200);
        assertTrue(answer == null || answer.startsWith("EOF"), "no answer from a killed node, got " + answer + "\n" + c.transcript());
    }

    @Test
    void aSignalWaitHeldUpPastItsTimeoutSaysHowLongTheCallTook() throws Exception {
        NodeJvm c = startChild(2);
        c.expect("EXPORT " + PAGE + " 1", "READY");
        String onTime = c.expect("WAIT 100", "ERROR TIMEOUT");
        assertTrue(onTime.matches(".*no signal arrived on segment 0x\\p{XDigit}+ of node 2 within 100 ms"), onTime);
        // the JVM stopped during the wait for longer than the timeout, as a debugger suspends it
        c.send("WAIT 1000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tc.cluster().waits().waits().stream().noneMatch(w -> w.node() == 2)) { // the wait has begun
            assertTrue(System.nanoTime() < deadline, "node 2's signal wait never showed in the cluster's waits");
            Thread.sleep(10);
        }
        ProcessSignals.send("STOP", c.process().pid());
        try {
            Thread.sleep(3000);
        } finally {
            ProcessSignals.send("CONT", c.process().pid());
        }
        String late = c.awaitAnswer("ERROR TIMEOUT", 20_000);
        assertTrue(late.matches(".*no signal arrived on segment 0x\\p{XDigit}+ of node 2 within its timeout of 1000 ms "
                + "\\(the call returned after \\d+\\.\\d s\\)"), late);
        double seconds = Double.parseDouble(late.replaceAll(".*returned after (\\d+\\.\\d) s\\)", "$1"));
        assertTrue(seconds >= 3.0, late);
    }

    /** Sends a signal (STOP, CONT) to a process. */}
