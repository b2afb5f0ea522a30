// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineArrow;
import org.rsmworkbench.core.trace.TimelineCategory;
import org.rsmworkbench.core.trace.TimelineFilter;
import org.rsmworkbench.core.trace.TimelineItem;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.internal.TraceFormat;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventColumns;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Flow;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.tests.support.HeapUse;
import org.rsmworkbench.tests.support.Recordings;

/**
 * The timeline of a recording read as columns ({@link TimelineModel#open}) draws what the timeline of the recording's
 * event objects draws, and following a recording still being written ({@link TimelineModel#refresh}) adds exactly the
 * events its logs added: new records of a chunk, new chunks, a log that appears later, not a record still torn.
 */
class TimelineFollowTest {
    private static final int WIDTH = 1200;

    /** Everything a model draws in a window, events named by process and sequence number (columns make new objects). */
    private static List<String> drawn(TimelineModel model, TimeWindow window) {
        List<String> drawn = new ArrayList<>();
        drawn.add(model.lanes().toString());
        for (int lane = 0; lane < model.lanes().size(); lane++) {
            for (TimelineItem item : model.items(lane, window, WIDTH)) {
                drawn.add(lane + " " + item.shape() + " " + item.x0() + ".." + item.x1() + " " + item.category() + " x" + item.count()
                        + " " + name(item.event()));
            }
        }
        for (TimelineArrow arrow : model.arrows(window, WIDTH)) {
            drawn.add("arrow " + arrow.flow().kind() + " " + name(arrow.flow().from()) + " → " + name(arrow.flow().to()) + " "
                    + arrow.fromLane() + ":" + arrow.fromX() + " " + arrow.toLane() + ":" + arrow.toX());
        }
        return drawn;
    }

    private static String name(TraceEvent event) {
        return event == null ? "-" : event.pid() + "/" + event.sequence();
    }

    private static void assertSameTimeline(TimelineModel expected, TimelineModel actual) {
        assertEquals(expected.shownEvents(), actual.shownEvents());
        assertEquals(expected.end(), actual.end());
        assertEquals(expected.origin(), actual.origin());
        assertEquals(expected.nodes(), actual.nodes());
        assertEquals(expected.pids(), actual.pids());
        assertEquals(expected.segments(), actual.segments());
        assertEquals(expected.kinds(), actual.kinds());
        assertEquals(expected.running(), actual.running());
        TimeWindow all = expected.fullWindow();
        assertEquals(all, actual.fullWindow());
        for (double zoom : new double[] { 1, 0.1, 0.01, 0.001 }) {
            TimeWindow window = all.zoom(zoom, all.start() + all.length() / 3);
            assertEquals(drawn(expected, window), drawn(actual, window), "zoomed " + zoom);
        }
    }

    @Test
    void aRecordingReadAsColumnsDrawsWhatItsEventObjectsDraw(@TempDir Path directory) throws IOException {
        Recording recording = Recordings.doorbell(directory.resolve("doorbell.rsmtrace"), 3, 30);
        TimelineModel objects = TimelineModel.of(recording);
        TimelineModel columns = TimelineModel.open(recording.directory());
        assertEquals(recording.events().size(), columns.events());
        assertSameTimeline(objects, columns);
        assertTrue(columns.arrows(columns.fullWindow(), WIDTH).stream().anyMatch(a -> a.flow().kind() == Flow.Kind.SIGNAL));
        TimelineFilter signals = TimelineFilter.ALL.withCategories(Set.of(TimelineCategory.SIGNAL));
        assertSameTimeline(objects.filtered(signals), columns.filtered(signals));
        TimelineFilter segment = TimelineFilter.ALL.withSegments(Set.of(objects.segments().iterator().next()));
        assertSameTimeline(objects.filtered(segment), columns.filtered(segment));

        // search, next of kind and find give the same events (equal, not the same objects)
        assertEquals(objects.count("SIGNAL_POST", () -> false), columns.count("SIGNAL_POST", () -> false));
        TraceEvent put = recording.events().stream().filter(e -> e.kind() == EventKind.PUT).toList().get(1);
        assertTrue(TimelineModel.same(objects.nextOfKind(put, true), columns.nextOfKind(put, true)));
        assertTrue(TimelineModel.same(objects.nextOfKind(put, false), columns.nextOfKind(put, false)));
        TraceEvent found = columns.find(put);
        assertTrue(TimelineModel.same(put, found));
        assertNotSame(put, found);
        assertEquals(put.segment(), found.segment());
        assertEquals(objects.properties(put), columns.properties(found), "the Properties view shows the same");
        assertEquals(objects.laneOf(put), columns.laneOf(found));
        TraceEvent last = columns.next(null, columns.end() + 1, false, _ -> true);
        assertTrue(TimelineModel.same(objects.next(null, objects.end() + 1, false, _ -> true), last));
    }

