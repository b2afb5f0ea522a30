// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.emulator.tests.nodes.NodeProgram.ANSWER;
import static org.rsmworkbench.emulator.tests.nodes.NodeProgram.DOORBELL_WAIT_MILLIS;
import static org.rsmworkbench.emulator.tests.nodes.NodeProgram.REQUEST;
import static org.rsmworkbench.emulator.tests.nodes.NodeProgram.message;
import static org.rsmworkbench.emulator.tests.nodes.NodeProgram.messageMismatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.emulator.tests.nodes.NodeProgram;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * Doorbell messaging across JVMs (RSMAPI.md §8 flow 4, §3.6). The importer, a node program in a child JVM
 * ({@code NodeProgram} command DOORBELL), puts a request (round number + 64 pattern bytes of the round) into
 * the request segment exported by the test JVM and posts on its import handle; the exporter, a process of the
 * test JVM, waits for the signal, checks the request, puts the answer of the round into a reply segment that
 * the child exports, and posts on its export handle (which signals every importer: here the one child); the
 * child waits on its import handle and checks the answer. Thousands of round trips, content checked on both
 * sides each round, no event lost and none left over. Every wait is bounded, and the whole exchange runs
 * under assertTimeoutPreemptively.
 */
@DisplayName("doorbell messaging across JVMs")
@Timeout(180)
class DoorbellMultiJvmTest {

    private static final int ROUNDS = 10_000;
    /** Per child in the pollfd variant: two children, so the exporter serves twice as many requests. */
    private static final int POLL_ROUNDS = 10_000;
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final int SLICE_MILLIS = 500;
    private static final Credentials CHILD = new Credentials(1000, 1000, Set.of(), 022, false);

    private EmulatedClusterExtension tc;
    private final List<NodeJvm> children = new ArrayList<>();

    @AfterEach
    void stop() {
        try {
            for (NodeJvm c : children) {
                c.close();
            }
        } finally {
            if (tc != null) {
                tc.close();
            }
        }
    }

    /** One importer: a child on {@code node} that imports {@code request} and exports its reply segment to node 1. */
    private record Client(int node, NodeJvm jvm, Exported request, ImportSegment reply, Barrier replyBarrier) {
    }

    private Client client(RsmLibrary exporter, int node, BarrierMode mode) throws Exception {
        Exported request = TestCluster.publish(exporter, PAGE, TestCluster.openTo(node));
        NodeJvm c = NodeJvm.start(tc.cluster(), node, CHILD);
        children.add(c);
        assertEquals("node=" + node + " uid=1000", c.expect("HELLO", "HELLO"));
        int replyId = Integer.parseUnsignedInt(c.expect("EXPORT " + PAGE + " " + exporter.localNodeId(), "READY"), 16);
        assertEquals(Long.toString(PAGE), c.expect("IMPORT " + exporter.localNodeId() + " "
                + Integer.toHexString(request.id()), "CONNECTED"));
        ImportSegment reply = exporter.getController("emu0").connect(node, replyId, Rsm.PERM_RDWR);
        Barrier barrier = reply.initBarrier(BarrierType.SEGMENT);
        reply.setMode(mode);
        return new Client(node, c, request, reply, barrier);
    }

    /** The exporter's half of one round: the request of {@code round} is in place; answer it and post. */
    private static void serve(Client c, long round, BarrierMode mode) throws RsmException {
        String bad = messageMismatch(c.request().memory(), 0, round, REQUEST);
        if (bad != null) {
            fail("round " + round + " from node " + c.node() + ": the request is wrong: " + bad);
        }
        if (mode == BarrierMode.EXPLICIT) {
            c.replyBarrier().open();
            c.reply().put(0, message(round, ANSWER));
            c.replyBarrier().close();
        } else {
            c.reply().put(0, message(round, ANSWER));
        }
        c.request().segment().signalPost(0);
    }

    /** One slice of a wait for a signal: signalWait or signalWaitPollFd with this timeout. */
    private interface SliceWait {
        int await(int millis) throws RsmException;
    }

