// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.launch.RsmTrace;
import org.rsmworkbench.emulator.tests.FlightRecorderTest.Launch;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.SegmentHistory;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * Time travel: a segment's contents at past instants and each byte's last writer, reconstructed from a recording
 * (SegmentHistory), and {@code rsm-trace segment}. The runs are made of recorded in-JVM processes, one per node, each
 * with a log of its own in one recording folder.
 */
class TimeTravelTest {
    private static final int SIZE = 3 * 4096;
    private static final int SEGMENT_ID = 0x400100;
    private static final String SEGMENT = "1:0x400100";

    @RegisterExtension
    final EmulatedClusterExtension cluster = EmulatedClusterExtension.of(3);
    @TempDir
    Path recordingFolder;
    private final List<TraceLog> logs = new ArrayList<>();

    /** A process of the node that records into its own log in {@link #recordingFolder}. */
    private RsmLibrary recorded(int node) throws Exception {
        TraceLog log = TraceLog.create(recordingFolder.resolve("node" + node + Recording.LOG_SUFFIX), node,
                ProcessHandle.current().pid(), "time travel", RecordingSettings.into(recordingFolder));
        logs.add(log);
        return log.recording(cluster.process(node));
    }

    private Recording closeAndRead(RsmLibrary... processes) throws IOException {
        for (RsmLibrary process : processes) {
            process.close();
        }
        logs.forEach(TraceLog::close);
        return Recording.open(recordingFolder);
    }

    /**
     * One step of the run: its time window, and the node and event kind that the history must credit with the bytes it
     * changed ({@code null} kind: it changes none).
     */
    record Step(long begin, long end, int writerNode, EventKind writerKind) {
    }

    /**
     * A randomized run: node 1 exports the segment and stores into its memory (and rebinds it to new memory), node 2
     * maps it and stores through the mapping (inside a barrier), and puts; node 3 puts and putv's. Each direct store is
     * followed by a call of the storing process that hands data over, as a program does. After each step the test reads
     * the segment's real
     * contents; at 1000 random instants the history must give them, and for every byte the step that last changed it.
     */
    @Test
    void contentsAndLastWritersEqualTheRealSegmentAtAThousandInstants() throws Exception {
        Random random = new Random(16);
        RsmLibrary exporter = recorded(1);
        RsmLibrary mapper = recorded(2);
        RsmLibrary putter = recorded(3);
        MemorySegment[] memory = { exporter.allocate(SIZE) };
        byte[] initial = new byte[SIZE];
        random.nextBytes(initial);
        memory[0].copyFrom(MemorySegment.ofArray(initial));
        List<Step> steps = new ArrayList<>();
        long begin = System.nanoTime();
        ExportSegment export = exporter.getController("emu0").createExportSegment(memory[0], Rsm.ALLOW_REBIND);
        export.publish(SEGMENT_ID, List.of(new AccessEntry(2, 0666), new AccessEntry(3, 0666)));
        steps.add(new Step(begin, tick(), 1, EventKind.SEGMENT_SNAPSHOT));
        List<BitSet> changedBy = new ArrayList<>(List.of(everyByte(), new BitSet()));
        begin = System.nanoTime();
        ImportSegment mapped = mapper.getController("emu0").connect(1, SEGMENT_ID, Rsm.PERM_RDWR);
        mapped.setMode(BarrierMode.EXPLICIT);
        MemorySegment mapping = mapped.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, SIZE);
        Barrier barrier = mapped.initBarrier(BarrierType.SEGMENT);
        ImportSegment put = putter.getController("emu0").connect(1, SEGMENT_ID, Rsm.PERM_RDWR);
        put.setMode(BarrierMode.EXPLICIT);
        MemorySegment local = putter.allocate(4096);
        steps.add(new Step(begin, tick(), 0, null));

