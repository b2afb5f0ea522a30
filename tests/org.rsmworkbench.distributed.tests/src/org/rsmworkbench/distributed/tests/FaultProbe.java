// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.RemoteController;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;

/**
 * A node program of 2 nodes that sees the cluster's faults of a launch ({@code --fault}) from node 2, printing one line per
 * step; node 1 exports a segment and waits for node 2's last signal. What node 2 does is the first argument:
 * <ul>
 * <li>{@code link}: connects twice (one import in IMPLICIT mode, one in EXPLICIT mode with its barrier span open), puts
 * until a put fails once the link between the nodes is down, then puts in the open span, closes it, signals, connects and
 * reads the topology while the link is down; then connects until the link is up again, and reads the topology again;</li>
 * <li>{@code fail}: puts until puts fail, counts the ones that fail in a row, and puts once more;</li>
 * <li>{@code unpublish}: connects twice as with {@code link}, puts through both, signals node 1, which unpublishes the
 * segment (and then publishes it again and waits for the last signal); puts until a put fails, then puts in the open span,
 * closes and opens it, puts scattered, and connects again;</li>
 * <li>{@code node-down}: reads the topology until it says that node 1 (to be killed) is unreachable;</li>
 * <li>{@code restart FILE}: its first life makes FILE and sleeps (to be killed); its second life, once its node is restarted,
 * connects and puts, waits {@link #SECOND_LIFE_MILLIS} (longer than the killed JVM's session takes to expire) and puts
 * again.</li>
 * </ul>
 */
public final class FaultProbe {
    static final int SEGMENT = 0x400600;
    private static final int WAIT_MILLIS = 60_000;
    private static final long POLL_MILLIS = 10;
    /** How long the second life of a restarted node lives: past twice the default session timeout of its killed JVM. */
    static final long SECOND_LIFE_MILLIS = 10_000;
    private static final byte[] DATA = {1, 2, 3, 4, 5, 6, 7, 8};

    private FaultProbe() {
    }