    /**
     * Waits for a signal for at most {@link NodeProgram#DOORBELL_WAIT_MILLIS}, in slices of {@link #SLICE_MILLIS}; a
     * child that answered meanwhile (FAIL ..., it gave up) ends the wait at once with what it said.
     */
    private static int awaitSignal(List<Client> clients, String what, SliceWait wait) throws InterruptedException {
        long deadline = System.nanoTime() + DOORBELL_WAIT_MILLIS * 1_000_000L;
        for (;;) {
            try {
                return wait.await(SLICE_MILLIS);
            } catch (RsmException e) {
                if (e.error() != RsmError.TIMEOUT) {
                    throw new AssertionError("exporter, " + what + ": " + e.getMessage(), e);
                }
            }
            for (Client c : clients) {
                String early = c.jvm().awaitAnswer(0);
                if (early != null) {
                    throw new AssertionError("exporter, " + what + ": no signal, and the child on node " + c.node()
                            + " said: " + early + "\n" + c.jvm().transcript());
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("exporter, " + what + ": no signal within " + DOORBELL_WAIT_MILLIS
                        + " ms; children alive: " + clients.stream().map(c -> c.node() + "=" + c.jvm().process().isAlive())
                                .toList());
            }
        }
    }

    private void roundTrips(BarrierMode mode) throws Exception {
        tc = EmulatedClusterExtension.start(2);
        RsmLibrary me = tc.process(1);
        Client c = client(me, 2, mode);
        long t0 = System.nanoTime();
        c.jvm().send("DOORBELL " + ROUNDS + " " + mode);
        assertTimeoutPreemptively(LIMIT, () -> {
            for (long round = 1; round <= ROUNDS; round++) {
                awaitSignal(List.of(c), "round " + round, millis -> {
                    c.request().segment().signalWait(millis);
                    return 1;
                });
                serve(c, round, mode);
            }
        }, () -> "the doorbell exchange did not finish in " + LIMIT + "\n" + c.jvm().transcript());
        String done = c.jvm().awaitAnswer("DONE", 30_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(ROUNDS, Integer.parseInt(done.split(" ")[0]));
        assertRsmError(RsmError.TIMEOUT, () -> c.request().segment().signalWait(0)); // no event left over
        System.out.printf("doorbell %s: %d round trips in %d ms (%.1f us each), checked on both sides%n", mode,
                ROUNDS, ms, ms * 1000.0 / ROUNDS);
    }

    @Test
    @DisplayName("10,000 round trips, IMPLICIT mode (each put its own barrier span)")
    void roundTripsImplicit() throws Exception {
        roundTrips(BarrierMode.IMPLICIT);
    }

    @Test
    @DisplayName("10,000 round trips, EXPLICIT mode (open, put, close around every message)")
    void roundTripsExplicit() throws Exception {
        roundTrips(BarrierMode.EXPLICIT);
    }

    /**
     * Two importers in two child JVMs (nodes 2 and 3), one request segment each; the exporter serves both
     * with getPollFd + signalWaitPollFd over the two segments: each call must report as ready exactly the
     * segments whose importer has posted (ready count = return value), and consume one event of each.
     */
    @Test
    @DisplayName("pollfd: one exporter serves two importer JVMs through signalWaitPollFd")
    void pollFdOverTwoSegments() throws Exception {
        tc = EmulatedClusterExtension.start(3);
        RsmLibrary me = tc.process(1);
        BarrierMode mode = BarrierMode.IMPLICIT;
        List<Client> clients = List.of(client(me, 2, mode), client(me, 3, mode));
        List<PollFd> fds = new ArrayList<>();
        for (Client c : clients) {
            fds.add(c.request().segment().getPollFd());
        }
        for (int i = 0; i < fds.size(); i++) {
            assertEquals(clients.get(i).request().segment(), fds.get(i).segment(), "PollFd.segment()");
        }
        long t0 = System.nanoTime();
        for (Client c : clients) {
            c.jvm().send("DOORBELL " + POLL_ROUNDS + " " + mode);
        }
        long[] served = new long[clients.size()];
        int[] polls = new int[1];
        int[] both = new int[1];
        assertTimeoutPreemptively(LIMIT, () -> {
            while (served[0] < POLL_ROUNDS || served[1] < POLL_ROUNDS) {
                int n = awaitSignal(clients, "served " + served[0] + " + " + served[1],
                        millis -> me.signalWaitPollFd(fds, millis));
                polls[0]++;
                int ready = 0;
                for (int i = 0; i < fds.size(); i++) {
                    if (fds.get(i).ready()) {
                        ready++;
                        assertTrue(served[i] < POLL_ROUNDS,
                                "segment " + i + " is ready after its last round " + served[i] + " was served");
                        serve(clients.get(i), ++served[i], mode);
                    }
                }
                assertEquals(n, ready, "signalWaitPollFd's count vs the fds marked ready");
                if (ready == 2) {
                    both[0]++;
                }
            }
        }, () -> "the pollfd exchange did not finish in " + LIMIT + ", served " + served[0] + " + " + served[1]);
        for (Client c : clients) {
            assertEquals(POLL_ROUNDS, Integer.parseInt(c.jvm().awaitAnswer("DONE", 30_000).split(" ")[0]));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertRsmError(RsmError.TIMEOUT, () -> me.signalWaitPollFd(fds, 0)); // nothing left over
        assertTrue(fds.stream().noneMatch(PollFd::ready), "no fd is ready after a TIMEOUT");
        // while a pollfd is held, destroy is refused; after release it is not
        Client first = clients.get(0);
        assertRsmError(RsmError.POLLFD_IN_USE, () -> first.request().segment().destroy());
        for (Client c : clients) {
            c.request().segment().releasePollFd();
        }
        System.out.printf("doorbell pollfd: 2 x %d round trips in %d ms, %d polls, %d with both segments ready%n",
                POLL_ROUNDS, ms, polls[0], both[0]);
    }
}