    private static void put(TraceLog log, long offset) {
        log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, offset, 8, 0, MemorySegment.ofArray(new long[] { offset }),
                PayloadForm.BYTES);
    }

    /** The event numbers (pid/sequence) a model shows, each once. */
    private static Set<String> shown(TimelineModel model) {
        Set<String> names = new HashSet<>();
        TraceEvent at = null;
        while ((at = model.next(at, Long.MIN_VALUE, true, _ -> true)) != null) {
            assertTrue(names.add(name(at)), "shown twice: " + name(at));
        }
        return names;
    }

    @Test
    void followingAddsExactlyWhatTheLogsAddedIncludingALogThatAppearsLaterAndNotATornTail(@TempDir Path directory)
            throws Exception {
        Path folder = Files.createDirectories(directory.resolve("live.rsmtrace"));
        TraceLog first = TraceLog.create(folder.resolve("node1-100" + Recording.LOG_SUFFIX), 1, 100, "first", RecordingSettings.into(folder));
        for (int i = 0; i < 10; i++) {
            put(first, 8 * i);
        }
        TimelineModel read = TimelineModel.open(folder);
        assertEquals(10, read.shownEvents());
        Set<String> before = shown(read);

        // more records in the chunk read before, and a new chunk of another thread
        for (int i = 10; i < 15; i++) {
            put(first, 8 * i);
        }
        Thread other = Thread.ofPlatform().name("other").start(() -> {
            first.call(EventKind.SIGNAL_POST, System.nanoTime(), 0, 1, 7, 0);
            put(first, 800);
        });
        other.join();
        TimelineModel grown = read.refresh();
        assertEquals(10, read.shownEvents(), "the model read before stays as it was");
        assertEquals(17, grown.shownEvents());
        Set<String> added = shown(grown);
        assertTrue(added.containsAll(before));
        added.removeAll(before);
        assertEquals(Set.of("100/10", "100/11", "100/12", "100/13", "100/14", "100/15", "100/16"), added);

        // a process whose log appears later, with a wait that the post above woke
        TraceLog second = TraceLog.create(folder.resolve("node2-200" + Recording.LOG_SUFFIX), 2, 200, "second", RecordingSettings.into(folder));
        second.call(EventKind.SIGNAL_WAIT, System.nanoTime(), 0, 1, 7, 1 | TraceEvent.EXPORT_SIDE);
        put(second, 0);
        Path notYet = Files.write(folder.resolve("node3-300" + Recording.LOG_SUFFIX), new byte[16]); // still being created
        TimelineModel withSecond = grown.refresh();
        assertEquals(19, withSecond.shownEvents());
        assertTrue(withSecond.lanes().stream().anyMatch(l -> l.node() == 2 && l.pid() == 200));
        assertTrue(withSecond.arrows(withSecond.fullWindow(), WIDTH).stream().anyMatch(a -> a.flow().kind() == Flow.Kind.SIGNAL
                && a.flow().from().pid() == 100 && a.flow().to().pid() == 200), "the post linked to the wait it woke");
        Files.delete(notYet);

        // a record begun but not committed at the end of the second log: not read until it is
        tearTail(folder.resolve("node2-200" + Recording.LOG_SUFFIX));
        TimelineModel torn = withSecond.refresh();
        assertEquals(19, torn.shownEvents());
        put(second, 8); // the writer commits a record where the torn one began
        TimelineModel completed = torn.refresh();
        assertEquals(20, completed.shownEvents());
        assertEquals(shown(TimelineModel.open(folder)), shown(completed));
        assertSameTimeline(TimelineModel.of(Recording.open(folder)), completed);

        // the same through a filter set while following
        TimelineModel puts = completed.filtered(TimelineFilter.ALL.withKinds(Set.of(EventKind.PUT)));
        IntStream.range(0, 3).forEach(i -> put(second, 16 + 8 * i));
        TimelineModel morePuts = puts.refresh();
        assertEquals(puts.shownEvents() + 3, morePuts.shownEvents());
        assertEquals(TimelineFilter.ALL.withKinds(Set.of(EventKind.PUT)), morePuts.filter());
        assertSameTimeline(TimelineModel.of(Recording.open(folder)).filtered(morePuts.filter()), morePuts);
        first.close();
        second.close();
    }

    @Test
    void aRingThatDroppedEventsReadBeforeIsReadAgainWhole(@TempDir Path directory) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("ring.rsmtrace"));
        RecordingSettings ring = new RecordingSettings(folder, 1 << 20, RecordingSettings.AtLimit.RING, RecordingSettings.CallSites.NONE, false);
        TraceLog log = TraceLog.create(folder.resolve("node1-100" + Recording.LOG_SUFFIX), 1, 100, "ring", ring);
        put(log, 0);
        TimelineModel read = TimelineModel.open(folder).filtered(TimelineFilter.ALL.withKinds(Set.of(EventKind.PUT)));
        assertEquals(1, read.shownEvents());
        // more than the 15 chunks of 1 MiB hold (records of more than 16 bytes): the first event is gone
        for (int i = 1; i < 16 * TraceFormat.CHUNK_SIZE / 16; i++) {
            put(log, 8 * (i % 64));
        }
        TimelineModel again = read.refresh();
        assertEquals(read.filter(), again.filter(), "the filter stays");
        assertNull(again.find(100, 0), "the overwritten event is gone");
        assertSameTimeline(TimelineModel.of(Recording.open(folder)).filtered(read.filter()), again);
        log.close();
    }

    /**
     * A ring that overwrote events read before is read again whole beside the model the view shows: where the heap has
     * no room for both, the refresh says so up front, not with an OutOfMemoryError in the middle of the read that
     * another thread of the IDE could meet as well.
     */
    @Test
    void aRingReadAgainWholeWhereTheHeapHasNoRoomForASecondModelSaysSo(@TempDir Path directory) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("ring.rsmtrace"));
        int limit = 16 << 20;
        RecordingSettings ring = new RecordingSettings(folder, limit, RecordingSettings.AtLimit.RING, RecordingSettings.CallSites.NONE, false);
        try (TraceLog log = TraceLog.create(folder.resolve("node1-100" + Recording.LOG_SUFFIX), 1, 100, "ring", ring)) {
            for (int i = 0; i < 400_000; i++) { // records of more than 16 bytes: the ring has not gone round
                put(log, 8 * (i % 64));
            }
            TimelineModel read = TimelineModel.open(folder);
            assertEquals(400_000, read.shownEvents());
            for (int i = 0; i < limit / 16; i++) {
                put(log, 8 * (i % 64)); // the ring goes round: the events read first are gone
            }
            // leave the heap beyond HeapRoom's reserve a quarter of what a second model needs (about 50 MB), in arrays
            // of 8 MB with their header, which fill whole G1 regions (of 1, 2, 4 or 8 MB) and are never copied
            List<long[]> ballast = new ArrayList<>();
            Runtime runtime = Runtime.getRuntime();
            long reserve = Math.max(256L << 20, runtime.maxMemory() / 8);
            long room = runtime.maxMemory() - HeapUse.afterCollection() - reserve;
            for (long left = room - (12L << 20); left >= 8 << 20; left -= 8 << 20) {
                ballast.add(new long[(1 << 20) - 2]);
            }
            IOException refused = assertThrows(IOException.class, read::refresh);
            ballast.clear();
            assertTrue(refused.getMessage().startsWith("its ring logs overwrote events read before, and reading it again whole"
                    + " needs about 49 MB beside the 400000 events read, more than this IDE's memory ("), refused.getMessage());
            assertEquals(400_000, read.shownEvents(), "the model read stays as it was");
        }
    }

    @Test
    void aLogTruncatedWhileItIsFollowedFailsTheRefreshWithAnIOException(@TempDir Path directory) throws Exception {
        Path file = copyInto(directory.resolve("shrinking.rsmtrace"), writtenLog(directory, 1));
        TimelineModel read = TimelineModel.open(file.getParent());
        truncate(file);
        // the view's follower then lets the recording go and says it changed on disk: no JVM fault out of its job
        IOException shrank = assertThrows(EventColumns.ShrankException.class, read::refresh);
        assertTrue(shrank.getMessage().startsWith("the log " + file + " shrank while it was read"), shrank.getMessage());
    }

    /**
     * A model filtered after its log was truncated (the view's follower filters each recording it reads as the view
     * does) names its lanes from the columns read: no payload is read from the mapping, which would fault.
     */
    @Test
    void aModelOfALogTruncatedSinceIsFilteredWithoutReadingTheLog(@TempDir Path directory) throws Exception {
        Path file = copyInto(directory.resolve("filtered.rsmtrace"), writtenLog(directory, 1));
        TimelineModel read = TimelineModel.open(file.getParent());
        truncate(file);
        TimelineModel puts = read.filtered(TimelineFilter.ALL.withKinds(Set.of(EventKind.PUT)));
        assertEquals(read.lanes(), puts.lanes());
        assertEquals(1, puts.shownEvents());
    }

    /**
     * A log truncated while the recording is opened, after its rows were read, while its events are linked (their
     * payloads are read from the mapping then): the open fails with the log's {@link EventColumns.ShrankException}, which
     * the view tells as a recording changed on disk, not with the unchecked exception of the payload's read, which escaped
     * the job that opened it (an internal error). The truncation is made once the opening thread is seen linking.
     */
    @Test
    void aLogTruncatedWhileItsEventsAreLinkedFailsTheOpenWithTheLogsShrankException(@TempDir Path directory) throws Exception {
        Path written = writtenLog(directory, 200_000); // puts whose bytes a get could read: linked with their payloads read
        for (int attempt = 0; attempt < 10; attempt++) {
            Path file = copyInto(directory.resolve("opened-" + attempt + ".rsmtrace"), written);
            FutureTask<TimelineModel> open = new FutureTask<>(() -> TimelineModel.open(file.getParent()));
            Thread opener = Thread.ofPlatform().start(open);
            while (!open.isDone() && !linking(opener)) {
                Thread.onSpinWait();
            }
            if (open.isDone()) {
                continue; // linked before it was seen linking: again
            }
            truncate(file);
            try {
                open.get();
                continue; // the linking ended before the truncation (this thread was descheduled): again
            } catch (ExecutionException failed) {
                assertInstanceOf(EventColumns.ShrankException.class, failed.getCause());
                assertTrue(failed.getCause().getMessage().startsWith("the log " + file + " shrank while it was read"),
                        failed.getCause().getMessage());
                return;
            }
        }
        fail("the open was never caught linking the events it read");
    }

    /** Whether {@code thread} is linking the events of a recording it read. */
    private static boolean linking(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("feed")
                && frame.getClassName().equals("org.rsmworkbench.core.trace.TimelineData"));
    }

    /** The log of process 100 of node 1 with {@code puts} puts, written in {@code directory}, outside any recording. */
    private static Path writtenLog(Path directory, int puts) throws IOException {
        Path written = directory.resolve("written" + Recording.LOG_SUFFIX);
        TraceLog log = TraceLog.create(written, 1, 100, "written", new RecordingSettings(directory, 16 << 20,
                RecordingSettings.AtLimit.STOP, RecordingSettings.CallSites.NONE, false));
        for (int i = 0; i < puts; i++) {
            put(log, 8 * (i % 64));
        }
        log.close();
        return written;
    }

    /**
     * Copies the log {@code written} into the recording {@code folder} (made): a copy only the timeline maps, since the
     * writer's preparer could give a truncated file its blocks back.
     */
    private static Path copyInto(Path folder, Path written) throws IOException {
        return Files.copy(written, Files.createDirectories(folder).resolve("node1-100" + Recording.LOG_SUFFIX));
    }

    /** Truncates {@code file} to nothing: every page of a mapping of it lies past its end, and a read of one faults. */
    private static void truncate(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }

    @Test
    void aLinkNamedAsALogIsNotFollowedAndTheModelSaysSo(@TempDir Path directory) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("linked.rsmtrace"));
        Path file = folder.resolve("node1-100" + Recording.LOG_SUFFIX);
        TraceLog log = TraceLog.create(file, 1, 100, "linked", RecordingSettings.into(folder));
        put(log, 0);
        log.close();
        Path elsewhere = Files.createDirectories(directory.resolve("elsewhere")).resolve("node2-200" + Recording.LOG_SUFFIX);
        TraceLog other = TraceLog.create(elsewhere, 2, 200, "elsewhere", RecordingSettings.into(elsewhere.getParent()));
        put(other, 0);
        other.close();
        Path link = Files.createSymbolicLink(folder.resolve("node2-200" + Recording.LOG_SUFFIX), elsewhere);
        TimelineModel read = TimelineModel.open(folder);
        assertEquals(Set.of(1), read.nodes(), "only the log itself is read");
        assertEquals(List.of(link + " is a symbolic link: not followed, not read"), read.warnings());
    }

    @Test
    void aLogFollowedAcrossChunksIsNoDamageButOneCutShortIsAndTheModelSaysSo(@TempDir Path directory) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("live.rsmtrace"));
        Path file = folder.resolve("node1-100" + Recording.LOG_SUFFIX);
        TraceLog log = TraceLog.create(file, 1, 100, "live", new RecordingSettings(folder, 1 << 20, RecordingSettings.AtLimit.STOP,
                RecordingSettings.CallSites.NONE, false));
        put(log, 0);
        TimelineModel live = TimelineModel.open(folder);
        for (long offset = 1; offset < 4000; offset++) {
            put(log, offset); // into a second chunk: the first is left between two reads
        }
        live = live.refresh();
        assertEquals(4000, live.events());
        assertEquals(List.of(), live.warnings(), "a chunk left for the next, read while it was written, is whole");
        log.close();
        // a copy cut short (the writer's preparer could give the log itself its blocks back)
        Path cut = Files.copy(file, Files.createDirectories(directory.resolve("cut.rsmtrace")).resolve(file.getFileName()));
        try (FileChannel channel = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            channel.truncate(70_000);
        }
        List<String> warnings = TimelineModel.open(cut.getParent()).warnings();
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().startsWith(cut + " is cut short"), warnings.toString());
    }

    /** Writes the header of a record after the last committed one of the log's first chunk, not its check word. */
    private static void tearTail(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = TraceFormat.chunkOffset(0) + TraceFormat.CHUNK_HEADER_SIZE;
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (true) {
                header.clear();
                channel.read(header, at);
                int length = header.getInt(0) & 0xFFFF;
                if (length == 0 || header.getInt(4) == 0) {
                    break;
                }
                at += (length + 3) & ~3;
            }
            header.clear();
            header.putInt(0, 30 | EventKind.PUT.code() << 16).putInt(4, 0);
            channel.write(header, at);
        }
    }
}
