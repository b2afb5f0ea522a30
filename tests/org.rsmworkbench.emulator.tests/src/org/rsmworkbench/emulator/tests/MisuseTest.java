// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connectReady;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * Caller memory that a transfer cannot use (issue 13, item 9): memory of a closed arena, memory confined to another
 * thread, a read-only destination. C would see EFAULT for such a buffer: each is BAD_ADDR, never the JDK's
 * IllegalStateException, WrongThreadException or IllegalArgumentException out of an RSM call.
 */
class MisuseTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private TestCluster.Exported exported;
    private ImportSegment im;
    private RsmLibrary importer;

    @BeforeEach
    void connectOne() throws Exception {
        exported = publish(tc.process(1), 2 * PAGE, null);
        importer = tc.process(2);
        im = connectReady(importer, exported, Rsm.PERM_RDWR);
    }

    /**
     * BAD_ADDR from the first transfer of a new connection (every check made one by one) and again after a transfer that
     * passed (the handle's checks then pass at once, and a put's or get's copy checks the caller's memory).
     */
    private void badAddr(Executable call) {
        assertTimeoutPreemptively(LIMIT, () -> {
            im.disconnect();
            im = connectReady(importer, exported, Rsm.PERM_RDWR);
            assertRsmError(RsmError.BAD_ADDR, call);
            im.put(0, MemorySegment.ofArray(new byte[8]));
            assertRsmError(RsmError.BAD_ADDR, call);
        });
    }

    private static MemorySegment ofClosedArena() {
        Arena arena = Arena.ofShared(); // shared: only its closing is wrong, not the thread that uses it
        MemorySegment memory = arena.allocate(64);
        arena.close();
        return memory;
    }

    /** Memory confined to a thread that keeps its arena open until {@code done} counts down. */
    private static MemorySegment ofAnotherThread(CountDownLatch done) {
        CompletableFuture<MemorySegment> memory = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (Arena arena = Arena.ofConfined()) {
                memory.complete(arena.allocate(64));
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return memory.join();
    }

    private ScatterGather vector(MemorySegment local) {
        return new ScatterGather(im, 0).add(new IoVec.Local(local, 0, 0, local.byteSize()));
    }

    @Test
    void getIntoReadOnlyMemoryIsBadAddr() {
        MemorySegment readOnly = MemorySegment.ofArray(new byte[64]).asReadOnly();
        badAddr(() -> im.get(0, readOnly));
    }

    @Test
    void getvIntoReadOnlyMemoryIsBadAddr() {
        MemorySegment readOnly = MemorySegment.ofArray(new byte[64]).asReadOnly();
        ScatterGather[] sg = new ScatterGather[1]; // the vector of the connection badAddr makes
        badAddr(() -> im.getv(sg[0] = vector(readOnly)));
        assertEquals(1, sg[0].residualCount(), "the request was not done");
    }

    @Test
    void putAndPutvFromMemoryOfAClosedArenaAreBadAddr() {
        MemorySegment freed = ofClosedArena();
        badAddr(() -> im.put(0, freed));
        badAddr(() -> im.putv(vector(freed)));
    }

    /** A zero-length copy checks nothing of the caller's memory: the handle does, even when its other checks pass at once. */
    @Test
    void zeroLengthTransfersWithMemoryOfAClosedArenaAreBadAddr() {
        MemorySegment freed = ofClosedArena().asSlice(0, 0);
        badAddr(() -> im.put(0, freed));
        badAddr(() -> im.get(0, freed));
    }

    /**
     * A put through a mapping made read-only, on a connection that allows writes, is PERM_DENIED (in C the write would
     * fault), never the JDK's IllegalArgumentException; a get through it works.
     */
    @Test
    void aPutThroughAReadOnlyMappingIsPermDenied() {
        assertTimeoutPreemptively(LIMIT, () -> {
            im.map(Rsm.MAP_NONE, Rsm.PERM_READ, 0, 2 * PAGE);
            MemorySegment data = MemorySegment.ofArray(new byte[64]);
            for (int round = 0; round < 2; round++) { // the handle's checks made one by one, then passed at once
                assertRsmError(RsmError.PERM_DENIED, () -> im.put(0, data));
                assertRsmError(RsmError.PERM_DENIED, () -> im.put64(0, new long[1], 1));
                im.get(0, data);
            }
        });
    }

    @Test
    void getAndGetvIntoMemoryOfAClosedArenaAreBadAddr() {
        MemorySegment freed = ofClosedArena();
        badAddr(() -> im.get(0, freed));
        badAddr(() -> im.getv(vector(freed)));
    }

    @Test
    void transfersWithMemoryConfinedToAnotherThreadAreBadAddr() {
        CountDownLatch done = new CountDownLatch(1);
        try {
            MemorySegment foreign = ofAnotherThread(done);
            badAddr(() -> im.get(0, foreign));
            badAddr(() -> im.put(0, foreign));
            badAddr(() -> im.getv(vector(foreign)));
            badAddr(() -> im.putv(vector(foreign)));
        } finally {
            done.countDown();
        }
    }

    @Test
    void aLocalMemoryHandleThatCannotBeRoundedToPagesIsBadLength() {
        MemorySegment endless = MemorySegment.NULL.reinterpret(Long.MAX_VALUE); // page-aligned, unroundable
        assertTimeoutPreemptively(LIMIT, () -> assertRsmError(RsmError.BAD_LENGTH,
                () -> importer.getController("emu0").createLocalMemoryHandle(endless)));
    }
}