    public static void main(String[] args) throws RsmException, InterruptedException, IOException {
        RsmLibrary rsm = Rsm.open();
        RsmController controller = rsm.getController("emu0");
        if (rsm.localNodeId() == 1) {
            ExportSegment segment = controller.createExportSegment(rsm.allocate(4096), 0);
            segment.publish(SEGMENT, List.of(new AccessEntry(2, 0666)));
            segment.signalWait(WAIT_MILLIS);
            if (args[0].equals("unpublish")) {
                segment.unpublish();
                segment.publish(SEGMENT, List.of(new AccessEntry(2, 0666)));
                segment.signalWait(WAIT_MILLIS);
            }
            System.out.println("node 2 is done");
            return;
        }
        switch (args[0]) {
            case "link" -> link(rsm, controller);
            case "fail" -> fail(controller);
            case "unpublish" -> unpublish(controller);
            case "node-down" -> nodeDown(rsm);
            case "restart" -> restart(controller, Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static ImportSegment implicitImport(RsmController controller) throws RsmException, InterruptedException {
        ImportSegment segment = ProbeCalls.connectWhenPublished(controller, SEGMENT);
        segment.initBarrier(BarrierType.SEGMENT);
        return segment;
    }

    /** Sets {@code segment} to EXPLICIT mode, its barrier's span open. */
    private static Barrier openSpan(ImportSegment segment) throws RsmException {
        segment.setMode(BarrierMode.EXPLICIT);
        Barrier span = segment.initBarrier(BarrierType.SEGMENT);
        span.open();
        return span;
    }

    /** Puts until a put fails; the error. */
    private static RsmError putUntilFailure(ImportSegment segment) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                segment.put8(0, DATA, DATA.length);
            } catch (RsmException e) {
                return e.error();
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("no put failed within " + WAIT_MILLIS + " ms");
    }

    private static void link(RsmLibrary rsm, RsmController controller) throws RsmException, InterruptedException {
        ImportSegment implicit = implicitImport(controller);
        ImportSegment explicit = controller.connect(1, SEGMENT, Rsm.PERM_RDWR);
        Barrier span = openSpan(explicit);
        ProbeCalls.print("put-before", () -> implicit.put8(0, DATA, DATA.length));
        System.out.println("topology " + state(rsm));
        System.out.println("put-after-link-down " + putUntilFailure(implicit));
        ProbeCalls.print("explicit-put", () -> explicit.put8(0, DATA, DATA.length));
        ProbeCalls.print("barrier-close", span::close);
        ProbeCalls.print("signal", () -> implicit.signalPost(0));
        ProbeCalls.print("connect", () -> controller.connect(1, SEGMENT, Rsm.PERM_RDWR));
        System.out.println("topology " + state(rsm));
        ProbeCalls.print("disconnect", () -> {
            implicit.disconnect();
            explicit.disconnect();
        });
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        ImportSegment again = null;
        while (again == null) {
            try {
                again = controller.connect(1, SEGMENT, Rsm.PERM_RDWR);
            } catch (RsmException e) {
                if (e.error() != RsmError.REMOTE_NODE_UNREACHABLE || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        System.out.println("connect-after-link-up OK");
        System.out.println("topology " + state(rsm));
        again.signalPost(0);
        again.disconnect();
    }

    private static void nodeDown(RsmLibrary rsm) throws RsmException, InterruptedException {
        System.out.println("topology " + state(rsm));
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (state(rsm).equals("active") && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
        System.out.println("topology " + state(rsm));
    }

    /** The connection state of node 1 through emu0, as the topology says: {@code active} or {@code inactive}. */
    private static String state(RsmLibrary rsm) throws RsmException {
        RemoteController node1 = rsm.getInterconnectTopology().connections().getFirst().remotes().stream()
                .filter(r -> r.nodeId() == 1).findFirst().orElseThrow();
        return node1.connectionState() == Rsm.CONNECTION_ACTIVE ? "active" : "inactive";
    }

    private static void fail(RsmController controller) throws RsmException, InterruptedException {
        ImportSegment segment = implicitImport(controller);
        ProbeCalls.print("put-before", () -> segment.put8(0, DATA, DATA.length));
        RsmError first = putUntilFailure(segment);
        int failed = 1;
        for (;;) {
            try {
                segment.put8(0, DATA, DATA.length);
                break;
            } catch (RsmException e) {
                if (e.error() != first) {
                    throw e;
                }
                failed++;
            }
        }
        System.out.println("failed-in-a-row " + failed + " " + first);
        ProbeCalls.print("put-after", () -> segment.put8(0, DATA, DATA.length));
        segment.signalPost(0);
        segment.disconnect();
    }

    /** What RSMAPI §5.3 says of the importer's calls once its exporter unpublished the segment. */
    private static void unpublish(RsmController controller) throws RsmException, InterruptedException {
        ImportSegment implicit = implicitImport(controller);
        ImportSegment explicit = controller.connect(1, SEGMENT, Rsm.PERM_RDWR);
        Barrier span = openSpan(explicit);
        ProbeCalls.print("put-before", () -> implicit.put8(0, DATA, DATA.length));
        ProbeCalls.print("explicit-put-before", () -> explicit.put8(0, DATA, DATA.length));
        implicit.signalPost(0);
        System.out.println("put-after-unpublish " + putUntilFailure(implicit));
        ProbeCalls.print("get", () -> implicit.get8(0, new byte[DATA.length], DATA.length));
        ProbeCalls.print("explicit-put", () -> explicit.put8(0, DATA, DATA.length));
        ProbeCalls.print("barrier-close", span::close);
        ProbeCalls.print("barrier-open", span::open);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment local = arena.allocate(DATA.length);
            ProbeCalls.print("putv", () -> explicit.putv(new ScatterGather(explicit, 0).add(new IoVec.Local(local, 0, 0, DATA.length))));
        }
        ProbeCalls.print("disconnect", () -> {
            implicit.disconnect();
            explicit.disconnect();
        });
        ImportSegment again = ProbeCalls.connectWhenPublished(controller, SEGMENT);
        System.out.println("connect-after-publish OK");
        again.signalPost(0);
        again.disconnect();
    }

    private static void restart(RsmController controller, Path lived) throws RsmException, InterruptedException, IOException {
        if (!Files.exists(lived)) {
            Files.createFile(lived);
            System.out.println("first life");
            Thread.sleep(WAIT_MILLIS); // the kill ends it
            return;
        }
        System.out.println("second life");
        ImportSegment segment = implicitImport(controller);
        ProbeCalls.print("put", () -> segment.put8(0, DATA, DATA.length));
        Thread.sleep(SECOND_LIFE_MILLIS);
        ProbeCalls.print("put-later", () -> segment.put8(0, DATA, DATA.length));
        segment.signalPost(0);
        segment.disconnect();
    }
}
