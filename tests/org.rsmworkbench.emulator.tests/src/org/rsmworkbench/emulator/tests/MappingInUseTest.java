// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * An importer's mapping that can neither follow a rebind (its new memory cannot be mapped) nor be unmapped at once,
 * because I/O on a buffer view of it holds it (a blocked pipe write): it is cut as soon as that I/O ends, and then
 * put/get and putv/getv through it fail with RSM errors (CONN_ABORTED, BAD_SGIO), not unchecked exceptions.
 */
@DisplayName("a mapping in use when it must be cut")
@Timeout(60)
class MappingInUseTest {

    /** More than a pipe holds (64 KiB), so that a write of all of it blocks. */
    private static final long SIZE = 64 * PAGE;

    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);

    @Test
    void aMappingHeldByIoIsCutOnceTheIoEndsAndTransfersThroughItFailWithRsmErrors() throws Exception {
        RsmLibrary exporter = tc.process(1);
        MemorySegment a = exporter.allocate(SIZE);
        MemorySegment b = exporter.allocate(SIZE);
        ExportSegment segment = exporter.getController("emu0").createExportSegment(a, Rsm.ALLOW_REBIND);
        int id = segment.publish(TestCluster.nextSegmentId(), TestCluster.openTo(2));
        Exported exported = new Exported(exporter, exporter.getController("emu0"), a, segment, id);
        ImportSegment im = TestCluster.connectReady(tc.process(2), exported, TestCluster.RDWR);
        MemorySegment local = MemorySegment.ofArray(new byte[16]);
        ScatterGather sg = new ScatterGather(im, 0).add(new IoVec.Local(local, 0, 0, 16));
        im.putv(sg);
        MemorySegment view = im.map(0, Rsm.PERM_RDWR, 0, SIZE);
        // importers cannot map the rebound memory: its file is gone (the exporter keeps its own mapping of it)
        Files.delete(fileMappedAt(b.address()));

        Pipe pipe = Pipe.open();
        try (Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            AtomicReference<Throwable> writeFailure = new AtomicReference<>();
            Thread writer = Thread.ofPlatform().name("pipe-writer").start(() -> {
                try {
                    ByteBuffer buffer = view.asByteBuffer();
                    while (buffer.hasRemaining()) {
                        sink.write(buffer);
                    }
                } catch (IOException | RuntimeException e) {
                    writeFailure.set(e);
                }
            });
            ByteBuffer first = ByteBuffer.allocate(1);
            source.read(first); // the write has begun: it holds the mapping until all of it is read

            segment.rebind(b);
            assertTrue(view.scope().isAlive(), "a mapping in use by I/O cannot be unmapped yet");

            ByteBuffer rest = ByteBuffer.allocate((int) SIZE - 1);
            while (rest.hasRemaining()) {
                source.read(rest);
            }
            writer.join(10_000);
            assertEquals(null, writeFailure.get());
        }
        for (long t0 = System.nanoTime(); view.scope().isAlive() && System.nanoTime() - t0 < 5_000_000_000L;) {
            Thread.sleep(10);
        }
        assertFalse(view.scope().isAlive(), "once the I/O ended, the mapping that could not follow the rebind is cut");

        assertRsmError(RsmError.CONN_ABORTED, () -> im.put32(0, new int[] {1}, 1));
        assertRsmError(RsmError.CONN_ABORTED, () -> im.get32(0, new int[1], 1));
        assertRsmError(RsmError.BAD_SGIO, () -> im.putv(sg));
        assertRsmError(RsmError.BAD_SGIO, () -> im.getv(new ScatterGather(im, 0).add(new IoVec.Local(local, 0, 0, 16))));
    }

    /** The file this JVM has mapped at {@code address}, from /proc/self/maps. */
    private static Path fileMappedAt(long address) throws IOException {
        String start = HexFormat.of().toHexDigits(address).replaceFirst("^0+(?=.)", "") + "-";
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            if (line.startsWith(start)) {
                return Path.of(line.substring(line.indexOf('/')));
            }
        }
        throw new IOException("no mapping at 0x" + Long.toHexString(address) + " in /proc/self/maps");
    }
}
