// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests.nodes;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.LocalMemoryHandle;
import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;

/**
 * A node program that makes each kind of RSM call once (a few twice), on one node: it exports a segment and imports
 * it through the loopback controller. The recorder tests check each call in the recording; the lines of the calls
 * they check are marked {@code // site}.
 */
public final class EveryCallProgram {
    /** The bytes the put writes at {@link #PUT_OFFSET}. */
    public static final byte[] PUT_BYTES = { 1, 2, 3, 4, 5, 6, 7, 8 };
    public static final long PUT_OFFSET = 64;
    /** The line of the program's first put (its call site). */
    public static final int PUT_LINE = 45;

    public static void main(String[] args) throws RsmException, InterruptedException {
        try (RsmLibrary library = Rsm.open()) {
            RsmController controller = library.getController("loopback");
            MemorySegment memory = library.allocate(8192);
            ExportSegment export = controller.createExportSegment(memory, Rsm.ALLOW_REBIND);
            int id = export.publish(0, null);
            export.republish(null);
            ImportSegment segment = controller.connect(library.localNodeId(), id, Rsm.PERM_RDWR);
            Barrier barrier = segment.initBarrier(BarrierType.SEGMENT);
            segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, 4096).set(java.lang.foreign.ValueLayout.JAVA_BYTE, 512, (byte) 9); // a store
            segment.unmap();
            segment.put8(PUT_OFFSET, PUT_BYTES, PUT_BYTES.length); // site
            byte[] read = new byte[8];
            segment.get8(PUT_OFFSET, read, read.length);
            MemorySegment local = library.allocate(4096); // shared memory of the process, as a handle needs
            local.fill((byte) 7);
            LocalMemoryHandle handle = controller.createLocalMemoryHandle(local);
            segment.putv(new ScatterGather(segment, 0).add(new IoVec.Local(local, 0, 128, 16))
                    .add(new IoVec.Handle(handle, 16, 256, 4)));
            segment.getv(new ScatterGather(segment, 0).add(new IoVec.Local(local, 0, 128, 16)));
            controller.freeLocalMemoryHandle(handle);
            segment.setMode(BarrierMode.EXPLICIT);
            barrier.open();
            barrier.order();
            barrier.close();
            segment.setMode(BarrierMode.IMPLICIT);
            // a wait that sleeps until another thread posts (the recorder writes a wait's beginning only for such a wait)
            Thread poster = Thread.ofPlatform().name("poster").start(() -> {
                try {
                    Thread.sleep(200);
                    segment.signalPost(0);
                } catch (InterruptedException | RsmException e) {
                    throw new IllegalStateException(e);
                }
            });
            export.signalWait(5_000);
            poster.join();
            PollFd fd = export.getPollFd();
            segment.signalPost(0);
            library.signalWaitPollFd(List.of(fd), 5_000);
            export.releasePollFd();
            try {
                segment.put8(8192 - 4, PUT_BYTES, PUT_BYTES.length); // past the end: BAD_LENGTH or BAD_OFFSET
            } catch (RsmException expected) {
                System.out.println("failed as expected: " + expected.getMessage());
            }
            try {
                export.signalWait(0); // no event: TIMEOUT
            } catch (RsmException expected) {
                System.out.println("failed as expected: " + expected.getMessage());
            }
            barrier.destroy();
            export.rebind(library.allocate(8192));
            segment.disconnect();
            export.unpublish();
            export.destroy();
            controller.release();
        }
    }
}
