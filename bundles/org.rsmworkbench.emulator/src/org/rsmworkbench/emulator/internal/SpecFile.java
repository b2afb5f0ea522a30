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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.rsmapi.ControllerAttributes;

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
        Properties p = new Properties();
        p.setProperty("name", spec.name());
        p.setProperty("pageSize", Long.toString(spec.pageSize()));
        p.setProperty(MEMORY_DIRECTORY, memoryDirectory.toString());
        p.setProperty(MADE_DIRECTORY, Boolean.toString(madeDirectory));
        for (int i = 0; i < spec.nodes().size(); i++) {
            NodeSpec node = spec.nodes().get(i);
            p.setProperty("node." + i + ".id", Integer.toString(node.id()));
            p.setProperty("node." + i + ".hostname", node.hostname());
            for (int c = 0; c < node.controllers().size(); c++) {
                ControllerSpec controller = node.controllers().get(c);
                ControllerAttributes a = controller.attributes();
                p.setProperty("node." + i + ".controller." + c + ".name", controller.name());
                p.setProperty("node." + i + ".controller." + c + ".attributes",
                        a.directAccessSizes() + "," + a.atomicSizes() + "," + a.pageSize() + ","
                                + a.maxExportSegmentSize() + "," + a.totalExportSegmentSize() + ","
                                + a.maxExportSegments() + "," + a.maxImportMapSize() + ","
                                + a.totalImportMapSize() + "," + a.maxImportSegments());
            }
        }
        for (int i = 0; i < spec.links().size(); i++) {
            LinkSpec l = spec.links().get(i);
            p.setProperty("link." + i, l.nodeA() + " " + l.controllerA() + " " + l.nodeB() + " " + l.controllerB());
        }
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
        try {
            List<NodeSpec> nodes = new ArrayList<>();
            for (int i = 0; p.containsKey("node." + i + ".id"); i++) {
                List<ControllerSpec> controllers = new ArrayList<>();
                for (int c = 0; p.containsKey("node." + i + ".controller." + c + ".name"); c++) {
                    String[] a = p.getProperty("node." + i + ".controller." + c + ".attributes").split(",");
                    controllers.add(new ControllerSpec(p.getProperty("node." + i + ".controller." + c + ".name"),
                            new ControllerAttributes(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Long.parseLong(a[2]),
                                    Long.parseLong(a[3]), Long.parseLong(a[4]), Long.parseLong(a[5]),
                                    Long.parseLong(a[6]), Long.parseLong(a[7]), Long.parseLong(a[8]))));
                }
                nodes.add(new NodeSpec(Integer.parseInt(p.getProperty("node." + i + ".id")),
                        p.getProperty("node." + i + ".hostname"), controllers));
            }
            List<LinkSpec> links = new ArrayList<>();
            for (int i = 0; p.containsKey("link." + i); i++) {
                String[] l = p.getProperty("link." + i).split(" ");
                links.add(new LinkSpec(Integer.parseInt(l[0]), l[1], Integer.parseInt(l[2]), l[3]));
            }
            ClusterSpec spec = new ClusterSpec(p.getProperty("name"), Long.parseLong(p.getProperty("pageSize")), nodes, links);
            // what the registry's tables are indexed by (node ids, link indexes) must fit them
            SpecValidation.check(spec);
            return new Stored(spec, memoryDirectory(directory, p));
        } catch (RuntimeException e) {
            throw new IOException(directory.resolve(NAME) + " is damaged: " + e, e);
        }
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
