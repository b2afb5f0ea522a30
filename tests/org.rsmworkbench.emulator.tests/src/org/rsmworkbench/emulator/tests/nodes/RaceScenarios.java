// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests.nodes;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;
import org.rsmworkbench.rsmapi.Signalable;

/**
 * Small programs for the race detector, run on three nodes: node 1 exports a segment of its own for each scenario,
 * nodes 2 ("a") and 3 ("b") import it. Each scenario is a static method named {@code racy...} (it has races) or
 * {@code free...} (it has none); the two lines of each race end with the same comment, "race:" and a name (one line
 * when both accesses are made there, by two nodes), which the test reads from this source. Scenarios run one after another; each has its own segment, so that they do not meet.
 */
public final class RaceScenarios {
    static final int FIRST_SEGMENT = 0x500000;
    static final int SIZE = 8192;

    /** One node's view of a scenario's segment. */
    static final class Side {
        final RsmLibrary rsm;
        final RsmController controller;
        final int node;
        final int id;
        MemorySegment memory;
        ExportSegment export;
        ImportSegment segment;
        Barrier barrier;
        private MemorySegment mapping;

        Side(RsmLibrary rsm, RsmController controller, int id) {
            this.rsm = rsm;
            this.controller = controller;
            this.node = rsm.localNodeId();
            this.id = id;
        }

        boolean exporter() {
            return node == 1;
        }

        boolean a() {
            return node == 2;
        }

        boolean b() {
            return node == 3;
        }

        /** The whole segment mapped (importers). */
        MemorySegment map() throws RsmException {
            if (mapping == null) {
                mapping = segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, SIZE);
            }
            return mapping;
        }

        /** Signals the other side: the exporter its importers, an importer the exporter. */
        void post() throws RsmException {
            if (exporter()) {
                export.signalPost(0);
            } else {
                segment.signalPost(0);
            }
        }

        void await() throws RsmException {
            if (exporter()) {
                export.signalWait(60_000);
            } else {
                segment.signalWait(60_000);
            }
        }

        /** The exporter: passes the signal of one importer on to both. */
        void relay() throws RsmException {
            await();
            post();
        }

        /** The exporter: spins until an importer sets the flag, the int at offset 0. */
        void pollFlag() {
            while (memory.get(JAVA_INT, 0) == 0) {
                Thread.onSpinWait();
            }
        }

        /** An importer: gets the flag, the int at offset 0, until the exporter has set it. */
        void getFlagUntilSet() throws RsmException {
            int[] flag = new int[1];
            do {
                segment.get32(0, flag, 1);
            } while (flag[0] == 0);
        }

        /** The exporter: unpublishes and publishes again, which forcibly disconnects the importers. */
        void republish() throws RsmException {
            export.unpublish();
            export.publish(id, List.of(new AccessEntry(2, 0666), new AccessEntry(3, 0666)));
        }

        /** An importer: puts to a byte nobody reads until its connection is cut, then connects again. */
        void reconnect() throws RsmException, InterruptedException {
            try {
                while (true) {
                    segment.put8(SIZE - 1, new byte[1], 1);
                    Thread.sleep(1);
                }
            } catch (RsmException cut) {
                segment.disconnect();
            }
            segment = connect(controller, id);
            barrier = segment.initBarrier(BarrierType.SEGMENT);
        }

