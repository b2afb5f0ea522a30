// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.emulator.internal.Registry.Conn;
import org.rsmworkbench.emulator.internal.Registry.Jvm;
import org.rsmworkbench.emulator.internal.Registry.Node;
import org.rsmworkbench.emulator.internal.Registry.Proc;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.Fifos;
import org.rsmworkbench.tests.support.FuzzSeeds;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * Fuzzes what reads a cluster's shared files (issue 13, item 8). The files of a real cluster (segments published
 * and bound, a local memory handle, connections, a mapping) are copied, damaged at random (bits, record fields set to
 * telling values, records copied over others, whole files replaced, truncated or swapped for a directory, a link
 * or a FIFO), and the copy is joined by an observer (open, state, view) and by processes that connect, map, get,
 * put, post, export and take links down. Every call must answer cleanly or with the error its API declares
 * (IOException from open; RsmException from RSM calls; IllegalStateException or UncheckedIOException from a
 * view's memory), within a time limit, and no clean answer may show or touch another segment's memory: each
 * segment has a size of its own (1 to 5 pages) and a fill byte that goes with that size.
 * <p>
 * Seeds are fixed: input i is made from seed {@value #BASE_SEED} + i, and a failure names its seed. The
 * environment variable RSM_FUZZ_SEED runs that one seed alone; RSM_FUZZ_SECONDS sets the time budget (10 s).
 */
class RegistryFuzzTest {
    static final long BASE_SEED = 1_300_800;
    private static final long ITERATION_LIMIT_SECONDS = 30;
    /** Every so many inputs, the watcher of the copy is given time to tick on it, and must still be alive. */
    private static final int WATCHER_CHECK_EVERY = 32;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final int[] INTERESTING_INTS = {0, 1, -1, 2, 3, 4, 5, 7, 8, 63, 64, 65, 255, 256, 1023, 1024, 4095,
            4096, 8191, 8192, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x400000, 0x7FFFFFFF - 1, 0x80000001};
    private static final long[] INTERESTING_LONGS = {0, 1, -1, PAGE, 2 * PAGE, 3 * PAGE, 5 * PAGE, 6 * PAGE, PAGE - 1,
            1L << 32, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - PAGE + 1};
    private static final String[] INTERESTING_VALUES = {"", "-1", "0", "1", "2", "3", "63", "64", "200", "4097",
            "9999999999", "4096", "4095", "8192", "emu0", "loopback", "EMU1", "1 emu0 1 emu0", "1 emu0 9 emu0", "1,2,3",
            "15,0,4096,0,0,0,0,0,0", "-1,-1,-1,-1,-1,-1,-1,-1,-1", "\\u00zz", "x y"};
    private static final int TABLE_SLOTS = 8;
    private static final String REGISTRY = "registry";

    @TempDir
    Path work;

    private final Figures figures = new Figures();

    /** What the inputs did, for the closing line. */
    private static final class Figures {
        final AtomicLong joined = new AtomicLong();
        final AtomicLong refusedAtOpen = new AtomicLong();
        final AtomicLong imports = new AtomicLong();
        final AtomicLong importsRefused = new AtomicLong();
        final AtomicLong views = new AtomicLong();
        final AtomicLong viewsRefused = new AtomicLong();
    }

    /**
     * The files of the cluster to damage: its registry, the other files of the cluster directory and those of the
     * memory directory, by name; and the segments to look for.
     */
    private record Template(byte[] registry, Map<String, byte[]> clusterFiles, Map<String, byte[]> memoryFiles,
            Properties spec, Set<long[]> targets) {
    }

    @Test
    void damagedClusterFilesGiveErrorsOrCleanResults() throws Exception {
        Template template;
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(3)) {
            template = snapshot(tc);
        }
        FuzzSeeds.Run run = FuzzSeeds.run(BASE_SEED, (seed, executor) -> runOne(template, seed, executor));
        System.out.printf("registry fuzz: %d inputs (seeds %d..%d) in %d ms: %d joined, %d refused at open; "
                + "%d imports checked, %d refused; %d views checked, %d refused; %d failures%n", run.inputs(), run.firstSeed(),
                run.lastSeed(), run.millis(), figures.joined.get(), figures.refusedAtOpen.get(), figures.imports.get(),
                figures.importsRefused.get(), figures.views.get(), figures.viewsRefused.get(), run.failures().size());
        run.assertPassed();
        // a copy that looks alive to itself is joined, damaged or not (no input joined when a probe took this JVM's own
        // locks for free ones)
        assertTrue(figures.joined.get() > 0, "some inputs were joined, not all refused at open");
    }

    // ---------------------------------------------------------------- the cluster whose files are damaged

    /** Fill byte of the segment of that many pages: whoever shows memory of a size shows this byte, or is wrong. */
    private static byte fill(long pages) {
        return (byte) (0x11 * pages);
    }

    private static MemorySegment filled(RsmLibrary process, long pages) throws RsmException {
        MemorySegment memory = process.allocate(pages * PAGE);
        memory.fill(fill(pages));
        return memory;
    }

    /**
     * Node 1 exports A (1 page) and B (2 pages), two slices of one file, and D (4 pages, bound only); node 2 exports
     * C (3 pages); node 3 has a local memory handle of 5 pages (its surrogate segment), is connected to A, B (mapped)
     * and C, and node 2 to A. Then the files are read back, the cluster quiet.
     */
    private static Template snapshot(EmulatedClusterExtension tc) throws Exception {
        RsmLibrary one = tc.process(1);
        RsmController oneEmu = one.getController("emu0");
        MemorySegment ab = one.allocate(3 * PAGE);
        ab.asSlice(0, PAGE).fill(fill(1));
        ab.asSlice(PAGE, 2 * PAGE).fill(fill(2));
        int a = oneEmu.createExportSegment(ab.asSlice(0, PAGE), 0).publish(0x4F0001, null);
        int b = oneEmu.createExportSegment(ab.asSlice(PAGE, 2 * PAGE), 0).publish(0x4F0002, TestCluster.openTo(2, 3));
        oneEmu.createExportSegment(filled(one, 4), Rsm.ALLOW_REBIND);
        RsmLibrary two = tc.process(2);
        int c = two.getController("emu0").createExportSegment(filled(two, 3), 0).publish(0x4F0003,
                TestCluster.openTo(1, 3));
        RsmLibrary three = tc.process(3);
        RsmController threeEmu = three.getController("emu0");
        threeEmu.createLocalMemoryHandle(filled(three, 5));
        threeEmu.connect(1, a, Rsm.PERM_RDWR);
        threeEmu.connect(1, b, Rsm.PERM_READ).map(Rsm.MAP_NONE, Rsm.PERM_READ, 0, 2 * PAGE);
        threeEmu.connect(2, c, Rsm.PERM_RDWR).initBarrier(org.rsmworkbench.rsmapi.BarrierType.SEGMENT);
        two.getController("emu0").connect(1, a, Rsm.PERM_READ);

        Path directory = tc.cluster().directory();
        Properties spec = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve("cluster.properties"))) {
            spec.load(in);
        }
        Map<String, byte[]> clusterFiles = new LinkedHashMap<>();
        try (var files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // lock files are empty, and closing a descriptor of one would drop this JVM's lock on it
                clusterFiles.put(directory.relativize(file).toString(),
                        file.toString().endsWith(".lock") ? new byte[0] : Files.readAllBytes(file));
            }
        }
        byte[] registry = clusterFiles.remove(REGISTRY);
        Map<String, byte[]> memoryFiles = new LinkedHashMap<>();
        Path memory = Path.of(spec.getProperty("memoryDirectory"));
        try (var files = Files.list(memory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("p")).toList()) {
                memoryFiles.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        Set<long[]> targets = new LinkedHashSet<>(List.of(new long[] {1, a}, new long[] {1, b}, new long[] {2, c},
                new long[] {1, 0}));
        return new Template(registry, clusterFiles, memoryFiles, spec, targets);
    }

    // ---------------------------------------------------------------- one input

    /** Damages a copy and exercises it: null when every answer was allowed, else what went wrong. */
    private String runOne(Template template, long seed, ExecutorService executor) throws Exception {
        Random random = new Random(seed);
        Path root = work.resolve(Long.toString(seed));
        Path directory = root.resolve("cluster");
        // where a cluster without /dev/shm keeps its memory: a joining JVM accepts no other place outside /dev/shm
        Path memory = directory.resolve("memory");
        String name = "fuzz-" + seed;
        write(template, directory, memory, name);
        byte[] registry = template.registry().clone();
        String damage = damage(random, registry, directory, memory);
        List<FileChannel> locks = holdLocks(directory);
        boolean watch = seed % WATCHER_CHECK_EVERY == 0;
        try {
            Future<?> run = executor.submit(() -> {
                exercise(template, directory, new Random(random.nextLong()), watch);
                return null;
            });
            try {
                run.get(ITERATION_LIMIT_SECONDS, TimeUnit.SECONDS);
                return null;
            } catch (TimeoutException e) {
                String stack = stackOfTheFuzzThread();
                unblockFifos(memory);
                return "seed " + seed + " (" + damage + "): no answer within " + ITERATION_LIMIT_SECONDS + " s;\n" + stack;
            } catch (ExecutionException e) {
                return "seed " + seed + " (" + damage + "): " + stackTrace(e.getCause());
            }
        } finally {
            for (FileChannel lock : locks) {
                lock.close();
            }
            deleteTree(root);
        }
    }

    static String stackTrace(Throwable t) {
        java.io.StringWriter text = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static String stackOfTheFuzzThread() {
        StringBuilder s = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().equals("fuzz")) {
                for (StackTraceElement element : stack) {
                    s.append("  at ").append(element).append('\n');
                }
            }
        });
        return s.toString();
    }

    private static void write(Template template, Path directory, Path memory, String name) throws IOException {
        for (Map.Entry<String, byte[]> file : template.clusterFiles().entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Files.createDirectories(memory);
        for (Map.Entry<String, byte[]> file : template.memoryFiles().entrySet()) {
            Files.write(memory.resolve(file.getKey()), file.getValue());
        }
        Properties spec = (Properties) template.spec().clone();
        spec.setProperty("memoryDirectory", memory.toString());
        spec.setProperty("name", name);
        try (Writer out = Files.newBufferedWriter(directory.resolve("cluster.properties"))) {
            spec.store(out, null);
        }
    }

    /** The owner's and the JVMs' liveness locks of the copy, held by this JVM: the copy looks alive to itself. */
    private static List<FileChannel> holdLocks(Path directory) throws IOException {
        List<FileChannel> locks = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(directory.resolve("cluster.lock")));
        try (var jvms = Files.list(directory.resolve("jvms"))) {
            files.addAll(jvms.toList());
        }
        for (Path file : files) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
            channel.lock();
            locks.add(channel);
        }
        return locks;
    }

    // ---------------------------------------------------------------- damage

    /**
     * Damages the copy in one or two ways, and writes its registry (damaged here from the template's); says how,
     * for the failure message.
     */
    private static String damage(Random random, byte[] registry, Path directory, Path memory)
            throws IOException, InterruptedException {
        Path registryFile = directory.resolve(REGISTRY);
        MemorySegment words = MemorySegment.ofArray(registry);
        List<String> done = new ArrayList<>();
        boolean written = false;
        for (int round = random.nextInt(4) == 0 ? 2 : 1; round > 0; round--) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                done.add(flipBits(random, registry));
            } else if (kind < 6) {
                done.add(setFields(random, words));
            } else if (kind < 7) {
                done.add(copyRecords(random, registry));
            } else if (kind < 8) {
                done.add(replaceRegistry(random, registry, registryFile));
                written = true;
                break;
            } else if (kind < 9) {
                done.add(damageSpec(random, directory.resolve("cluster.properties")));
            } else {
                done.add(damageMemoryFile(random, memory));
            }
        }
        if (!written) {
            Files.write(registryFile, registry);
        }
        return String.join("; ", done);
    }

    /** The offsets worth damaging: the header and the first records of every table. */
    private static long hotOffset(Random random) {
        int slot = random.nextInt(TABLE_SLOTS);
        return switch (random.nextInt(7)) {
        case 0 -> random.nextInt(64);
        case 1 -> Node.at(random.nextInt(5), random.nextInt(64));
        case 2 -> Jvm.at(random.nextInt(4), random.nextInt(32));
        case 3 -> Proc.at(slot, random.nextInt(128));
        case 4, 5 -> Seg.at(slot, random.nextInt(random.nextBoolean() ? 96 : 1024));
        default -> Conn.at(slot, random.nextInt(64));
        };
    }

    private static String flipBits(Random random, byte[] registry) {
        int count = 1 + random.nextInt(16);
        for (int i = 0; i < count; i++) {
            int offset = (int) hotOffset(random);
            registry[offset] ^= (byte) (1 << random.nextInt(8));
        }
        return count + " bits flipped";
    }

    private static String setFields(Random random, MemorySegment words) {
        int count = 1 + random.nextInt(4);
        StringBuilder what = new StringBuilder("fields set:");
        for (int i = 0; i < count; i++) {
            int slot = random.nextInt(TABLE_SLOTS);
            long offset;
            boolean wide = false;
            switch (random.nextInt(6)) {
            case 0 -> offset = 4L * random.nextInt(13);
            case 1 -> offset = Node.at(random.nextInt(5), 4 * random.nextInt(5));
            case 2 -> {
                wide = random.nextInt(3) == 0;
                offset = Jvm.at(random.nextInt(4), wide ? Jvm.PID : 4 * random.nextInt(2));
            }
            case 3 -> offset = Proc.at(slot, 4 * random.nextInt(11) + (random.nextInt(8) == 0 ? Proc.GROUPS : 0));
            case 4 -> {
                int[] ints = {Seg.STATE, Seg.SERIAL, Seg.NODE, Seg.CONTROLLER, Seg.OWNER, Seg.SEGMENT_ID, Seg.BACKING,
                        Seg.BACKING + 4, Seg.UID, Seg.GID, Seg.MODE, Seg.FLAGS, Seg.ACL_COUNT, Seg.PUBLISHES, Seg.ACL, Seg.ACL + 4};
                int[] longs = {Seg.LENGTH, Seg.BACKING, Seg.CHECK};
                wide = random.nextInt(3) == 0;
                offset = Seg.at(slot, wide ? longs[random.nextInt(longs.length)] : ints[random.nextInt(ints.length)]);
            }
            default -> offset = Conn.at(slot, 4 * random.nextInt(14));
            }
            if (wide) {
                long value = random.nextInt(4) == 0 ? words.get(LONG, offset) + random.nextInt(3) - 1
                        : random.nextInt(5) == 0 ? random.nextLong() : INTERESTING_LONGS[random.nextInt(INTERESTING_LONGS.length)];
                words.set(LONG, offset, value);
                what.append(' ').append(offset).append("=").append(value).append('L');
            } else {
                int value = random.nextInt(4) == 0 ? words.get(INT, offset) + random.nextInt(3) - 1
                        : random.nextInt(5) == 0 ? random.nextInt() : INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
                words.set(INT, offset, value);
                what.append(' ').append(offset).append('=').append(value);
            }
        }
        return what.toString();
    }

    /** A record written over another of its table, or the backing fields of two segments swapped. */
    private static String copyRecords(Random random, byte[] registry) {
        int from = random.nextInt(TABLE_SLOTS);
        int to = random.nextInt(TABLE_SLOTS);
        if (random.nextBoolean()) {
            int[] fields = {Seg.OWNER, Seg.BACKING, Seg.BACKING + 4, Seg.LENGTH, Seg.LENGTH + 4, Seg.CHECK,
                    Seg.CHECK + 4};
            int field = fields[random.nextInt(fields.length)];
            byte[] word = new byte[4];
            System.arraycopy(registry, (int) Seg.at(from, field), word, 0, 4);
            System.arraycopy(registry, (int) Seg.at(to, field), registry, (int) Seg.at(from, field), 4);
            System.arraycopy(word, 0, registry, (int) Seg.at(to, field), 4);
            return "segment word " + field + " swapped between slots " + from + " and " + to;
        }
        int size = random.nextBoolean() ? 128 : 64;
        long base = random.nextBoolean() ? Seg.at(0, 0) : Conn.at(0, 0);
        int stride = base == Seg.at(0, 0) ? 1024 : 64;
        System.arraycopy(registry, (int) (base + (long) from * stride), registry, (int) (base + (long) to * stride),
                Math.min(size, stride));
        return "record " + from + " copied over " + to + " at " + base;
    }

    private static String replaceRegistry(Random random, byte[] registry, Path file) throws IOException {
        switch (random.nextInt(3)) {
        case 0 -> {
            byte[] noise = new byte[registry.length];
            random.nextBytes(noise);
            boolean keepHeader = random.nextBoolean();
            if (keepHeader) {
                System.arraycopy(registry, 0, noise, 0, 8);
            }
            Files.write(file, noise);
            return "registry replaced by noise" + (keepHeader ? " under its magic and version" : "");
        }
        case 1 -> {
            int length = random.nextInt(registry.length);
            Files.write(file, java.util.Arrays.copyOf(registry, length));
            return "registry truncated to " + length + " bytes";
        }
        default -> {
            byte[] empty = new byte[registry.length];
            System.arraycopy(registry, 0, empty, 0, 64);
            Files.write(file, empty);
            return "registry emptied but for its header";
        }
        }
    }

    private static String damageSpec(Random random, Path file) throws IOException {
        Properties spec = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) { // bytes already damaged read too
            spec.load(in);
        }
        List<String> keys = new ArrayList<>(spec.stringPropertyNames());
        keys.remove("memoryDirectory"); // where the memory is: the clean-up's path checks, not this test's
        keys.sort(null);
        String key = keys.get(random.nextInt(keys.size()));
        switch (random.nextInt(4)) {
        case 0, 1 -> {
            String value = INTERESTING_VALUES[random.nextInt(INTERESTING_VALUES.length)];
            spec.setProperty(key, value);
            store(spec, file);
            return "spec " + key + "=" + value;
        }
        case 2 -> {
            spec.remove(key);
            store(spec, file);
            return "spec " + key + " removed";
        }
        default -> {
            byte[] text = Files.readAllBytes(file);
            int at = random.nextInt(text.length);
            text[at] = (byte) random.nextInt(256);
            Files.write(file, text);
            return "spec byte " + at + " replaced";
        }
        }
    }

    private static void store(Properties spec, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            spec.store(out, null);
        }
    }

    private static String damageMemoryFile(Random random, Path memory) throws IOException, InterruptedException {
        List<Path> files;
        try (var list = Files.list(memory)) {
            files = list.sorted().toList();
        }
        Path file = files.get(random.nextInt(files.size()));
        switch (random.nextInt(5)) {
        case 0 -> {
            long size = random.nextInt((int) Files.size(file) + 1);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(size);
            }
            return file.getFileName() + " truncated to " + size;
        }
        case 1 -> {
            Files.delete(file);
            return file.getFileName() + " deleted";
        }
        case 2 -> {
            Files.delete(file);
            Files.createDirectory(file);
            return file.getFileName() + " replaced by a directory";
        }
        case 3 -> {
            Path other = files.get(random.nextInt(files.size()));
            Files.delete(file);
            Files.createSymbolicLink(file, other);
            return file.getFileName() + " replaced by a link to " + other.getFileName();
        }
        default -> {
            Files.delete(file);
            Fifos.make(file);
            return file.getFileName() + " replaced by a FIFO";
        }
        }
    }

    // ---------------------------------------------------------------- what joins the damaged copy

    private void exercise(Template template, Path directory, Random random, boolean watch) throws Exception {
        EmulatedCluster observer;
        try {
            observer = EmulatedCluster.open(directory);
        } catch (IOException e) {
            figures.refusedAtOpen.incrementAndGet();
            return;
        }
        figures.joined.incrementAndGet();
        try (observer) {
            ClusterState state = observer.state();
            Set<List<Long>> targets = new LinkedHashSet<>();
            for (long[] target : template.targets()) {
                targets.add(List.of(target[0], target[1]));
            }
            for (ClusterState.Segment segment : state.segments()) {
                targets.add(List.of((long) segment.node(), segment.published() ? (long) segment.segmentId() : 0L));
            }
            for (List<Long> target : targets) {
                look(observer, target.get(0).intValue(), target.get(1).intValue());
            }
            RsmLibrary importer = process(observer, 3);
            if (importer != null) {
                for (List<Long> target : targets) {
                    importAndCheck(importer, target.get(0).intValue(), target.get(1).intValue(), random.nextBoolean());
                }
                importer.close();
            }
            RsmLibrary exporter = process(observer, 1);
            if (exporter != null) {
                exportAndPost(exporter);
                exporter.close();
            }
            List<LinkSpec> links = observer.spec().links();
            if (!links.isEmpty()) {
                LinkSpec link = links.get(random.nextInt(links.size()));
                observer.setLink(link.nodeA(), link.controllerA(), link.nodeB(), link.controllerB(), false);
                observer.setLink(link.nodeA(), link.controllerA(), link.nodeB(), link.controllerB(), true);
            }
            if (watch) {
                Thread.sleep(150); // more than a tick of the watcher (100 ms)
                String watcher = "rsm-cluster-watch-" + observer.spec().name();
                assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(watcher) && t.isAlive()),
                        "the watcher of the damaged cluster is alive");
            }
            observer.state();
        }
    }

    private static RsmLibrary process(EmulatedCluster cluster, int node) {
        if (cluster.spec().node(node) == null) {
            return null; // a damaged spec without that node: process() would refuse the argument itself
        }
        try {
            return cluster.process(node, TestCluster.USER);
        } catch (RsmException e) {
            return null;
        }
    }

    /** A view shows the whole memory of one segment, of the size it says, or says it cannot. */
    private void look(EmulatedCluster observer, int node, int segmentId) {
        SegmentView view = observer.view(node, segmentId);
        if (view == null) {
            return;
        }
        try (view) {
            MemorySegment memory;
            try {
                memory = view.memory();
            } catch (IllegalStateException | UncheckedIOException e) {
                figures.viewsRefused.incrementAndGet();
                return;
            }
            checkWhole("view of " + node + ":0x" + Integer.toHexString(segmentId), view.size(), memory.toArray(ValueLayout.JAVA_BYTE));
            figures.views.incrementAndGet();
        }
    }

    private void importAndCheck(RsmLibrary importer, int node, int segmentId, boolean map) throws Exception {
        ImportSegment im;
        try {
            im = importer.getController("emu0").connect(node, segmentId, Rsm.PERM_RDWR);
        } catch (RsmException e) {
            figures.importsRefused.incrementAndGet();
            return;
        }
        String what = "import of " + node + ":0x" + Integer.toHexString(segmentId);
        try {
            long size = im.size();
            byte[] bytes;
            if (map) {
                MemorySegment mapping = im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, size);
                bytes = mapping.toArray(ValueLayout.JAVA_BYTE);
                checkWhole(what + " (mapped)", size, bytes);
                im.unmap();
            }
            im.setMode(BarrierMode.EXPLICIT);
            bytes = new byte[(int) Math.min(size, Integer.MAX_VALUE - 8)];
            im.get8(0, bytes, bytes.length);
            checkWhole(what, size, bytes);
            im.put8(0, bytes, bytes.length);
            im.signalPost(0);
            figures.imports.incrementAndGet();
        } catch (RsmException e) {
            figures.importsRefused.incrementAndGet();
        } finally {
            try {
                im.disconnect();
            } catch (RsmException e) {
                // a damaged cluster may refuse even that: an error, as allowed
            }
        }
    }

    private static void exportAndPost(RsmLibrary exporter) {
        try {
            ExportSegment segment = exporter.getController("emu0").createExportSegment(exporter.allocate(PAGE), 0);
            segment.publish(0, null);
            segment.signalPost(0);
            segment.unpublish();
            segment.destroy();
        } catch (RsmException e) {
            // an error, as allowed
        }
    }

    /** The bytes are the whole of the one segment of that size: its size is 1 to 5 pages, each byte its fill. */
    private static void checkWhole(String what, long size, byte[] bytes) {
        long pages = size / PAGE;
        assertTrue(size % PAGE == 0 && pages >= 1 && pages <= 5 && bytes.length == size,
                what + " has " + size + " bytes: no segment of the cluster has that size");
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != fill(pages)) {
                fail(what + " shows byte 0x" + Integer.toHexString(bytes[i] & 0xFF) + " at " + i + ", not 0x"
                        + Integer.toHexString(fill(pages) & 0xFF) + ": memory of another segment");
            }
        }
    }

    // ---------------------------------------------------------------- clean-up

    /** Lets a reader stuck opening a FIFO of the copy go on (open read-write never blocks on Linux). */
    private static void unblockFifos(Path memory) throws IOException {
        try (var files = Files.list(memory)) {
            for (Path file : files.toList()) {
                if (Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
                    Fifos.unblockReaders(file);
                }
            }
        }
    }

    /** Removes the copy; links are removed, never followed. */
    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
