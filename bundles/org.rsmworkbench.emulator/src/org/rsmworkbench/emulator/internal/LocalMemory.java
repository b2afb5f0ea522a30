// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exportable memory of one emulated process: file-backed shared mappings made by
 * {@code allocate}, and which file (and offset) backs each page range. An export segment's backing
 * file is what importers map. This memory never moves: importers are cut off on their own side.
 */
final class LocalMemory implements AutoCloseable {
    /** A run of this process's address space backed by one file from one offset. */
    record Backing(Path file, long fileOffset) {
    }

    /** One allocation: a whole file mapped from its start. */
    private record Extent(long address, long length, Path file) {
        long end() {
            return address + length;
        }
    }

    private final Arena arena = Arena.ofShared();
    private final TreeMap<Long, Extent> extents = new TreeMap<>();
    private final Path directory;
    private final int processSerial;
    private final long pageSize;
    private int nextFile;

    LocalMemory(Path directory, int processSerial, long pageSize) {
        this.directory = directory;
        this.processSerial = processSerial;
        this.pageSize = pageSize;
    }

    static String filePrefix(int processSerial) {
        return "p" + processSerial + "-";
    }

    /** The file number n of a memory file {@code p<process>-<n>}. */
    static int fileIndex(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(name.indexOf('-') + 1));
    }

    static Path path(Path directory, int processSerial, int fileIndex) {
        return directory.resolve(filePrefix(processSerial) + fileIndex);
    }

    /** Zero-filled shared memory, page-aligned, backed by a new file. */
    synchronized MemorySegment allocate(long length) throws IOException {
        return Uninterruptible.io(() -> allocateFile(length));
    }

    private MemorySegment allocateFile(long length) throws IOException {
        long mapped = roundUp(length);
        Path file = newFile(mapped);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, mapped, arena);
            extents.put(memory.address(), new Extent(memory.address(), mapped, file));
            return memory.asSlice(0, length);
        } catch (IOException | RuntimeException e) {
            // the reserved blocks are memory too: give them back
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The file behind {@code [address, address+length)}, or null when that is not memory of this process. */
    synchronized Backing backingOf(long address, long length) {
        Map.Entry<Long, Extent> entry = extents.floorEntry(address);
        if (entry == null || address + length > entry.getValue().end() || address + length < address) {
            return null;
        }
        Extent e = entry.getValue();
        return new Backing(e.file(), address - e.address());
    }

    /**
     * A new file of {@code length} bytes whose blocks are reserved: a sparse file would let a later store into
     * its mapping die of SIGBUS when the memory directory (a tmpfs) is full; this fails now, with an IOException.
     */
    private Path newFile(long length) throws IOException {
        Path file = path(directory, processSerial, nextFile++);
        int fd = NativeFiles.open(file, NativeFiles.O_RDWR | NativeFiles.O_CREAT | NativeFiles.O_EXCL
                | NativeFiles.O_NOFOLLOW | NativeFiles.O_CLOEXEC, 0600);
        try {
            NativeFiles.reserve(fd, file, length);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        } finally {
            NativeFiles.close(fd);
        }
        return file;
    }

    private long roundUp(long length) throws IOException {
        if (length > Long.MAX_VALUE - pageSize) {
            throw new IOException(length + " bytes cannot be mapped");
        }
        return (length + pageSize - 1) / pageSize * pageSize;
    }

    /** Unmaps every allocation; the files are removed with the process's other files. */
    @Override
    public synchronized void close() {
        arena.close();
        extents.clear();
    }

    /** Removes this process's files (importers' mappings keep an unlinked file alive). */
    static void deleteFiles(Path directory, int processSerial) {
        try (var files = Files.newDirectoryStream(directory, filePrefix(processSerial) + "*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a file left over goes with the cluster's memory directory
        }
    }
}
