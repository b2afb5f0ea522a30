// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * A node program of 3 nodes for launches across hosts; each node first prints {@code address A.B.C.D}, the IPv4 address
 * of its host (the network namespace it runs in). Node 1 exports, nodes 2 and 3 import:
 * <ul>
 * <li>{@code exchange}: one round ({@link #round}), {@code round 1 ok} on each node;</li>
 * <li>{@code exchange-after GOFILE}: a round, then, once GOFILE exists, a second round on a newly published segment
 * (each prints {@code round 2 ok ... registry-retries N}: how often its publish or connect found the registry
 * unavailable, while its ZooKeeper client moved to another server);</li>
 * <li>{@code survive}: each node prints {@code pid N}, its JVM's; node 1 publishes and waits; nodes 2 and 3 connect and put/get until that fails, then print
 * {@code disconnected ERROR after MS ms} and, connecting again until connect says the node is gone,
 * {@code connect ERROR after MS ms} (both counted from their last successful put/get);</li>
 * <li>{@code reach HOST:PORT MILLIS}: node 3 (on HOST) listens on HOST:PORT for 2 MILLIS; node 2 tries a TCP connection
 * to it every 50 ms, for at most MILLIS, and prints {@code reachable} once it is, then the next two changes
 * ({@code unreachable}, {@code reachable}); then a round.</li>
 * <li>{@code cut}: for a cut of the link between hosts 1 and 2 ({@link #cut}): node 1 publishes and waits until nodes 2
 * and 3 marked their work done; node 2 (on the cut host) prints its controllers' direct access sizes and what a map gives,
 * then makes EXPLICIT barrier spans (put, get, close) until a close fails ({@code span ERROR after MS ms, N spans before},
 * counted from the last span that succeeded), then prints what put, get, signal, a barrier's open, order and close, and a
 * new connect give (each {@code OPERATION ERROR} or {@code OPERATION ok}), then connects until it succeeds and puts and
 * gets again ({@code reconnected}); node 3 (whose link stays up) puts and gets until node 2 is done ({@code unaffected
 * after N transfers}).</li>
 * <li>{@code post-cut GOFILE ENDFILE}: for a cut of the link between hosts 1 and 3 ({@link #postCut}): node 1 posts to
 * its segment once both importers are connected, then again, many times, once GOFILE exists, and says how long the
 * longest of those posts took ({@code posts after the cut: the longest returned after MS ms}); node 2 says how long it
 * waited for them ({@code woke after the cut after MS ms}); node 3 stays connected until ENDFILE exists.</li>
 * <li>{@code posts-cut GOFILE}: for a cut of the link between hosts 1 and 2 ({@link #postsCut}): node 2 posts once
 * GOFILE exists ({@code post on the cut link}), posts again ({@code post again}) and puts ({@code put}), each printed as
 * {@code WHAT ok in MS ms} or {@code WHAT ERROR in MS ms}, connects again until it succeeds ({@code reconnected}) and
 * posts once node 1 is ready for it ({@code a post after the reconnect arrived}, or {@code no post arrived after the
 * reconnect}); node 1 says when it woke for it ({@code woke after the reconnect}); node 3 takes no part.</li>
 * </ul>
 */
public final class HostsProbe {
    static final int FIRST_SEGMENT = 0x500100;
    private static final long WAIT_MILLIS = 30_000;
    /**
     * How long node 1 keeps a round's segment after both importers marked it done. Their mark is a put in IMPLICIT mode:
     * its barrier closes once the exporter's memory acknowledged it, and reports CONN_ABORTED when the segment went away
     * meanwhile, which a node 1 that saw the mark and ended at once can make happen (a CI run saw it after a ZooKeeper
     * failover). Nothing in RSMAPI tells an exporter that its importers disconnected.
     */
    private static final long LINGER_MILLIS = 2_000;
    /** Where importer N puts, gets back, and at last marks its round done (8 bytes each). */
    private static final int SCRATCH = 256;
    private static final int DONE = 0;

    private HostsProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("address " + hostAddress());
        RsmLibrary rsm = Rsm.open();
        RsmController controller = rsm.getController("emu0");
        int node = rsm.localNodeId();
        switch (args[0]) {
            case "exchange" -> round(rsm, controller, 1);
            case "exchange-after" -> {
                round(rsm, controller, 1);
                awaitFile(Path.of(args[1]));
                round(rsm, controller, 2);
            }
            case "survive" -> survive(rsm, controller);
            case "cut" -> cut(rsm, controller);
            case "post-cut" -> postCut(rsm, controller, Path.of(args[1]), Path.of(args[2]));
            case "posts-cut" -> postsCut(rsm, controller, Path.of(args[1]));
            case "reach" -> {
                InetSocketAddress address = socketAddress(args[1]);
                long millis = Long.parseLong(args[2]);
                if (node == 2) {
                    reach(address, millis);
                } else if (node == 3) {
                    listen(address, 2 * millis); // longer than node 2 looks, whose JVM may have started later
                } else {
                    Thread.sleep(millis);
                }
                round(rsm, controller, 1);
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** The first IPv4 address of an interface other than loopback. */
    private static String hostAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> !isLoopback(i)).flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address).map(a -> a.getHostAddress()).findFirst().orElse("none");
    }

    private static boolean isLoopback(NetworkInterface networkInterface) {
        try {
            return networkInterface.isLoopback();
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * One round on segment FIRST_SEGMENT + round - 1: node 1 publishes it to nodes 2 and 3, waits until both marked it
     * done and keeps it for {@link #LINGER_MILLIS}; each of them connects, puts a number, gets it back, posts a signal and
     * marks its round done.
     */
    private static void round(RsmLibrary rsm, RsmController controller, int round) throws RsmException, InterruptedException {
        int segmentId = FIRST_SEGMENT + round - 1;
        if (rsm.localNodeId() == 1) {
            MemorySegment memory = rsm.allocate(4096);
            ExportSegment segment = controller.createExportSegment(memory, 0);
            int retries = publish(segment, segmentId);
            long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
            while (done(memory, 2) == 0 || done(memory, 3) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("round " + round + ": nodes 2 and 3 did not finish within " + WAIT_MILLIS + " ms");
                }
                signalled(segment, 200);
            }
            System.out.println("round " + round + " ok: node 2 put " + done(memory, 2) + ", node 3 put " + done(memory, 3)
                    + " registry-retries " + retries);
            Thread.sleep(LINGER_MILLIS);
            return;
        }
        int[] retries = new int[1];
        ImportSegment segment = connectWhenPublished(controller, segmentId, retries);
        segment.initBarrier(BarrierType.SEGMENT); // IMPLICIT mode: each put and get is its own barrier span
        long value = 1000L * rsm.localNodeId() + round;
        long[] back = new long[1];
        segment.put64(SCRATCH + 8L * rsm.localNodeId(), new long[] {value}, 1);
        segment.get64(SCRATCH + 8L * rsm.localNodeId(), back, 1);
        if (back[0] != value) {
            throw new IllegalStateException("round " + round + ": put " + value + ", got back " + back[0]);
        }
        segment.signalPost(0);
        segment.put64(DONE + 8L * rsm.localNodeId(), new long[] {value}, 1);
        segment.disconnect();
        System.out.println("round " + round + " ok registry-retries " + retries[0]);
    }

    /**
     * Publishes the segment to nodes 2 and 3, again while the registry is unavailable (INSUFFICIENT_RESOURCES: its
     * ZooKeeper client reconnects to another server); returns how often it was.
     */
    private static int publish(ExportSegment segment, int segmentId) throws RsmException, InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        for (int retries = 0;; retries++) {
            try {
                segment.publish(segmentId, List.of(new AccessEntry(2, 0666), new AccessEntry(3, 0666)));
                return retries;
            } catch (RsmException e) {
                if (e.error() != RsmError.INSUFFICIENT_RESOURCES || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private static long done(MemorySegment memory, int node) {
        return memory.get(ValueLayout.JAVA_LONG_UNALIGNED, DONE + 8L * node);
    }

    /** Connects once node 1 has published the segment; counts in retries[0] how often the registry was unavailable. */
    private static ImportSegment connectWhenPublished(RsmController controller, int segmentId, int[] retries)
            throws RsmException, InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        for (;;) {
            try {
                return controller.connect(1, segmentId, Rsm.PERM_RDWR);
            } catch (RsmException e) {
                boolean unavailable = e.error() == RsmError.INSUFFICIENT_RESOURCES;
                if (!unavailable && e.error() != RsmError.SEG_NOT_PUBLISHED || System.nanoTime() > deadline) {
                    throw e;
                }
                if (unavailable) {
                    retries[0]++;
                }
                Thread.sleep(20);
            }
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(file + " did not appear within " + WAIT_MILLIS + " ms");
            }
            Thread.sleep(20);
        }
    }

    private static void survive(RsmLibrary rsm, RsmController controller) throws RsmException, InterruptedException {
        System.out.println("pid " + ProcessHandle.current().pid());
        if (rsm.localNodeId() == 1) {
            ExportSegment segment = controller.createExportSegment(rsm.allocate(4096), 0);
            segment.publish(FIRST_SEGMENT, List.of(new AccessEntry(2, 0666), new AccessEntry(3, 0666)));
            System.out.println("published");
            Thread.sleep(WAIT_MILLIS); // until its host is killed
            return;
        }
        ImportSegment segment = connectWhenPublished(controller, FIRST_SEGMENT, new int[1]);
        segment.initBarrier(BarrierType.SEGMENT);
        System.out.println("connected");
        long[] value = {rsm.localNodeId()};
        long lastSuccess = System.nanoTime();
        long deadline = lastSuccess + WAIT_MILLIS * 1_000_000;
        try {
            while (System.nanoTime() < deadline) {
                segment.put64(8L * rsm.localNodeId(), value, 1);
                segment.get64(8L * rsm.localNodeId(), value, 1);
                lastSuccess = System.nanoTime();
                Thread.sleep(2);
            }
            System.out.println("still connected after " + WAIT_MILLIS + " ms");
            return;
        } catch (RsmException e) {
            System.out.println("disconnected " + e.error() + " after " + millisSince(lastSuccess) + " ms");
        }
        segment.disconnect();
        for (;;) {
            try {
                controller.connect(1, FIRST_SEGMENT, Rsm.PERM_RDWR).disconnect();
                if (System.nanoTime() > deadline) {
                    System.out.println("connect still succeeds after " + millisSince(lastSuccess) + " ms");
                    return;
                }
            } catch (RsmException e) {
                if (e.error() != RsmError.SEG_NOT_PUBLISHED && e.error() != RsmError.INSUFFICIENT_RESOURCES || System.nanoTime() > deadline) {
                    System.out.println("connect " + e.error() + " after " + millisSince(lastSuccess) + " ms");
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    /** Long enough for a cut to be found, a connect to fail during it, and the link to be healed. */
    private static final long CUT_WAIT_MILLIS = 45_000;

    private static void cut(RsmLibrary rsm, RsmController controller) throws RsmException, InterruptedException {
        int node = rsm.localNodeId();
        if (node == 1) {
            MemorySegment memory = rsm.allocate(4096);
            ExportSegment segment = controller.createExportSegment(memory, 0);
            segment.publish(FIRST_SEGMENT, List.of(new AccessEntry(2, 0666), new AccessEntry(3, 0666)));
            long deadline = System.nanoTime() + CUT_WAIT_MILLIS * 1_000_000;
            while ((done(memory, 2) == 0 || done(memory, 3) == 0) && System.nanoTime() < deadline) {
                signalled(segment, 200);
            }
            System.out.println("done: node 2 " + done(memory, 2) + ", node 3 " + done(memory, 3));
            Thread.sleep(LINGER_MILLIS); // as a round: their marks' barriers close
            return;
        }
        ImportSegment segment = connectWhenPublished(controller, FIRST_SEGMENT, new int[1]);
        long[] value = {node};
        long scratch = SCRATCH + 8L * node;
        if (node == 3) {
            segment.initBarrier(BarrierType.SEGMENT);
            long[] doneOf2 = new long[1];
            long deadline = System.nanoTime() + CUT_WAIT_MILLIS * 1_000_000;
            int transfers = 0;
            while (doneOf2[0] == 0 && System.nanoTime() < deadline) {
                segment.put64(scratch, value, 1);
                segment.get64(DONE + 8L * 2, doneOf2, 1);
                transfers++;
                Thread.sleep(5);
            }
            System.out.println("unaffected after " + transfers + " transfers");
            segment.put64(DONE + 8L * node, value, 1);
            segment.disconnect();
            return;
        }
        System.out.println("direct access sizes: " + controller.name() + " " + controller.getAttributes().directAccessSizes()
                + ", loopback " + rsm.getController(null).getAttributes().directAccessSizes());
        print("map", () -> segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, 4096));
        Barrier barrier = segment.initBarrier(BarrierType.SEGMENT);
        segment.setMode(BarrierMode.EXPLICIT);
        long lastSuccess = System.nanoTime();
        long deadline = lastSuccess + CUT_WAIT_MILLIS * 1_000_000;
        for (int spans = 0;; spans++) {
            try {
                barrier.open();
                segment.put64(scratch, value, 1);
                segment.get64(scratch, value, 1);
                barrier.close();
            } catch (RsmException e) {
                System.out.println("span " + e.error() + " after " + millisSince(lastSuccess) + " ms, " + spans + " spans before");
                break;
            }
            lastSuccess = System.nanoTime();
            if (lastSuccess > deadline) {
                System.out.println("no span failed within " + CUT_WAIT_MILLIS + " ms");
                return;
            }
            Thread.sleep(5);
        }
        segment.setMode(BarrierMode.IMPLICIT);
        print("put", () -> segment.put64(scratch, value, 1));
        print("get", () -> segment.get64(scratch, value, 1));
        print("signal", () -> segment.signalPost(0));
        print("open", barrier::open);
        print("order", barrier::order);
        print("close", barrier::close);
        print("connect", () -> controller.connect(1, FIRST_SEGMENT, Rsm.PERM_RDWR).disconnect());
        segment.disconnect();
        long cutFound = System.nanoTime();
        ImportSegment again = reconnect(controller, deadline);
        again.initBarrier(BarrierType.SEGMENT);
        again.put64(scratch, value, 1);
        again.get64(scratch, value, 1);
        again.signalPost(0);
        again.put64(DONE + 8L * node, value, 1);
        again.disconnect();
        System.out.println("reconnected " + millisSince(cutFound) + " ms after the cut was found");
    }

    /** Enough posts to fill what TCP and UCX buffer for a connection whose link drops its traffic. */
    private static final int POSTS_AFTER_CUT = 10_000;

    /**
     * Node 1 publishes, waits until each importer rang (connected), posts, and waits until each rang again (woke): its
     * data path has reached both. It prints {@code importers woke}, waits for {@code go} (the link to node 3 cut by then),
     * posts {@value #POSTS_AFTER_CUT} times and prints how long the longest post took, waits until node 2 rang again and
     * ends once {@code end} exists. Nodes 2 and 3 connect, ring, wait for the first post and ring; then node 2 waits for
     * the posts after the cut from when it sees {@code go} ({@code woke after the cut after MS ms}, or {@code no post after
     * the cut ERROR}) and rings, while node 3, cut off, stays connected until {@code end} exists.
     */
    private static void postCut(RsmLibrary rsm, RsmController controller, Path go, Path end) throws RsmException, InterruptedException {
        int node = rsm.localNodeId();
        if (node == 1) {
            ExportSegment segment = controller.createExportSegment(rsm.allocate(4096), 0);
            segment.publish(FIRST_SEGMENT, List.of(new AccessEntry(2, 0666), new AccessEntry(3, 0666)));
            awaitSignals(segment, 2);
            segment.signalPost(0);
            awaitSignals(segment, 2);
            System.out.println("importers woke");
            awaitFile(go);
            long longest = 0;
            for (int post = 0; post < POSTS_AFTER_CUT; post++) {
                long start = System.nanoTime();
                segment.signalPost(0);
                longest = Math.max(longest, System.nanoTime() - start);
            }
            System.out.println("posts after the cut: the longest returned after " + longest / 1_000_000 + " ms");
            awaitSignals(segment, 1);
            awaitFile(end);
            return;
        }
        ImportSegment segment = connectWhenPublished(controller, FIRST_SEGMENT, new int[1]);
        segment.signalPost(0);
        segment.signalWait((int) WAIT_MILLIS);
        segment.signalPost(0);
        awaitFile(node == 2 ? go : end);
        if (node == 2) {
            long start = System.nanoTime();
            try {
                segment.signalWait((int) WAIT_MILLIS);
                System.out.println("woke after the cut after " + millisSince(start) + " ms");
            } catch (RsmException e) {
                System.out.println("no post after the cut " + e.error());
            }
            segment.signalPost(0);
        }
        segment.disconnect();
    }

    /** Where node 2 marks that it connected again after the cut, in node 1's segment of {@code posts-cut}. */
    private static final int RECONNECTED = 64;
    /** Where node 1 says it has taken every event before node 2's reconnect and waits for the next post. */
    private static final int READY = 72;
    /** Where node 1 says the post after the reconnect woke it. */
    private static final int WOKE = 80;
    private static final long POLL_MILLIS = 20;

    /**
     * Node 1 publishes and takes node 2's posts until node 2 marks that it connected again; then it takes the events
     * still pending, marks itself ready, waits for node 2's next post, marks that it woke, and ends once node 2 marked it
     * done (after {@link #LINGER_MILLIS}, as a round). Node 2 connects (its last call on the path before the cut: the get
     * of the connect), prints {@code connected} and waits for GOFILE (the link to node 1 cut by then); then as
     * {@link HostsProbe} says.
     */
    private static void postsCut(RsmLibrary rsm, RsmController controller, Path go) throws RsmException, InterruptedException {
        int node = rsm.localNodeId();
        if (node == 3) {
            return;
        }
        if (node == 1) {
            MemorySegment memory = rsm.allocate(4096);
            ExportSegment segment = controller.createExportSegment(memory, 0);
            segment.publish(FIRST_SEGMENT, List.of(new AccessEntry(2, 0666)));
            long deadline = System.nanoTime() + CUT_WAIT_MILLIS * 1_000_000;
            while (memory.get(ValueLayout.JAVA_LONG_UNALIGNED, RECONNECTED) == 0 && System.nanoTime() < deadline) {
                signalled(segment, 200);
            }
            while (signalled(segment, 100)) {
                // an event of the posts before: not the one awaited
            }
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, READY, 1);
            if (signalled(segment, (int) WAIT_MILLIS)) {
                System.out.println("woke after the reconnect");
                memory.set(ValueLayout.JAVA_LONG_UNALIGNED, WOKE, 1);
            }
            while (done(memory, 2) == 0 && System.nanoTime() < deadline) {
                signalled(segment, 200);
            }
            Thread.sleep(LINGER_MILLIS);
            return;
        }
        ImportSegment segment = connectWhenPublished(controller, FIRST_SEGMENT, new int[1]);
        segment.initBarrier(BarrierType.SEGMENT);
        System.out.println("connected");
        awaitFile(go);
        timed("post on the cut link", () -> segment.signalPost(0));
        timed("post again", () -> segment.signalPost(0));
        long[] value = {node};
        timed("put", () -> segment.put64(SCRATCH + 8L * node, value, 1));
        segment.disconnect();
        long deadline = System.nanoTime() + CUT_WAIT_MILLIS * 1_000_000;
        ImportSegment again = reconnect(controller, deadline);
        System.out.println("reconnected");
        again.initBarrier(BarrierType.SEGMENT);
        again.put64(RECONNECTED, value, 1);
        long[] word = new long[1];
        while (word[0] == 0 && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            again.get64(READY, word, 1);
        }
        again.signalPost(0);
        word[0] = 0;
        while (word[0] == 0 && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            again.get64(WOKE, word, 1);
        }
        System.out.println(word[0] != 0 ? "a post after the reconnect arrived" : "no post arrived after the reconnect");
        again.put64(DONE + 8L * node, value, 1);
        again.disconnect();
    }

    /** Prints {@code WHAT ok in MS ms} or {@code WHAT ERROR in MS ms}. */
    private static void timed(String what, Call call) {
        long start = System.nanoTime();
        String outcome;
        try {
            call.run();
            outcome = "ok";
        } catch (RsmException e) {
            outcome = e.error().toString();
        }
        System.out.println(what + " " + outcome + " in " + millisSince(start) + " ms");
    }

    /** Whether a signal came within {@code millis}. */
    private static boolean signalled(ExportSegment segment, int millis) throws RsmException {
        try {
            segment.signalWait(millis);
            return true;
        } catch (RsmException e) {
            if (e.error() != RsmError.TIMEOUT) {
                throw e;
            }
            return false;
        }
    }

    /** Connects to node 1's segment until the link is healed (the cut, or the registry moving, refuse it meanwhile). */
    private static ImportSegment reconnect(RsmController controller, long deadline) throws RsmException, InterruptedException {
        for (;;) {
            try {
                return controller.connect(1, FIRST_SEGMENT, Rsm.PERM_RDWR);
            } catch (RsmException e) {
                boolean cutOrRegistryMoving = e.error() == RsmError.REMOTE_NODE_UNREACHABLE || e.error() == RsmError.INSUFFICIENT_RESOURCES;
                if (!cutOrRegistryMoving || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
    }

    /** Waits for {@code count} signals to the segment. */
    private static void awaitSignals(ExportSegment segment, int count) throws RsmException {
        for (int i = 0; i < count; i++) {
            segment.signalWait((int) WAIT_MILLIS);
        }
    }

    /** A call of the RSMAPI whose outcome {@link #print} prints. */
    private interface Call {
        void run() throws RsmException;
    }

    /** Prints {@code WHAT ok} or {@code WHAT ERROR}. */
    private static void print(String what, Call call) {
        try {
            call.run();
            System.out.println(what + " ok");
        } catch (RsmException e) {
            System.out.println(what + " " + e.error());
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static InetSocketAddress socketAddress(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /**
     * Once {@code address} takes a TCP connection (node 3 listens there), prints {@code reachable}, then the next two
     * changes of whether it does, looking for {@code millis} at most.
     */
    private static void reach(InetSocketAddress address, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!reachable(address)) {
            if (System.nanoTime() > end) {
                System.out.println("never reachable");
                return;
            }
            Thread.sleep(20);
        }
        boolean last = true;
        int changes = 0;
        System.out.println("reachable");
        while (System.nanoTime() < end && changes < 2) {
            boolean reachable = reachable(address);
            if (last != reachable) {
                System.out.println(reachable ? "reachable" : "unreachable");
                last = reachable;
                changes++;
            }
            Thread.sleep(50);
        }
    }

    private static boolean reachable(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Takes (and closes) the TCP connections to {@code address} for {@code millis}. */
    private static void listen(InetSocketAddress address, long millis) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(address);
            server.setSoTimeout(100);
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                try {
                    server.accept().close(); // connected: that is all the prober wants
                } catch (SocketTimeoutException e) {
                    // no one came: look at the time again
                }
            }
        }
    }
}