        int stepCount = 1500;
        int[] writerStep = new int[SIZE]; // the model: the step that last changed each byte
        Map<Integer, byte[]> contentsAfter = new HashMap<>();
        Map<Integer, int[]> writersAfter = new HashMap<>();
        BitSet sampled = new BitSet();
        random.ints(1000, 2, stepCount).forEach(sampled::set);
        byte[] before = memory[0].toArray(JAVA_BYTE);
        for (int s = 2; s < stepCount; s++) {
            int offset = random.nextInt(SIZE - 64);
            byte[] bytes = new byte[1 + random.nextInt(64)];
            random.nextBytes(bytes);
            begin = System.nanoTime();
            Step step;
            BitSet changed = new BitSet();
            int choice = random.nextInt(100);
            if (choice < 25) {
                ImportSegment importer = random.nextBoolean() ? put : mapped;
                importer.put(offset, MemorySegment.ofArray(bytes));
                step = new Step(begin, tick(), importer == put ? 3 : 2, EventKind.PUT);
                changed.set(offset, offset + bytes.length);
            } else if (choice < 40) {
                int second = random.nextInt(SIZE - 64);
                MemorySegment.copy(MemorySegment.ofArray(bytes), 0, local, 0, bytes.length);
                local.asSlice(1024, 64).fill((byte) random.nextInt());
                put.putv(new ScatterGather(put, 0).add(new IoVec.Local(local, 0, offset, bytes.length))
                        .add(new IoVec.Local(local, 1024, second, 64)));
                step = new Step(begin, tick(), 3, EventKind.PUTV);
                changed.set(offset, offset + bytes.length);
                changed.set(second, second + 64);
            } else if (choice < 80) {
                // direct stores, seen at the storing process's next call that hands data over: for the mapper the
                // close of the barrier around them (a get between changes nothing), for the exporter a republish
                boolean throughMapping = choice < 60;
                MemorySegment target = throughMapping ? mapping : memory[0];
                if (throughMapping) {
                    barrier.open();
                }
                int stores = 1 + random.nextInt(3);
                for (int k = 0; k < stores; k++) {
                    MemorySegment.copy(MemorySegment.ofArray(bytes), 0, target, random.nextInt(SIZE - bytes.length), bytes.length);
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
                if (throughMapping) {
                    mapped.get(0, MemorySegment.ofArray(new byte[8]));
                    barrier.close();
                } else {
                    export.republish(List.of(new AccessEntry(2, 0666), new AccessEntry(3, 0666)));
                }
                step = new Step(begin, tick(), throughMapping ? 2 : 1, EventKind.SEGMENT_STORE);
                byte[] after = memory[0].toArray(JAVA_BYTE);
                for (int b = 0; b < SIZE; b++) {
                    changed.set(b, before[b] != after[b]); // a store of the value a byte had is not seen
                }
            } else if (choice < 83) {
                MemorySegment next = exporter.allocate(SIZE);
                next.copyFrom(memory[0]);
                next.asSlice(random.nextInt(SIZE - 64), 64).fill((byte) random.nextInt()); // stored before the rebind
                export.rebind(next);
                memory[0] = next;
                step = new Step(begin, tick(), 1, EventKind.SEGMENT_SNAPSHOT);
                changed = everyByte(); // the snapshot after a rebind writes every byte
            } else {
                put.get(offset, MemorySegment.ofArray(bytes)); // changes nothing
                step = new Step(begin, tick(), 0, null);
            }
            steps.add(step);
            changedBy.add(changed);
            int writer = s;
            changed.stream().forEach(b -> writerStep[b] = writer);
            before = memory[0].toArray(JAVA_BYTE);
            if (sampled.get(s)) {
                contentsAfter.put(s, before);
                writersAfter.put(s, writerStep.clone());
            }
        }
        Recording recording = closeAndRead(mapper, putter, exporter);
        SegmentHistory history = SegmentHistory.of(recording, SEGMENT);
        int[] stepOfEvent = stepsOf(recording, steps);

        int instants = 0;
        for (int s = sampled.nextSetBit(0); s >= 0; s = sampled.nextSetBit(s + 1)) {
            SegmentHistory.Contents contents = history.atTime(steps.get(s).end() - recording.origin());
            assertArrayEquals(contentsAfter.get(s), contents.bytes(), "the segment after step " + s);
            int[] writers = writersAfter.get(s);
            for (int b = 0; b < SIZE; b++) {
                int n = contents.lastWriterNumber(b);
                TraceEvent writer = contents.lastWriter(b);
                Step expected = steps.get(writers[b]);
                if (n < 0 || writers[b] != stepOfEvent[n] || expected.writerNode() != writer.node()
                        || expected.writerKind() != writer.kind()) {
                    throw new AssertionError("byte " + b + " after step " + s + ": written by step " + writers[b] + " " + expected
                            + ", not by event " + n + " " + writer + (n < 0 ? "" : " of step " + stepOfEvent[n]));
                }
            }
            instants++;
        }
        assertTrue(instants > 600, instants + " distinct instants");
        // the same instants by event number: the last event of the step
        int s = sampled.nextSetBit(0);
        assertArrayEquals(contentsAfter.get(s), history.at(recording.eventAt(steps.get(s).end() - recording.origin())).bytes());

        // the writes of a byte range: the steps that changed one of its bytes, in order
        for (int k = 0; k < 200; k++) {
            int offset = random.nextInt(SIZE - 16);
            BitSet range = new BitSet();
            range.set(offset, offset + 1 + random.nextInt(16));
            List<Integer> expected = new ArrayList<>();
            for (int step = 0; step < changedBy.size(); step++) {
                if (changedBy.get(step).intersects(range)) {
                    expected.add(step);
                }
            }
            List<Integer> actual = Arrays.stream(history.writesOf(offset, range.cardinality())).map(n -> stepOfEvent[n]).boxed()
                    .toList();
            assertEquals(expected, actual, "the writes of " + range);
        }
    }

