// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.debug.stacks.NodeThread;
import org.rsmworkbench.core.debug.stacks.ParallelStacks;
import org.rsmworkbench.core.debug.stacks.StackNode;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.trace.CallSite;

/** The merged tree of parallel stacks, from stacks made up here (the debug session's are in ParallelStacksDebugTest). */
class ParallelStacksTest {
    private static final CallSite MAIN = new CallSite("demo.Ring", "main", "Ring.java", 20);
    private static final CallSite PASS = new CallSite("demo.Ring", "pass", "Ring.java", 41);
    private static final CallSite COMPUTE = new CallSite("demo.Ring", "compute", "Ring.java", 55);
    private static final CallSite SIGNAL_WAIT = new CallSite("org.rsmworkbench.emulator.internal.SegmentHandle", "signalWait",
            "SegmentHandle.java", 62);
    private static final CallSite AWAIT = new CallSite("org.rsmworkbench.emulator.internal.ClusterRuntime", "awaitEvent",
            "ClusterRuntime.java", 772);
    private static final CallSite PARK = new CallSite("jdk.internal.misc.Unsafe", "park", null, -2);

    /** Node n's main thread: in signalWait on nodes 1 and 3-8, computing on node 2. */
    private static List<NodeThread> ringOfEight() {
        List<NodeThread> threads = new ArrayList<>();
        for (int node = 1; node <= 8; node++) {
            List<CallSite> frames = node == 2 ? List.of(COMPUTE, MAIN) : List.of(PARK, AWAIT, SIGNAL_WAIT, PASS, MAIN);
            threads.add(new NodeThread(node, "main", frames, null, null));
            threads.add(new NodeThread(node, "Reference Handler",
                    List.of(new CallSite("java.lang.ref.Reference", "waitForReferencePendingList", null, -2)), null, null));
        }
        return threads;
    }

    @Test
    void commonFramesAreSharedAndEachFrameSaysWhichNodesAndThreadsAreThere() {
        List<StackNode> roots = ParallelStacks.merge(ringOfEight(), true);
        assertEquals(1, roots.size(), "the JVM's own threads are hidden with the runtime's frames");
        StackNode main = roots.getFirst();
        assertEquals(MAIN, main.frame());
        assertEquals("nodes 1-8 · 8 threads", main.label());
        assertEquals(List.of(PASS, COMPUTE), main.children().stream().map(StackNode::frame).toList());
        StackNode pass = main.children().get(0);
        assertEquals("nodes 1,3-8 · 7 threads", pass.label());
        assertEquals(7, pass.stoppedHere().size());
        assertEquals("signalWait", pass.stoppedHere().getFirst().rsmCall());
        StackNode compute = main.children().get(1);
        assertEquals("node 2 · 1 thread", compute.label());
        assertNull(compute.stoppedHere().getFirst().rsmCall());
    }

    @Test
    void withRuntimeFramesShownTheTreeGoesDownToTheJdkAndShowsEveryThread() {
        List<StackNode> roots = ParallelStacks.merge(ringOfEight(), false);
        assertEquals(2, roots.size());
        assertEquals("nodes 1-8 · 8 threads", roots.get(1).label(), "the Reference Handler threads, merged");
        StackNode node = roots.getFirst().children().getFirst();
        for (CallSite expected : List.of(PASS, SIGNAL_WAIT, AWAIT, PARK)) {
            assertEquals(expected, node.frame());
            assertEquals("nodes 1,3-8 · 7 threads", node.label());
            node = node.children().isEmpty() ? node : node.children().getFirst();
        }
        assertEquals(7, node.stoppedHere().size());
    }

    @Test
    void framesOfTheSameMethodAtAnotherLineAreAnotherBranch() {
        CallSite passElsewhere = new CallSite("demo.Ring", "pass", "Ring.java", 44);
        List<StackNode> roots = ParallelStacks.merge(List.of(new NodeThread(1, "main", List.of(PASS, MAIN), null, null),
                new NodeThread(2, "main", List.of(passElsewhere, MAIN), null, null), new NodeThread(2, "worker", List.of(PASS, MAIN), null, null)),
                true);
        StackNode main = roots.getFirst();
        assertEquals(List.of("nodes 1-2 · 2 threads", "node 2 · 1 thread"), main.children().stream().map(StackNode::label).toList());
    }

    @Test
    void aThreadWhoseWaitTheRegistryShowsSaysOnWhichSegmentAndWhoCanWakeIt() {
        ClusterWaits.Wait wait = new ClusterWaits.Wait(7, 1, 1, ClusterWaits.Call.SIGNAL_WAIT, List.of(new ClusterWaits.SegmentName(1, 0x400100)),
                false, PASS, ClusterWaits.Verdict.BLOCKED, 0, List.of(new ClusterWaits.Waker(9, 3), new ClusterWaits.Waker(8, 2)));
        NodeThread thread = new NodeThread(1, "main", List.of(AWAIT, SIGNAL_WAIT, PASS, MAIN), null, wait);
        assertEquals("signalWait on 1:0x400100 — can be woken by node 2, 3", thread.rsmActivity());
        assertEquals("signalWait", new NodeThread(1, "main", List.of(SIGNAL_WAIT, PASS, MAIN), null, null).rsmActivity());
        assertNull(new NodeThread(1, "main", List.of(PASS, MAIN), null, null).rsmActivity());
    }

