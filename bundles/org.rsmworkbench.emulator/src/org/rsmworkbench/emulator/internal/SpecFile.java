// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

import org.rsmworkbench.emulator.ClusterSpec;

/** Reads and writes {@code cluster.properties}: the spec of a cluster, so that other JVMs can join it. */
final class SpecFile {
    static final String NAME = "cluster.properties";
    /** The spec being written, renamed to {@link #NAME} when complete. */
    static final String TEMP_NAME = NAME + ".tmp";
    private static final String MEMORY_DIRECTORY = "memoryDirectory";
    /** "true" when the cluster made its directory (and may remove it whole), not given one that existed. */
    private static final String MADE_DIRECTORY = "madeDirectory";
    /** Far more than the spec of the largest cluster (64 nodes, 4096 links: about 200 KB) takes. */
    private static final int MAX_BYTES = 4 << 20;

    private SpecFile() {
    }

    static void write(Path directory, ClusterSpec spec, Path memoryDirectory, boolean madeDirectory) throws IOException {
        Properties p = SpecText.properties(spec);
        p.setProperty(MEMORY_DIRECTORY, memoryDirectory.toString());
        p.setProperty(MADE_DIRECTORY, Boolean.toString(madeDirectory));
        StringWriter text = new StringWriter();
        p.store(text, "RSM Workbench emulated cluster");
        OwnFiles.writeAtomically(directory.resolve(NAME), directory.resolve(TEMP_NAME),
                text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What the spec file holds: the cluster's spec and the directory of its segments' memory. */
    record Stored(ClusterSpec spec, Path memoryDirectory) {
    }

    static Stored read(Path directory) throws IOException {
        Properties p = load(directory);
        ClusterSpec spec;
        try {
            spec = SpecText.spec(p);
        } catch (IllegalArgumentException e) {
            throw new IOException(directory.resolve(NAME) + " is damaged: " + e.getMessage(), e);
        }
        return new Stored(spec, memoryDirectory(directory, p));
    }

    /** What a cluster made besides the files in its directory: its memory directory, and maybe the directory itself. */
    record Footprint(Path memoryDirectory, boolean madeDirectory) {
    }

    /** Only what the cluster made: for cleaning up after a cluster whose spec may be damaged. */
    static Footprint footprint(Path directory) throws IOException {
        Properties p = load(directory);
        return new Footprint(memoryDirectory(directory, p), Boolean.parseBoolean(p.getProperty(MADE_DIRECTORY)));
    }

    /** The memory directory the file names, if it is one a cluster in {@code directory} could have made. */
    private static Path memoryDirectory(Path directory, Properties p) throws IOException {
        String value = p.getProperty(MEMORY_DIRECTORY);
        if (value == null) {
            throw new IOException(directory.resolve(NAME) + " is damaged: no " + MEMORY_DIRECTORY);
        }
        try {
            Path memory = Path.of(value);
            if (ClusterDirectory.isMemoryDirectoryName(directory, memory)) {
                return memory;
            }
        } catch (InvalidPathException e) {
            // as any other value that is not a memory directory
        }
        throw new IOException(directory.resolve(NAME) + " is damaged: " + MEMORY_DIRECTORY + "=" + value
                + " is not a memory directory of a cluster");
    }

    /** Read only when it is this user's own regular file, of bounded size (it may have been planted). */
    private static Properties load(Path directory) throws IOException {
        Path file = directory.resolve(NAME);
        byte[] content;
        try {
            content = OwnFiles.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new IOException(directory + " is not an RSM cluster directory (no " + NAME + ")", e);
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString()));
        } catch (IllegalArgumentException e) { // a malformed unicode escape
            throw new IOException(file + " is damaged: " + e.getMessage(), e);
        }
        return p;
    }
}
