package org.rsmworkbench.emulator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.nio.file.Files;
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
    private static final String MEMORY_DIRECTORY = "memoryDirectory";
    /** Far more than the spec of 64 nodes and 4096 links takes (about 200 KB). */
    private static final long MAX_BYTES = 4L << 20;

    private SpecFile() {
    }

    static void write(Path directory, ClusterSpec spec, Path memoryDirectory) throws IOException {
        Properties p = new Properties();
        p.setProperty("name", spec.name());
        p.setProperty("pageSize", Long.toString(spec.pageSize()));
        p.setProperty(MEMORY_DIRECTORY, memoryDirectory.toString());
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
        Path temp = directory.resolve(NAME + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp)) {
            p.store(out, "RSM Workbench emulated cluster");
        }
        Files.move(temp, directory.resolve(NAME), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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

    /** Only the memory directory: for cleaning up after a cluster whose spec may be damaged. */
    static Path memoryDirectory(Path directory) throws IOException {
        return memoryDirectory(directory, load(directory));
    }

    private static Path memoryDirectory(Path directory, Properties p) throws IOException {
        String value = p.getProperty(MEMORY_DIRECTORY);
        if (value == null) {
            throw new IOException(directory.resolve(NAME) + " is damaged: no " + MEMORY_DIRECTORY);
        }
        return Path.of(value);
    }

    private static Properties load(Path directory) throws IOException {
        Path file = directory.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(directory + " is not an RSM cluster directory (no " + NAME + ")");
        }
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(new ByteArrayInputStream(RegularFiles.read(file, MAX_BYTES)),
                StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is damaged: " + e.getMessage(), e); // a malformed unicode escape
        }
        return p;
    }
}
