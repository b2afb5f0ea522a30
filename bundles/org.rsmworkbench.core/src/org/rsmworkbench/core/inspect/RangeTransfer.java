// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.rsmworkbench.emulator.UntrustedFiles;

/**
 * Export of a range of a segment (raw binary or hex dump) and reading such files back for an import. Exports replace
 * the file (a link there too, never followed) with one of mode 0600; imports read no more than a segment can take.
 */
public final class RangeTransfer {
    private static final int DUMP_ROW = 16;
    /** More than a dump line takes: a 16-digit offset, 16 bytes in hex and as text, CR LF. */
    private static final long MAX_DUMP_LINE = 128;
    /** The most a file read into an array can have. */
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 9;

    private RangeTransfer() {
    }

    public static void exportRaw(MemorySegment memory, long offset, long length, Path file) throws IOException {
        checkRange(memory, offset, length);
        UntrustedFiles.writePrivately(file, out -> {
            WritableByteChannel channel = Channels.newChannel(out);
            ByteBuffer bytes = memory.asSlice(offset, length).asByteBuffer();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        });
    }

    /** Lines "00001000: de ad be ef ... |text|", offsets in hex. */
    public static void exportHexDump(MemorySegment memory, long offset, long length, Path file) throws IOException {
        checkRange(memory, offset, length);
        UntrustedFiles.writePrivately(file, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            for (long row = offset; row < offset + length; row += DUMP_ROW) {
                int n = (int) Math.min(DUMP_ROW, offset + length - row);
                byte[] bytes = memory.asSlice(row, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                SegmentRows.Row line = new SegmentRows.Row(row, bytes, new int[n]);
                out.write(String.format("%08x: %-47s |%s|%n", row, line.hex(), line.text()));
            }
            out.flush();
        });
    }

    /**
     * The bytes of a raw file of at most {@code maxBytes} bytes (a regular file, as {@link UntrustedFiles#read} reads).
     *
     * @throws IOException when it is larger, or not such a file
     */
    public static byte[] readRaw(Path file, long maxBytes) throws IOException {
        return UntrustedFiles.read(file, Math.min(maxBytes, MAX_ARRAY_BYTES));
    }

    /**
     * The bytes of a hex dump written by {@link #exportHexDump}, and the offset of its first line; a file longer than a
     * dump of {@code maxBytes} bytes is not read.
     *
     * @throws IOException naming the line that is not a dump line, or whose offset does not follow; or saying why the
     *         file was not read
     */
    public static Dump readHexDump(Path file, long maxBytes) throws IOException {
        long maxFileBytes = Math.min((maxBytes / DUMP_ROW + 1) * MAX_DUMP_LINE, MAX_ARRAY_BYTES);
        List<String> lines = new String(UntrustedFiles.read(file, maxFileBytes), StandardCharsets.UTF_8).lines().toList();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        long first = -1;
        long expected = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            int bar = line.indexOf('|');
            try {
                long offset = Long.parseLong(line.substring(0, colon).trim(), 16);
                if (expected >= 0 && offset != expected) {
                    throw new IOException(file + " line " + (i + 1) + ": offset " + Long.toHexString(offset)
                            + " does not follow " + Long.toHexString(expected));
                }
                byte[] row = Search.hex(line.substring(colon + 1, bar < 0 ? line.length() : bar));
                bytes.write(row);
                first = first < 0 ? offset : first;
                expected = offset + row.length;
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + " is not a hex dump line (\"offset: hex bytes |text|\"): "
                        + line, e);
            }
        }
        return new Dump(Math.max(first, 0), bytes.toByteArray());
    }

    /**
     * What a file writes into a segment of {@code segmentSize} bytes: a hex dump its bytes at its own offset, a raw
     * file its bytes at {@code offset}.
     *
     * @throws IOException when the file cannot be read, or its bytes do not fit the segment there
     */
    public static Dump readForImport(Path file, boolean hexDump, long offset, long segmentSize) throws IOException {
        Dump read = hexDump ? readHexDump(file, segmentSize) : new Dump(offset, readRaw(file, segmentSize));
        if (read.offset() < 0 || read.offset() + read.bytes().length > segmentSize) {
            throw new IOException(read.bytes().length + " bytes at 0x" + Long.toHexString(read.offset())
                    + " do not fit the segment of " + segmentSize + " bytes");
        }
        return read;
    }

    /** Bytes read from a file (a hex dump, or raw), and the segment offset they belong at. */
    public record Dump(long offset, byte[] bytes) {
    }

    private static void checkRange(MemorySegment memory, long offset, long length) {
        if (offset < 0 || length < 0 || offset > memory.byteSize() - length) {
            throw new IllegalArgumentException("[" + offset + ", " + offset + "+" + length + ") is outside the segment of "
                    + memory.byteSize() + " bytes");
        }
    }
}