    /**
     * {@code rsm-trace segment}: the hex dump at an event number and at a time (ns, ms with decimals, s), the store the
     * exporter made seen at its next call; its errors; the event numbers of the csv export and the summary are the ones
     * it takes.
     */
    @Test
    void rsmTraceSegmentPrintsTheSegmentAtAnEventOrATime() throws Exception {
        RsmLibrary exporter = recorded(1);
        RsmLibrary importer = recorded(2);
        MemorySegment memory = exporter.allocate(4096);
        ExportSegment export = exporter.getController("emu0").createExportSegment(memory, 0);
        List<AccessEntry> acl = List.of(new AccessEntry(2, 0666));
        export.publish(SEGMENT_ID, acl);
        ImportSegment segment = importer.getController("emu0").connect(1, SEGMENT_ID, Rsm.PERM_RDWR);
        segment.setMode(BarrierMode.EXPLICIT);
        segment.put(0x40, MemorySegment.ofArray(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }));
        memory.asSlice(0x100, 4).copyFrom(MemorySegment.ofArray("ABCD".getBytes(StandardCharsets.US_ASCII)));
        try {
            segment.put(4096 - 4, MemorySegment.ofArray(new byte[8])); // past the end: an error for the summary
        } catch (RsmException expected) {
            // recorded with its error
        }
        export.republish(acl); // the exporter's store is seen here
        Recording recording = closeAndRead(importer, exporter);
        List<TraceEvent> events = recording.events();
        int putEvent = indexOf(events, e -> e.kind() == EventKind.PUT && !e.failed());
        int failedPut = indexOf(events, e -> e.kind() == EventKind.PUT && e.failed());
        String folder = recordingFolder.toString();

        Launch atPut = FlightRecorderTest.rsm(RsmTrace::run, "segment", folder, "--segment", SEGMENT, "--at", String.valueOf(putEvent));
        assertEquals(0, atPut.status(), atPut.toString());
        assertTrue(atPut.out().getFirst().startsWith("segment 1:0x400100 at event " + putEvent + " ("), atPut.out().getFirst());
        assertEquals(1 + 4096 / 16, atPut.out().size());
        assertEquals("00000040  01 02 03 04 05 06 07 08  00 00 00 00 00 00 00 00  |................|", atPut.out().get(1 + 4));
        assertEquals("00000100  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|", atPut.out().get(1 + 16));

        Launch atEnd = FlightRecorderTest.rsm(RsmTrace::run, "segment", folder, "--segment", SEGMENT, "--at",
                String.valueOf(events.size() - 1));
        assertEquals("00000040  01 02 03 04 05 06 07 08  00 00 00 00 00 00 00 00  |................|", atEnd.out().get(1 + 4));
        assertEquals("00000100  41 42 43 44 00 00 00 00  00 00 00 00 00 00 00 00  |ABCD............|", atEnd.out().get(1 + 16));

