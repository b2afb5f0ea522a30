// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.inspect.RangeTransfer;

/** What a file imported into a segment writes, and where: a raw file where asked, a hex dump where it came from. */
class ImportRangeTest {
    @TempDir
    Path directory;

    @Test
    void aRawFileGoesWhereAsked() throws IOException {
        Path raw = Files.write(directory.resolve("raw"), new byte[] { 1, 2, 3 });
        RangeTransfer.Dump read = RangeTransfer.readForImport(raw, false, 13, 16);
        assertEquals(13, read.offset());
        assertArrayEquals(new byte[] { 1, 2, 3 }, read.bytes());
    }

    @Test
    void aHexDumpGoesWhereItCameFrom() throws IOException {
        Path dump = directory.resolve("dump");
        byte[] bytes = new byte[64];
        bytes[40] = 0x7f;
        RangeTransfer.exportHexDump(MemorySegment.ofArray(bytes), 32, 16, dump);
        RangeTransfer.Dump read = RangeTransfer.readForImport(dump, true, 0, 64);
        assertEquals(32, read.offset(), "the offset asked for is not used");
        assertEquals(0x7f, read.bytes()[8]);
    }

    /** A file another user made huge (sparse) is refused before it is read: no OutOfMemoryError. */
    @Test
    void aFileLargerThanTheSegmentIsRefusedUnread() throws IOException {
        Path huge = directory.resolve("huge");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
        for (boolean hexDump : new boolean[] { false, true }) {
            IOException refused = assertThrows(IOException.class, () -> RangeTransfer.readForImport(huge, hexDump, 0, 16));
            assertTrue(refused.getMessage().startsWith(huge + " has " + (3L << 30) + " bytes, more than the "), refused.getMessage());
        }
    }

    @Test
    void anExportReplacesALinkAtItsFileAndLeavesWhatItPointsToUnchanged() throws IOException {
        Path precious = Files.writeString(directory.resolve("precious.txt"), "precious");
        Path raw = Files.createSymbolicLink(directory.resolve("range.bin"), precious);
        Path dump = Files.createSymbolicLink(directory.resolve("range.txt"), precious);
        byte[] bytes = { 1, 2, 3, 4 };
        RangeTransfer.exportRaw(MemorySegment.ofArray(bytes), 0, 4, raw);
        RangeTransfer.exportHexDump(MemorySegment.ofArray(bytes), 0, 4, dump);
        assertEquals("precious", Files.readString(precious), "the links' target was not written");
        assertArrayEquals(bytes, Files.readAllBytes(raw));
        assertArrayEquals(bytes, RangeTransfer.readHexDump(dump, 4).bytes());
    }

    @Test
    void bytesThatDoNotFitTheSegmentAreRefused() throws IOException {
        Path raw = Files.write(directory.resolve("raw"), new byte[4]);
        IOException refused = assertThrows(IOException.class, () -> RangeTransfer.readForImport(raw, false, 13, 16));
        assertTrue(refused.getMessage().equals("4 bytes at 0xd do not fit the segment of 16 bytes"), refused.getMessage());
        assertEquals(16, RangeTransfer.readForImport(raw, false, 12, 16).offset() + 4, "the last four bytes fit");
    }
}
