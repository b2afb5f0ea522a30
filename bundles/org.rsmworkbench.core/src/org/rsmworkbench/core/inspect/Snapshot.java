// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.rsmworkbench.emulator.SegmentView;

/**
 * A copy of a segment's contents at one moment, kept in a temporary file (a 1 GiB segment does not
 * fit the IDE's heap), and the diff of the segment's current contents against it.
 */
public final class Snapshot implements AutoCloseable {
    /** A run of changed bytes. */
    public record Range(long offset, long length) {
    }

    private static final long CHUNK = 1 << 20;

    private final Path file;
    private final long size;
    private final Instant taken;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment contents;

    private Snapshot(Path file, long size, Instant taken) throws IOException {
        this.file = file;
        this.size = size;
        this.taken = taken;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            contents = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
        }
    }

    /**
     * Copies the segment's current contents.
     *
     * @throws CancellationException when {@code progress} is canceled (nothing is left behind)
     */
    public static Snapshot take(SegmentView view, Progress progress) throws IOException {
        Path file = Files.createTempFile("rsm-snapshot-", ".bin");
        try {
            MemorySegment memory = view.memory();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                for (long offset = 0; offset < view.size(); offset += CHUNK) {
                    if (progress.isCanceled()) {
                        throw new CancellationException("snapshot canceled");
                    }
                    long length = Math.min(CHUNK, view.size() - offset);
                    channel.write(memory.asSlice(offset, length).asByteBuffer(), offset);
                    progress.worked(length);
                }
            }
            return new Snapshot(file, view.size(), Instant.now());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    public Instant taken() {
        return taken;
    }

    public long size() {
        return size;
    }

    /** The snapshot's contents, read-only. */
    public MemorySegment contents() {
        return contents;
    }

    /**
     * The ranges where {@code current} differs from this snapshot, in order, adjacent changes merged,
     * at most {@code limit} of them.
     */
    public List<Range> diff(MemorySegment current, int limit, Progress progress) {
        if (current.byteSize() != size) {
            throw new IllegalArgumentException("the segment has " + current.byteSize() + " bytes, the snapshot " + size);
        }
        return diff(contents, current, limit, progress);
    }

    /**
     * The ranges where two memories of the same size differ, in order, adjacent differing bytes merged, at most
     * {@code limit} of them.
     *
     * @throws CancellationException when {@code progress} is canceled
     */
    public static List<Range> diff(MemorySegment first, MemorySegment second, int limit, Progress progress) {
        long size = first.byteSize();
        if (second.byteSize() != size) {
            throw new IllegalArgumentException("cannot diff " + size + " bytes with " + second.byteSize());
        }
        List<Range> ranges = new ArrayList<>();
        long offset = 0;
        while (offset < size && ranges.size() < limit) {
            if (progress.isCanceled()) {
                throw new CancellationException("diff canceled");
            }
            long end = Math.min(offset + CHUNK, size);
            long mismatch = MemorySegment.mismatch(first, offset, end, second, offset, end);
            if (mismatch < 0) {
                progress.worked(end - offset);
                offset = end;
                continue;
            }
            long start = offset + mismatch;
            long stop = start + 1;
            while (stop < size && first.get(ValueLayout.JAVA_BYTE, stop) != second.get(ValueLayout.JAVA_BYTE, stop)) {
                stop++;
            }
            ranges.add(new Range(start, stop - start));
            progress.worked(stop - offset);
            offset = stop;
        }
        return ranges;
    }

    @Override
    public void close() {
        arena.close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
