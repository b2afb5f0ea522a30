// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.model.ClusterFileException;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterFactory;
import org.rsmworkbench.model.internal.RsmClusterFileReader;
import org.rsmworkbench.tests.support.Fifos;
import org.rsmworkbench.tests.support.FuzzSeeds;

/**
 * Fuzzes the .rsmcluster loader (issue 13, item 11): saved clusters of every shape are damaged at random (bytes
 * changed, cut short, references and namespaces to other documents, schema locations, DOCTYPEs and entities,
 * huge numbers, deep nesting, elements repeated thousands of times, noise) and loaded as the editor and
 * {@code rsm-launch --cluster} do (load, validate, read as a spec); some inputs are not regular files at all. Each
 * must load cleanly or be refused with an IOException (a ClusterFileException from the loader), within a time
 * limit, and nothing else may be opened: every other document an input names is a FIFO, whose opening blocks.
 * <p>
 * Seeds are fixed: input i is made from seed {@value #BASE_SEED} + i, and a failure names its seed. The
 * environment variable RSM_FUZZ_SEED runs that one seed alone; RSM_FUZZ_SECONDS sets the time budget (10 s).
 */
class ClusterFileFuzzTest {
    static final long BASE_SEED = 1_301_100;
    private static final long INPUT_LIMIT_SECONDS = 20;
    private static final String NS = "http://www.rsmworkbench.org/model/cluster/1.0";
    /**
     * The kinds of damage, by weight: 0 bytes changed, 1 cut short, 2 href inserted, 3 reference aimed at another
     * document, 4 foreign namespace, 5 DOCTYPE, 6 huge number, 7 deep nesting, 8 element repeated, 9 noise, 10 schema
     * location.
     */
    private static final int[] MUTATIONS = {0, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 6, 7, 8, 9, 10};
    private static final String[] NUMBERS = {"99999999999999999999", "-2147483649", "2147483648", "9223372036854775808",
            "1e9", "0x10", "NaN", "", "-0", "00000000000000000000000000000001", "-1", "0777777777777", "4096"};

    @TempDir
    Path dir;

    private final List<Path> fifos = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final AtomicLong loaded = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Refusals by what they name, for the closing line. */
    private final Map<String, AtomicLong> refusals = new ConcurrentSkipListMap<>();

    @Test
    void damagedClusterFilesLoadCleanlyOrAreRefused() throws Exception {
        List<String> corpus = corpus();
        for (String name : List.of("other.rsmcluster", "package.ecore", "entity.dtd")) {
            Path fifo = dir.resolve(name);
            Fifos.make(fifo);
            fifos.add(fifo);
            targets.add(name);
            targets.add(fifo.toUri().toString());
        }
        targets.addAll(List.of("file:/dev/zero", "/dev/zero", "file:/etc/passwd", "../../../../../../etc/passwd",
                "http://192.0.2.1/x.rsmcluster", "platform:/resource/p/x.rsmcluster", "jar:file:/nowhere.jar!/x"));
        FuzzSeeds.Run run;
        try {
            run = FuzzSeeds.run(BASE_SEED, (seed, executor) -> runOne(corpus, seed, executor));
        } finally {
            fifos.forEach(Fifos::unblockReaders);
        }
        System.out.printf("cluster file fuzz: %d inputs (seeds %d..%d) in %d ms: %d loaded, %d refused %s; %d failures%n",
                run.inputs(), run.firstSeed(), run.lastSeed(), run.millis(), loaded.get(), refused.get(), refusals,
                run.failures().size());
        run.assertPassed();
    }

    /** Saved clusters of every shape and some sizes, and one with credentials, a down link and an ACL template. */
    private List<String> corpus() throws IOException {
        List<Cluster> clusters = new ArrayList<>();
        for (ClusterShapes.Shape shape : ClusterShapes.Shape.values()) {
            for (int nodes : new int[] {1, 2, 3, 5}) {
                clusters.add(ClusterShapes.create("c" + nodes, shape, nodes));
            }
        }
        Cluster rich = ClusterShapes.twoSwitches(5);
        rich.getLinks().get(0).setUp(false);
        rich.getNodes().get(2).getDefaultCredentials().getGroups().add(44);
        AclTemplate template = ClusterFactory.eINSTANCE.createAclTemplate();
        template.setName("readers");
        AccessEntry entry = ClusterFactory.eINSTANCE.createAccessEntry();
        entry.setNode(2);
        entry.setPermission(0640);
        template.getEntries().add(entry);
        rich.getAclTemplates().add(template);
        clusters.add(rich);
        List<String> texts = new ArrayList<>();
        Path file = dir.resolve("corpus.rsmcluster");
        for (Cluster cluster : clusters) {
            ClusterFiles.save(cluster, file);
            texts.add(Files.readString(file));
        }
        Files.delete(file);
        return texts;
    }