        void explicit() throws RsmException {
            segment.setMode(BarrierMode.EXPLICIT);
        }
    }

    public static void main(String[] args) throws Exception {
        RsmLibrary rsm = Rsm.open();
        RsmController controller = rsm.getController("emu0");
        int node = rsm.localNodeId();
        List<Method> scenarios = scenarios();
        // the control segment: importers say there that they have connected to a scenario's segment, and that they are done
        Signalable control = node == 1 ? publishControl(rsm, controller) : connect(controller, FIRST_SEGMENT - 1);
        for (int i = 0; i < scenarios.size(); i++) {
            Side side = new Side(rsm, controller, FIRST_SEGMENT + i);
            if (node == 1) {
                side.memory = rsm.allocate(SIZE);
                side.export = controller.createExportSegment(side.memory, 0);
                side.export.publish(FIRST_SEGMENT + i, List.of(new AccessEntry(2, 0666), new AccessEntry(3, 0666)));
                // a post of the exporter reaches only the importers connected when it is made
                control.signalWait(60_000);
                control.signalWait(60_000);
            } else {
                side.segment = connect(controller, FIRST_SEGMENT + i);
                side.barrier = side.segment.initBarrier(BarrierType.SEGMENT);
                control.signalPost(0);
            }
            try {
                scenarios.get(i).invoke(null, side);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("scenario " + scenarios.get(i).getName() + " failed", e.getCause());
            }
        }
        // the exporter keeps every segment until both importers are done
        if (node == 1) {
            control.signalWait(120_000);
            control.signalWait(120_000);
        } else {
            control.signalPost(0);
        }
        System.out.println("DONE " + scenarios.size());
        rsm.close();
    }

    private static ExportSegment publishControl(RsmLibrary rsm, RsmController controller) throws RsmException {
        ExportSegment control = controller.createExportSegment(rsm.allocate(SIZE), 0);
        control.publish(FIRST_SEGMENT - 1, List.of(new AccessEntry(2, 0666), new AccessEntry(3, 0666)));
        return control;
    }

    /** Every scenario, by name: the order of their segments. */
    public static List<Method> scenarios() {
        return Arrays.stream(RaceScenarios.class.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && (m.getName().startsWith("racy") || m.getName().startsWith("free")))
                .sorted(Comparator.comparing(Method::getName)).toList();
    }

    /** Connects to segment {@code id} of node 1, trying again until it is published. */
    static ImportSegment connect(RsmController controller, int id) throws RsmException, InterruptedException {
        for (long deadline = System.nanoTime() + 60_000_000_000L;;) {
            try {
                return controller.connect(1, id, Rsm.PERM_RDWR);
            } catch (RsmException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(2);
            }
        }
    }

    private static int[] one(int value) {
        return new int[] { value };
    }

    // ------------------------------------------------------------ put and load

    static void racyPutLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_INT, 64); // race: putLoad
        } else if (s.a()) {
            s.segment.put32(64, one(1), 1); // race: putLoad
        }
    }

    static void freePutSignalLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64);
        } else if (s.a()) {
            s.segment.put32(64, one(1), 1);
            s.post();
        }
    }

    static void racyPostBeforePut(Side s) throws Exception {
        if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64); // race: postBeforePut
        } else if (s.a()) {
            s.post();
            s.segment.put32(64, one(1), 1); // race: postBeforePut
        }
    }

    static void freeLoadThenSignalPut(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_INT, 64);
            s.post();
        } else if (s.a()) {
            s.await();
            s.segment.put32(64, one(1), 1);
        }
    }

    static void freePutDisjointLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_INT, 128);
        } else if (s.a()) {
            s.segment.put32(64, one(1), 1);
        }
    }

    static void freePutAdjacentLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_INT, 68);
        } else if (s.a()) {
            s.segment.put32(64, one(1), 1);
        }
    }

    static void racyPutPartialOverlapLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_INT, 68); // race: partialLoad
        } else if (s.a()) {
            s.segment.put64(64, new long[] { 1 }, 1); // race: partialLoad
        }
    }

    static void racyPutLoadByIndex(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.getAtIndex(JAVA_INT, 16); // race: loadByIndex
        } else if (s.a()) {
            s.segment.put32(64, one(1), 1); // race: loadByIndex
        }
    }

    static void freeLoadLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_INT, 64);
        } else if (s.a()) {
            s.segment.get32(64, new int[1], 1);
        } else {
            s.map().get(JAVA_INT, 64);
        }
    }

    // ------------------------------------------------------------ put and put

    static void racyPutPut(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(64, one(1), 1); // race: putPut
        } else if (s.b()) {
            s.segment.put32(64, one(2), 1); // race: putPut
        }
    }

    static void racyPutPutOneLine(Side s) throws Exception {
        if (!s.exporter()) {
            s.segment.put32(64, one(s.node), 1); // race: oneLine
        }
    }

    static void freePutPutDisjoint(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(64, one(1), 1);
        } else if (s.b()) {
            s.segment.put32(128, one(2), 1);
        }
    }

    static void racyPutPutPartialOverlap(Side s) throws Exception {
        if (s.a()) {
            s.segment.put64(64, new long[] { 1 }, 1); // race: putPutPartial
        } else if (s.b()) {
            s.segment.put32(68, one(2), 1); // race: putPutPartial
        }
    }

    static void freePutPutThroughExporter(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(64, one(1), 1);
            s.post();
        } else if (s.exporter()) {
            s.relay();
        } else {
            s.await();
            s.segment.put32(64, one(2), 1);
        }
    }

    static void freePutThenOwnGet(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(64, one(1), 1);
            s.segment.get32(64, new int[1], 1);
        }
    }

    // ------------------------------------------------------------ get and store

    static void racyGetStore(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 64, 7); // race: getStore
        } else if (s.a()) {
            s.segment.get32(64, new int[1], 1); // race: getStore
        }
    }

    static void freeStoreSignalGet(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 64, 7);
            s.post();
        } else if (s.a()) {
            s.await();
            s.segment.get32(64, new int[1], 1);
        }
    }

    static void racyStoreAfterPost(Side s) throws Exception {
        if (s.exporter()) {
            s.post();
            s.memory.set(JAVA_INT, 64, 7); // race: storeAfterPost
        } else if (s.a()) {
            s.await();
            s.segment.get32(64, new int[1], 1); // race: storeAfterPost
        }
    }

    static void freeGetThenSignalStore(Side s) throws Exception {
        if (s.exporter()) {
            s.await();
            s.memory.set(JAVA_INT, 64, 7);
        } else if (s.a()) {
            s.segment.get32(64, new int[1], 1);
            s.post();
        }
    }

    static void racyStoreByIndexGet(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.setAtIndex(JAVA_LONG, 8, 5L); // race: storeByIndex
        } else if (s.a()) {
            s.segment.get64(64, new long[1], 1); // race: storeByIndex
        }
    }

    static void freeGetGetLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_LONG, 64);
        } else {
            s.segment.get64(64, new long[1], 1);
        }
    }

    // ------------------------------------------------------------ putv and getv

    static void racyPutvPartialOverlap(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_INT, 72); // race: putv
        } else if (s.a()) {
            MemorySegment local = s.rsm.allocate(4096);
            s.segment.putv(new ScatterGather(s.segment, 0).add(new IoVec.Local(local, 0, 0, 16)) // race: putv
                    .add(new IoVec.Local(local, 16, 64, 16)));
        }
    }

    static void freePutvDisjoint(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_INT, 32);
        } else if (s.a()) {
            MemorySegment local = s.rsm.allocate(4096);
            s.segment.putv(new ScatterGather(s.segment, 0).add(new IoVec.Local(local, 0, 0, 16))
                    .add(new IoVec.Local(local, 16, 64, 16)));
        }
    }

    static void racyGetvStore(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 8, 3); // race: getv
        } else if (s.a()) {
            MemorySegment local = s.rsm.allocate(4096);
            s.segment.getv(new ScatterGather(s.segment, 0).add(new IoVec.Local(local, 0, 0, 16))); // race: getv
        }
    }

    static void freeGetvDisjointStore(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 200, 3);
        } else if (s.a()) {
            MemorySegment local = s.rsm.allocate(4096);
            s.segment.getv(new ScatterGather(s.segment, 0).add(new IoVec.Local(local, 0, 0, 16)));
        }
    }

    static void racyPutvPutv(Side s) throws Exception {
        MemorySegment local = s.exporter() ? null : s.rsm.allocate(4096);
        if (s.a()) {
            s.segment.putv(new ScatterGather(s.segment, 0).add(new IoVec.Local(local, 0, 0, 16))); // race: putvPutv
        } else if (s.b()) {
            s.segment.putv(new ScatterGather(s.segment, 0).add(new IoVec.Local(local, 0, 8, 16))); // race: putvPutv
        }
    }

    static void freePutvSignalGetv(Side s) throws Exception {
        if (s.a()) {
            MemorySegment local = s.rsm.allocate(4096);
            s.segment.putv(new ScatterGather(s.segment, 0).add(new IoVec.Local(local, 0, 0, 16)));
            s.post();
        } else if (s.exporter()) {
            s.relay();
        } else {
            s.await();
            MemorySegment local = s.rsm.allocate(4096);
            s.segment.getv(new ScatterGather(s.segment, 0).add(new IoVec.Local(local, 0, 0, 16)));
        }
    }

    // ------------------------------------------------------------ mappings

    static void racyMappedStoreExporterLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_INT, 64); // race: mappedStore
        } else if (s.a()) {
            s.map().set(JAVA_INT, 64, 9); // race: mappedStore
        }
    }

    static void freeMappedStoreSignalLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64);
        } else if (s.a()) {
            s.map().set(JAVA_INT, 64, 9);
            s.post();
        }
    }

    static void racyExporterStoreMappedLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 64, 9); // race: mappedLoad
        } else if (s.a()) {
            s.map().get(JAVA_INT, 64); // race: mappedLoad
        }
    }

    static void freeMappedStoreDisjoint(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_INT, 128);
        } else if (s.a()) {
            s.map().set(JAVA_INT, 64, 9);
        }
    }

    static void racyMappedStorePut(Side s) throws Exception {
        if (s.a()) {
            s.map().set(JAVA_INT, 64, 9); // race: mappedStorePut
        } else if (s.b()) {
            s.segment.put32(64, one(2), 1); // race: mappedStorePut
        }
    }

    static void racyStoreStore(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 64, 1); // race: storeStore
        } else if (s.a()) {
            s.map().set(JAVA_INT, 64, 2); // race: storeStore
        }
    }

    static void racyCopyIntoMapping(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_LONG, 64); // race: copyInto
        } else if (s.a()) {
            MemorySegment.copy(s.rsm.allocate(4096), 0, s.map(), 64, 8); // race: copyInto
        }
    }

    static void freeCopyFromMappingAfterSignal(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_LONG, 64, 4L);
            s.post();
        } else if (s.a()) {
            s.await();
            MemorySegment.copy(s.map(), 64, s.rsm.allocate(4096), 0, 8);
        }
    }

    static void racyFillGet(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.asSlice(256, 64).fill((byte) 1); // race: fill
        } else if (s.a()) {
            s.segment.get8(300, new byte[4], 4); // race: fill
        }
    }

    static void racyCopyFromLoad(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.get(JAVA_BYTE, 66); // race: copyFrom
        } else if (s.a()) {
            s.map().asSlice(64, 8).copyFrom(MemorySegment.ofArray(new byte[8])); // race: copyFrom
        }
    }

    static void freeMappedLoadAfterSignal(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 64, 9);
            s.post();
        } else if (s.a()) {
            s.await();
            s.map().get(JAVA_INT, 64);
        }
    }

    // ------------------------------------------------------------ two threads of one node

    static void racyTwoThreadsOfExporter(Side s) throws Exception {
        if (s.exporter()) {
            Thread thread = new Thread(() -> s.memory.set(JAVA_INT, 64, 1), "writer"); // race: threads
            thread.start();
            s.memory.get(JAVA_INT, 64); // race: threads
            thread.join();
        }
    }

    static void freeTwoThreadsJoined(Side s) throws Exception {
        if (s.exporter()) {
            Thread thread = new Thread(() -> s.memory.set(JAVA_INT, 64, 1));
            thread.start();
            thread.join();
            s.memory.get(JAVA_INT, 64);
        }
    }

    static void freeTwoThreadsStarted(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 64, 1);
            Thread thread = new Thread(() -> s.memory.get(JAVA_INT, 64));
            thread.start();
            thread.join();
        }
    }

    static void racyTwoThreadsOfImporter(Side s) throws Exception {
        if (s.a()) {
            Thread first = thread(() -> s.segment.put32(64, one(1), 1)); // race: importerThreads
            Thread second = thread(() -> s.segment.put32(64, one(2), 1)); // race: importerThreads
            first.start();
            second.start();
            first.join();
            second.join();
        }
    }

    /** Something a thread does with RSM calls. */
    private interface RsmAction {
        void run() throws RsmException;
    }

    private static Thread thread(RsmAction action) {
        return new Thread(() -> {
            try {
                action.run();
            } catch (RsmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void freeTwoThreadsOfImporterDisjoint(Side s) throws Exception {
        if (s.a()) {
            MemorySegment mapping = s.map();
            Thread thread = new Thread(() -> mapping.set(JAVA_INT, 128, 1));
            thread.start();
            mapping.set(JAVA_INT, 64, 1);
            thread.join();
        }
    }

    // ------------------------------------------------------------ signal chains

    static void freeSignalChain(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(64, one(1), 1);
            s.post();
        } else if (s.exporter()) {
            s.relay();
        } else {
            s.await();
            s.segment.get32(64, new int[1], 1);
        }
    }

    static void racySignalChainPutAfterPost(Side s) throws Exception {
        if (s.a()) {
            s.post();
            s.segment.put32(64, one(1), 1); // race: chain
        } else if (s.exporter()) {
            s.relay();
        } else {
            s.await();
            s.segment.get32(64, new int[1], 1); // race: chain
        }
    }

    static void freeRoundTrip(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(64, one(1), 1);
            s.post();
            s.await();
            s.segment.put32(64, one(2), 1);
        } else if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64);
            s.post();
        }
    }

    static void racyRoundTripLoadAfterAnswer(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(64, one(1), 1);
            s.post();
            s.await();
            s.segment.put32(64, one(2), 1); // race: roundTrip
        } else if (s.exporter()) {
            s.await();
            s.post();
            s.memory.get(JAVA_INT, 64); // race: roundTrip
        }
    }

    static void freeTwoPostsTwoWaits(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(64, one(1), 1);
            s.post();
            s.segment.put32(128, one(1), 1);
            s.post();
        } else if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64);
            s.await();
            s.memory.get(JAVA_INT, 128);
        }
    }

    static void racySecondWaitTooEarly(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(64, one(1), 1);
            s.post();
            s.segment.put32(128, one(1), 1); // race: secondWait
            s.post();
        } else if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64);
            s.memory.get(JAVA_INT, 128); // race: secondWait
            s.await();
        }
    }

    // ------------------------------------------------------------ barriers: EXPLICIT and IMPLICIT mode

    static void freeExplicitClosedThenSignal(Side s) throws Exception {
        if (s.a()) {
            s.explicit();
            s.barrier.open();
            s.segment.put32(64, one(1), 1);
            s.barrier.close();
            s.post();
        } else if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64);
        }
    }

    static void racyExplicitSignalBeforeClose(Side s) throws Exception {
        if (s.a()) {
            s.explicit();
            s.barrier.open();
            s.segment.put32(64, one(1), 1); // race: beforeClose
            s.post();
            s.barrier.close();
        } else if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64); // race: beforeClose
        }
    }

    static void racyExplicitNeverClosed(Side s) throws Exception {
        if (s.a()) {
            s.explicit();
            s.barrier.open();
            s.segment.put32(64, one(1), 1); // race: neverClosed
            s.post();
        } else if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64); // race: neverClosed
        }
    }

    static void freeExplicitTwoPutsOneClose(Side s) throws Exception {
        if (s.a()) {
            s.explicit();
            s.barrier.open();
            s.segment.put32(64, one(1), 1);
            s.segment.put32(128, one(1), 1);
            s.barrier.close();
            s.post();
        } else if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64);
            s.memory.get(JAVA_INT, 128);
        }
    }

    static void racyExplicitSecondSpanUnclosed(Side s) throws Exception {
        if (s.a()) {
            s.explicit();
            s.barrier.open();
            s.segment.put32(64, one(1), 1);
            s.barrier.close();
            s.barrier.open();
            s.segment.put32(128, one(1), 1); // race: secondSpan
            s.post();
            s.barrier.close();
        } else if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64);
            s.memory.get(JAVA_INT, 128); // race: secondSpan
        }
    }

    static void freeImplicitPostBeforeClose(Side s) throws Exception {
        if (s.a()) {
            s.barrier.open();
            s.segment.put32(64, one(1), 1); // IMPLICIT: complete when it returns
            s.post();
            s.barrier.close();
        } else if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64);
        }
    }

    static void freeImplicitAgainAfterExplicit(Side s) throws Exception {
        if (s.a()) {
            s.explicit();
            s.segment.setMode(BarrierMode.IMPLICIT);
            s.segment.put32(64, one(1), 1);
            s.post();
        } else if (s.exporter()) {
            s.await();
            s.memory.get(JAVA_INT, 64);
        }
    }

    static void racyImplicitNoSignal(Side s) throws Exception {
        if (s.a()) {
            s.barrier.open();
            s.segment.put32(64, one(1), 1); // race: implicitNoSignal
            s.barrier.close();
        } else if (s.exporter()) {
            s.memory.get(JAVA_INT, 64); // race: implicitNoSignal
        }
    }

    // ------------------------------------------------------------ flag polling

    static void freeFlagPolling(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(64, one(42), 1);
            s.segment.put32(0, one(1), 1);
        } else if (s.exporter()) {
            s.pollFlag();
            s.memory.get(JAVA_INT, 64);
        }
    }

    static void racyFlagPollingFlagFirst(Side s) throws Exception {
        if (s.a()) {
            s.segment.put32(0, one(1), 1);
            s.segment.put32(64, one(42), 1); // race: flagFirst
        } else if (s.exporter()) {
            s.pollFlag();
            s.memory.get(JAVA_INT, 64); // race: flagFirst
        }
    }

    static void freeFlagPollingExplicitClosed(Side s) throws Exception {
        if (s.a()) {
            s.explicit();
            s.barrier.open();
            s.segment.put32(64, one(42), 1);
            s.barrier.close();
            s.barrier.open();
            s.segment.put32(0, one(1), 1);
            s.barrier.close();
        } else if (s.exporter()) {
            s.pollFlag();
            s.memory.get(JAVA_INT, 64);
        }
    }

    static void racyFlagPollingExplicitUnclosed(Side s) throws Exception {
        if (s.a()) {
            s.explicit();
            s.barrier.open();
            s.segment.put32(64, one(42), 1); // race: unclosedData
            s.segment.put32(0, one(1), 1); // seen: the poll is ordered after what came before it, not after the data
            s.await(); // the exporter has read: only now the span closes
            s.barrier.close();
        } else if (s.exporter()) {
            s.pollFlag();
            s.memory.get(JAVA_INT, 64); // race: unclosedData
            s.post();
        }
    }

    static void freeFlagPollingWithGet(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 64, 42);
            s.memory.set(JAVA_INT, 0, 1);
        } else if (s.a()) {
            s.getFlagUntilSet();
            s.segment.get32(64, new int[1], 1);
        }
    }

    static void racyFlagPollingWithGetFlagFirst(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 0, 1);
            s.memory.set(JAVA_INT, 64, 42); // race: getFlagFirst
        } else if (s.a()) {
            s.getFlagUntilSet();
            s.segment.get32(64, new int[1], 1); // race: getFlagFirst
        }
    }

    static void freeFlagPollingThroughMapping(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 64, 42);
            s.memory.set(JAVA_INT, 0, 1);
        } else if (s.a()) {
            while (s.map().get(JAVA_INT, 0) == 0) {
                Thread.onSpinWait();
            }
            s.map().get(JAVA_INT, 64);
        }
    }

    // ------------------------------------------------------------ forced disconnect and reconnect

    static void freeStoreBeforeRepublishGetAfterReconnect(Side s) throws Exception {
        if (s.exporter()) {
            s.memory.set(JAVA_INT, 64, 5);
            s.republish();
        } else if (s.a()) {
            s.reconnect();
            s.segment.get32(64, new int[1], 1);
        }
    }

    static void racyStoreAfterRepublish(Side s) throws Exception {
        if (s.exporter()) {
            s.republish();
            s.memory.set(JAVA_INT, 64, 5); // race: republish
        } else if (s.a()) {
            s.reconnect();
            s.segment.get32(64, new int[1], 1); // race: republish
        }
    }
}