        // between the put and the next event: in ns, and in ms with six decimals
        long between = (events.get(putEvent).time() + events.get(putEvent + 1).time()) / 2 - recording.origin();
        for (String time : List.of(between + "ns", between / 1_000_000 + "." + String.format("%06d", between % 1_000_000) + "ms")) {
            Launch atTime = FlightRecorderTest.rsm(RsmTrace::run, "segment", folder, "--at", time, "--segment", SEGMENT);
            assertEquals(0, atTime.status(), atTime.toString());
            assertEquals(atPut.out(), atTime.out(), time);
        }
        Launch atStart = FlightRecorderTest.rsm(RsmTrace::run, "segment", folder, "--segment", SEGMENT, "--at", "0s");
        assertEquals(0, atStart.status(), atStart.toString());
        assertTrue(atStart.out().getFirst().endsWith("no contents recorded yet (not yet published)"), atStart.toString());

        Launch decimal = FlightRecorderTest.rsm(RsmTrace::run, "segment", folder, "--segment", "1:400100", "--at", "1");
        assertEquals(2, decimal.status(), decimal.toString());
        assertTrue(decimal.err().getFirst().endsWith("; ids are read as decimal unless written 0x... (400100 in hex: 1:0x400100)"),
                decimal.toString());

        for (List<String> wrong : List.of(List.of(folder, "--segment", "1:0x999999", "--at", "1"),
                List.of(folder, "--segment", "one:two", "--at", "1"), List.of(folder, "--segment", SEGMENT, "--at",
                        String.valueOf(events.size())), List.of(folder, "--segment", SEGMENT, "--at", "12.5xs"),
                List.of(folder, "--segment", SEGMENT, "--at", "-3"), List.of(folder, "--segment", SEGMENT, "--at", "999s"),
                List.of(recordingFolder.resolve("missing").toString(), "--segment", SEGMENT, "--at", "1"),
                List.of(folder, "--segment", SEGMENT))) {
            List<String> args = new ArrayList<>(List.of("segment"));
            args.addAll(wrong);
            Launch run = FlightRecorderTest.rsm(RsmTrace::run, args.toArray(String[]::new));
            assertEquals(2, run.status(), run.toString());
            assertTrue(run.err().getFirst().startsWith("rsm-trace: "), run.toString());
            assertTrue(run.err().getLast().startsWith("Try 'rsm-trace --help'"), run.toString());
        }