    // ---------------------------------------------------------------- one input

    /** Makes the input of that seed and checks it: null when every answer was allowed, else what went wrong. */
    private String runOne(List<String> corpus, long seed, ExecutorService executor) throws Exception {
        Random random = new Random(seed);
        Path file = dir.resolve("in-" + seed + ".rsmcluster");
        String what = make(random, corpus, file);
        Future<?> check = executor.submit(() -> {
            check(file);
            return null;
        });
        try {
            check.get(INPUT_LIMIT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (TimeoutException e) {
            fifos.forEach(Fifos::unblockReaders);
            return "seed " + seed + " (" + what + "): no answer within " + INPUT_LIMIT_SECONDS + " s";
        } catch (ExecutionException e) {
            java.io.StringWriter stack = new java.io.StringWriter();
            e.getCause().printStackTrace(new java.io.PrintWriter(stack));
            return "seed " + seed + " (" + what + "): " + stack;
        } finally {
            deleteInput(file);
        }
    }

    /** Loads as the editor does (load, then validate) and as rsm-launch does (the reader): clean, or an IOException. */
    private void check(Path file) {
        try {
            Cluster cluster = ClusterFiles.load(file);
            Diagnostic diagnostic = ClusterValidation.validate(cluster);
            assertTrue(diagnostic.getSeverity() >= Diagnostic.OK);
            loaded.incrementAndGet();
        } catch (ClusterFileException e) {
            refused.incrementAndGet();
            refusals.computeIfAbsent(kindOf(e.getMessage()), _ -> new AtomicLong()).incrementAndGet();
        } catch (IOException e) {
            fail("the loader's refusals are ClusterFileExceptions (with line and column when known), not " + e, e);
        }
        try {
            new RsmClusterFileReader().read(file);
        } catch (IOException e) {
            // refused, with a message: as allowed
        }
    }

    private static String kindOf(String message) {
        for (String kind : List.of("another document", "Package with uri", "DOCTYPE", "not a regular file", "bytes such a file")) {
            if (message.contains(kind)) {
                return kind;
            }
        }
        return "other";
    }

    private static void deleteInput(Path file) throws IOException {
        if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(file);
        } else {
            Files.deleteIfExists(file);
        }
    }

    // ---------------------------------------------------------------- inputs

    /** Writes input of that seed to {@code file}; says what it is, for a failure message. */
    private String make(Random random, List<String> corpus, Path file) throws IOException, InterruptedException {
        if (random.nextInt(25) == 0) {
            return special(random, file);
        }
        String text = corpus.get(random.nextInt(corpus.size()));
        List<String> done = new ArrayList<>();
        int rounds = random.nextInt(20);
        for (rounds = rounds < 14 ? 1 : rounds < 19 ? 2 : 3; rounds > 0; rounds--) {
            // structural damage more often than bytes: most byte damage only makes XML that does not parse
            int kind = MUTATIONS[random.nextInt(MUTATIONS.length)];
            String before = text;
            text = switch (kind) {
            case 0 -> flipBytes(random, text);
            case 1 -> text.substring(0, random.nextInt(text.length() + 1));
            case 2 -> insertHref(random, text);
            case 3 -> retargetReference(random, text);
            case 4 -> foreignNamespace(random, text);
            case 5 -> doctype(random, text);
            case 6 -> hugeNumber(random, text);
            case 7 -> deepNesting(random, text);
            case 8 -> repeatElement(random, text);
            case 9 -> noise(random);
            default -> schemaLocation(random, text);
            };
            done.add(kind + (text.equals(before) ? " (no change)" : ""));
        }
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return "mutations " + done + ", " + text.length() + " chars: "
                + text.substring(0, Math.min(text.length(), 600)).replace('\n', ' ');
    }

    /** Not a regular file, or one beyond the size bound. */
    private String special(Random random, Path file) throws IOException, InterruptedException {
        switch (random.nextInt(5)) {
        case 0 -> {
            Fifos.make(file);
            fifos.add(file);
            return "a FIFO";
        }
        case 1 -> {
            Files.createDirectory(file);
            return "a directory";
        }
        case 2 -> {
            Files.createSymbolicLink(file, Path.of("/dev/zero"));
            return "a link to /dev/zero";
        }
        case 3 -> {
            Files.createSymbolicLink(file, fifos.get(random.nextInt(fifos.size())));
            return "a link to a FIFO";
        }
        default -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(new byte[] {'<'}), ClusterFiles.MAX_FILE_BYTES + random.nextInt(4096));
            }
            return "a sparse file beyond the size bound";
        }
        }
    }

    private String target(Random random) {
        return targets.get(random.nextInt(targets.size()));
    }

    private static int after(Random random, String text, String marker) {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
            at.add(i + marker.length());
        }
        return at.isEmpty() ? -1 : at.get(random.nextInt(at.size()));
    }

    private static String flipBytes(Random random, String text) {
        if (text.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            chars[random.nextInt(chars.length)] = (char) random.nextInt(256);
        }
        return new String(chars);
    }

    private String insertHref(Random random, String text) {
        String tag = random.nextBoolean() ? "links" : "switches";
        int at = after(random, text, "<" + tag + " ");
        int close = at < 0 ? -1 : text.indexOf('>', at);
        if (close < 0) {
            return text;
        }
        String element = tag.equals("links") ? (random.nextBoolean() ? "controllerA" : "controllerB") : "ports";
        String href = "<" + element + " href=\"" + target(random) + "#//@nodes.0/@controllers.0\"/>";
        return text.charAt(close - 1) == '/'
                ? text.substring(0, close - 1) + ">" + href + "</" + tag + ">" + text.substring(close + 1)
                : text.substring(0, close + 1) + href + text.substring(close + 1);
    }

    private String retargetReference(Random random, String text) {
        int at = after(random, text, "=\"//@nodes.");
        return at < 0 ? text : text.substring(0, at - "//@nodes.".length()) + target(random) + "#" + text.substring(at - "//@nodes.".length());
    }

    private String foreignNamespace(Random random, String text) {
        String target = target(random);
        return switch (random.nextInt(3)) {
        case 0 -> text.replace(NS, target);
        case 1 -> text.replaceFirst("<rsmcluster:Cluster ", "<rsmcluster:Cluster xmlns:z=\"" + target + "\" ")
                .replaceFirst("<nodes ", "<nodes xsi:type=\"z:Node\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ");
        default -> {
            int at = after(random, text, "</nodes>");
            yield at < 0 ? text : text.substring(0, at) + "<z:Thing xmlns:z=\"" + target + "\"/>" + text.substring(at);
        }
        };
    }

    private String schemaLocation(Random random, String text) {
        return text.replaceFirst("<rsmcluster:Cluster ", "<rsmcluster:Cluster xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"" + NS + " " + target(random) + "\" ");
    }

    private String doctype(Random random, String text) {
        int at = text.indexOf("?>");
        String doctype = random.nextBoolean()
                ? "<!DOCTYPE rsmcluster:Cluster SYSTEM \"" + target(random) + "\">"
                : "<!DOCTYPE rsmcluster:Cluster [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                        + "<!ENTITY e SYSTEM \"" + target(random) + "\">]>";
        String withDoctype = at < 0 ? doctype + text : text.substring(0, at + 2) + doctype + text.substring(at + 2);
        return withDoctype.replaceFirst(" name=\"", " name=\"&d;&e;");
    }

    private static String hugeNumber(Random random, String text) {
        List<int[]> numbers = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("=\"(-?[0-9]+)\"").matcher(text);
        while (m.find()) {
            numbers.add(new int[] {m.start(1), m.end(1)});
        }
        if (numbers.isEmpty()) {
            return text;
        }
        int[] n = numbers.get(random.nextInt(numbers.size()));
        return text.substring(0, n[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + text.substring(n[1]);
    }

    private static String deepNesting(Random random, String text) {
        int at = after(random, text, "<rsmcluster:Cluster");
        int close = at < 0 ? -1 : text.indexOf('>', at);
        if (close < 0) {
            return text;
        }
        int depth = random.nextBoolean() ? 100 : 20_000;
        String tag = random.nextBoolean() ? "nodes" : "x";
        String deep = ("<" + tag + ">").repeat(depth) + ("</" + tag + ">").repeat(depth);
        return text.substring(0, close + 1) + deep + text.substring(close + 1);
    }

    private static String repeatElement(Random random, String text) {
        String[] elements = {"<links ", "<ports ", "<controllers ", "<entries ", "<groups>"};
        String start = elements[random.nextInt(elements.length)];
        int at = text.indexOf(start);
        if (at < 0) {
            return text;
        }
        int end = text.indexOf('\n', at);
        if (end < 0) {
            return text;
        }
        String line = text.substring(at, end + 1);
        return text.substring(0, end + 1) + line.repeat(random.nextBoolean() ? 100 : 5_000) + text.substring(end + 1);
    }

    private static String noise(Random random) {
        byte[] bytes = new byte[random.nextInt(4096)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