    @Test
    void threadsStoppedInOneFrameSayTheirWaitsOnceForEachCallAndWakers() {
        List<NodeThread> threads = List.of(waitingOn(3, 1), waitingOn(4, 1), new NodeThread(6, "main", List.of(SIGNAL_WAIT, PASS, MAIN), null, null),
                waitingOn(5, 1), waitingOn(2, 7));
        StackNode wait = ParallelStacks.merge(threads, false).getFirst().children().getFirst().children().getFirst();
        assertEquals(SIGNAL_WAIT, wait.frame());
        assertEquals("signalWait on 3:0x400100, 4:0x400100, 5:0x400100 — can be woken by node 1; signalWait on 2:0x400100 — can be woken by node 7",
                wait.rsmActivity(), "node 6, whose wait the registry does not show yet, adds no bare call");
        StackNode unknown = ParallelStacks.merge(List.of(new NodeThread(6, "main", List.of(SIGNAL_WAIT, PASS, MAIN), null, null)), false)
                .getFirst().children().getFirst().children().getFirst();
        assertEquals("signalWait", unknown.rsmActivity());
        assertNull(ParallelStacks.merge(List.of(new NodeThread(1, "main", List.of(PASS, MAIN), null, null)), false).getFirst().children().getFirst()
                .rsmActivity());
    }

    @Test
    void aCallTheRegistryDoesNotShowIsSaidAsItsJvmDescribedIt() {
        CallSite connect = new CallSite("org.rsmworkbench.emulator.internal.Controller", "connect", "Controller.java", 190);
        NodeThread connecting = new NodeThread(3, "main", List.of(connect, PASS, MAIN), null, null, "connect to 1:0x400100");
        assertEquals("connect to 1:0x400100", connecting.rsmActivity());
        assertEquals("connect", new NodeThread(3, "main", List.of(connect, PASS, MAIN), null, null).rsmActivity(), "nothing described");
        StackNode frame = ParallelStacks.merge(List.of(connecting, waitingOn(4, 1)), false).getFirst().children().getFirst();
        assertEquals(PASS, frame.frame());
        assertEquals(List.of(), frame.stoppedHere(), "both stop in runtime frames below");
        assertEquals("connect to 1:0x400100", frame.children().getFirst().rsmActivity());
        assertEquals("signalWait on 4:0x400100 — can be woken by node 1", frame.children().get(1).rsmActivity());
    }

    /** Node {@code node}'s thread in signalWait on its own segment 0x400100, which only {@code waker} can post to. */
    private static NodeThread waitingOn(int node, int waker) {
        ClusterWaits.Wait wait = new ClusterWaits.Wait(node, node, 1, ClusterWaits.Call.SIGNAL_WAIT, List.of(new ClusterWaits.SegmentName(node, 0x400100)),
                false, PASS, ClusterWaits.Verdict.BLOCKED, 0, List.of(new ClusterWaits.Waker(10 + waker, waker)));
        return new NodeThread(node, "main", List.of(SIGNAL_WAIT, PASS, MAIN), null, wait);
    }

    @Test
    void aLambdaIsTheSameFrameInEveryJvmThoughItsHiddenClassIsNamedApart() {
        assertEquals("demo.Ring$$Lambda", ParallelStacks.sameInEveryJvm("demo.Ring$$Lambda.0x000000008e040ac8"));
        assertEquals("demo.Ring$$Lambda", ParallelStacks.sameInEveryJvm("demo.Ring$$Lambda/0x000000004b040ac8"));
        assertEquals("demo.Ring$Inner", ParallelStacks.sameInEveryJvm("demo.Ring$Inner"));
    }

    @Test
    void nodeListsAreRanges() {
        assertEquals("1,3-8", ParallelStacks.nodeList(List.of(1, 3, 4, 5, 6, 7, 8)));
        assertEquals("2", ParallelStacks.nodeList(List.of(2)));
        assertEquals("1-2,4,6-7", ParallelStacks.nodeList(List.of(1, 2, 4, 6, 7)));
        assertEquals("", ParallelStacks.nodeList(List.of()));
    }

    @Test
    void aThreadInsideTheRuntimeButNotInAnRsmCallHasNone() {
        assertNull(ParallelStacks.rsmCall(List.of(PARK, new CallSite("java.lang.Thread", "sleep", "Thread.java", 500), MAIN)));
        assertEquals("signalWait", ParallelStacks.rsmCall(List.of(SIGNAL_WAIT, MAIN)));
        assertNull(ParallelStacks.rsmCall(List.of(MAIN)));
    }
}