        Path csv = recordingFolder.resolveSibling("events.csv");
        assertEquals(0, FlightRecorderTest.rsm(RsmTrace::run, "export", folder, "--format", "csv", "-o", csv.toString()).status());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.getFirst().startsWith("event,time_ns,"), lines.getFirst());
        assertTrue(lines.get(1 + putEvent).startsWith(putEvent + ",") && lines.get(1 + putEvent).contains(",put,"),
                lines.get(1 + putEvent));
        Launch summary = FlightRecorderTest.rsm(RsmTrace::run, "summary", folder);
        assertTrue(summary.out().getFirst().contains(events.size() + " events (numbered 0 to " + (events.size() - 1) + " "),
                summary.out().getFirst());
        assertTrue(summary.out().stream().anyMatch(l -> l.contains("in put (node 2), first: event " + failedPut)),
                summary.toString());
    }

    /**
     * A flag an importer set and the exporter cleared by a store, back to the value the exporter saw at its previous
     * call: the recording's shadow of the segment (not the exporter's own view) says it changed, so the store is seen.
     */
    @Test
    void aStoreThatPutsBackTheValueItsProcessSawBeforeIsSeen() throws Exception {
        RsmLibrary exporter = recorded(1);
        RsmLibrary importer = recorded(2);
        MemorySegment memory = exporter.allocate(4096);
        ExportSegment export = exporter.getController("emu0").createExportSegment(memory, 0);
        List<AccessEntry> acl = List.of(new AccessEntry(2, 0666));
        export.publish(SEGMENT_ID, acl); // the exporter sees the flag at 0
        ImportSegment segment = importer.getController("emu0").connect(1, SEGMENT_ID, Rsm.PERM_RDWR);
        segment.setMode(BarrierMode.EXPLICIT);
        segment.put(0, MemorySegment.ofArray(new byte[] { 1 })); // sets the flag
        memory.set(JAVA_BYTE, 0, (byte) 0); // the exporter clears it
        export.republish(acl);
        Recording recording = closeAndRead(importer, exporter);
        SegmentHistory.Contents end = SegmentHistory.of(recording, SEGMENT).at(recording.events().size() - 1);
        assertEquals(0, end.bytes()[0]);
        assertEquals(EventKind.SEGMENT_STORE, end.lastWriter(0).kind());
        assertEquals(1, end.lastWriter(0).node());
    }

    /**
     * A store through a mapping is seen at the storing process's next call that hands data over (here a signal post),
     * at that call's start, not at the puts and gets before it, which compare nothing (else each would read the whole
     * mapping); the bytes a put wrote over the store's are the put's.
     */
    @Test
    void aStoreIsSeenAtTheNextCallThatHandsDataOver() throws Exception {
        RsmLibrary exporter = recorded(1);
        RsmLibrary importer = recorded(2);
        MemorySegment memory = exporter.allocate(4096);
        ExportSegment export = exporter.getController("emu0").createExportSegment(memory, 0);
        export.publish(SEGMENT_ID, List.of(new AccessEntry(2, 0666)));
        ImportSegment segment = importer.getController("emu0").connect(1, SEGMENT_ID, Rsm.PERM_RDWR);
        segment.setMode(BarrierMode.EXPLICIT);
        MemorySegment mapping = segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, 4096);
        mapping.set(JAVA_BYTE, 100, (byte) 7);
        mapping.set(JAVA_BYTE, 200, (byte) 9);
        segment.put(200, MemorySegment.ofArray(new byte[] { 5 }));
        segment.get(100, MemorySegment.ofArray(new byte[1]));
        segment.signalPost(0);
        Recording recording = closeAndRead(importer, exporter);
        List<TraceEvent> events = recording.events();
        int get = indexOf(events, e -> e.kind() == EventKind.GET);
        int store = indexOf(events, e -> e.kind() == EventKind.SEGMENT_STORE);
        int post = indexOf(events, e -> e.kind() == EventKind.SIGNAL_POST && e.node() == 2);
        assertTrue(get < store && store < post, "the store is seen as the post begins: " + events);
        assertTrue(events.get(store).time() <= events.get(post).time(), "seen as the post begins");
        assertEquals(100, events.get(store).offset());
        assertArrayEquals(new byte[] { 7 }, events.get(store).payload());
        SegmentHistory history = SegmentHistory.of(recording, SEGMENT);
        assertEquals(0, history.at(get).bytes()[100], "not yet seen at the get");
        SegmentHistory.Contents end = history.at(events.size() - 1);
        assertEquals(7, end.bytes()[100]);
        assertEquals(5, end.bytes()[200]);
        assertEquals(EventKind.PUT, end.lastWriter(200).kind());
    }

    /**
     * After an unpublish the importer's mapping reads trash (zeros): its next calls must not record that as stores into
     * the segment.
     */
    @Test
    void aMappingCutOffByAnUnpublishIsNotSeenAsStores() throws Exception {
        RsmLibrary exporter = recorded(1);
        RsmLibrary importer = recorded(2);
        MemorySegment memory = exporter.allocate(4096);
        memory.fill((byte) 0x5A);
        ExportSegment export = exporter.getController("emu0").createExportSegment(memory, 0);
        export.publish(SEGMENT_ID, List.of(new AccessEntry(2, 0666)));
        ImportSegment segment = importer.getController("emu0").connect(1, SEGMENT_ID, Rsm.PERM_RDWR);
        MemorySegment mapping = segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, 4096);
        mapping.set(JAVA_BYTE, 7, (byte) 1);
        segment.signalPost(0); // the store is seen here
        export.unpublish();
        assertEquals(0, mapping.get(JAVA_BYTE, 0), "the mapping is on trash");
        segment.signalPost(0); // fails: the connection is lost; the trash it maps is not a store
        Recording recording = closeAndRead(importer, exporter);
        List<TraceEvent> stores = recording.events().stream().filter(e -> e.kind() == EventKind.SEGMENT_STORE).toList();
        assertEquals(1, stores.size(), stores.toString());
        assertEquals(7, stores.getFirst().offset());
        assertArrayEquals(new byte[] { 1 }, stores.getFirst().payload());
        SegmentHistory.Contents end = SegmentHistory.of(recording, SEGMENT).at(recording.events().size() - 1);
        byte[] expected = new byte[4096];
        Arrays.fill(expected, (byte) 0x5A);
        expected[7] = 1;
        assertArrayEquals(expected, end.bytes());
    }

    /**
     * A ring log reuses its oldest chunks, the publish's snapshot among them: the exporter snapshots its memory again
     * before the ring comes round to the previous snapshot, so the segment's contents stay known.
     */
    @Test
    void aRingLogKeepsASnapshotOfTheSegment() throws Exception {
        TraceLog ring = TraceLog.create(recordingFolder.resolve("node1" + Recording.LOG_SUFFIX), 1, ProcessHandle.current().pid(),
                "ring", new RecordingSettings(recordingFolder, 1 << 20, RecordingSettings.AtLimit.RING,
                        RecordingSettings.CallSites.NONE, false));
        logs.add(ring);
        RsmLibrary exporter = ring.recording(cluster.process(1));
        MemorySegment memory = exporter.allocate(4096);
        Random random = new Random(16);
        byte[] initial = new byte[4096];
        random.nextBytes(initial);
        memory.copyFrom(MemorySegment.ofArray(initial));
        ExportSegment export = exporter.getController("emu0").createExportSegment(memory, 0);
        export.publish(SEGMENT_ID, List.of(new AccessEntry(2, 0666)));
        byte[] bytes = new byte[8];
        for (int i = 0; i < 40_000; i++) { // about 2.4 MB of events: the 1 MiB ring goes round twice
            random.nextBytes(bytes);
            // into the first KiB only: the rest is known from snapshots alone
            memory.asSlice(random.nextInt(1024 / 8) * 8L, 8).copyFrom(MemorySegment.ofArray(bytes));
            export.signalPost(0);
        }
        byte[] expected = memory.toArray(JAVA_BYTE);
        Recording recording = closeAndRead(exporter);
        assertTrue(recording.events().stream().noneMatch(e -> e.kind() == EventKind.EXPORT_PUBLISH),
                () -> "the ring went round: " + recording.events().size() + " events, " + recording.droppedEvents() + " dropped");
        SegmentHistory.Contents end = SegmentHistory.of(recording, SEGMENT).at(recording.events().size() - 1);
        assertArrayEquals(expected, end.bytes());
        for (int b = 0; b < expected.length; b++) {
            assertTrue(end.lastWriterNumber(b) >= 0, "byte " + b + " is known");
        }
    }

    private static int indexOf(List<TraceEvent> events, Predicate<TraceEvent> which) {
        for (int n = 0; n < events.size(); n++) {
            if (which.test(events.get(n))) {
                return n;
            }
        }
        throw new AssertionError("no such event");
    }

    private static BitSet everyByte() {
        BitSet all = new BitSet();
        all.set(0, SIZE);
        return all;
    }

    /** The time now, after which the next step's events begin (the clock has moved on). */
    private static long tick() {
        long now = System.nanoTime();
        while (System.nanoTime() == now) {
            Thread.onSpinWait();
        }
        return now;
    }

    /** For each event of the recording, the step whose time window holds it (-1: none). */
    private static int[] stepsOf(Recording recording, List<Step> steps) {
        List<TraceEvent> events = recording.events();
        int[] stepOf = new int[events.size()];
        int s = 0;
        for (int n = 0; n < events.size(); n++) {
            long time = events.get(n).time();
            while (s < steps.size() && steps.get(s).end() < time) {
                s++;
            }
            stepOf[n] = s < steps.size() && steps.get(s).begin() <= time ? s : -1;
        }
        return stepOf;
    }
}
