// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.rsmworkbench.core.inspect.Snapshot;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.SegmentHistory;
import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * A segment of a recording as the Segment Inspector shows it at an instant of the Timeline: its contents once an event
 * had happened, the bytes that event wrote, the last writer of each byte, the previous and next write of a range.
 */
public final class RecordedSegment {
    private final Path folder;
    private final SegmentHistory history;

    private RecordedSegment(Path folder, SegmentHistory history) {
        this.folder = folder;
        this.history = history;
    }

    /**
     * Reads the history of {@code segment} ({@code 1:0x400100}) from the recording in {@code folder}.
     *
     * @throws IllegalArgumentException when the recording holds no contents of that segment
     */
    public static RecordedSegment read(Path folder, String segment) throws IOException {
        return new RecordedSegment(folder, SegmentHistory.of(Recording.open(folder), segment));
    }

    /** The recording's folder. */
    public Path folder() {
        return folder;
    }

    /** {@code <node>:0x<id>}. */
    public String segment() {
        return history.segment();
    }

    /** The most bytes the segment had in the recording. */
    public long size() {
        return history.capacity();
    }

    /** The number of the event of process {@code pid} with that sequence number, -1 when this read of the recording lacks it. */
    public int numberOf(long pid, long sequence) {
        List<TraceEvent> events = history.recording().events();
        for (int i = events.size() - 1; i >= 0; i--) {
            TraceEvent e = events.get(i);
            if (e.pid() == pid && e.sequence() == sequence) {
                return i;
            }
        }
        return -1;
    }

    /** The segment once event {@code eventNumber} had happened. */
    public Instant at(int eventNumber) {
        SegmentHistory.Contents contents = history.at(eventNumber);
        TraceEvent event = history.recording().events().get(eventNumber);
        List<Snapshot.Range> written = new ArrayList<>();
        long size = Math.min(contents.size(), history.capacity());
        long start = -1;
        for (long offset = 0; offset <= size; offset++) {
            boolean byThis = offset < size && contents.lastWriterNumber(offset) == eventNumber;
            if (byThis && start < 0) {
                start = offset;
            } else if (!byThis && start >= 0) {
                written.add(new Snapshot.Range(start, offset - start));
                start = -1;
            }
        }
        return new Instant(eventNumber, event, contents, List.copyOf(written), describe(eventNumber, event));
    }

    /** The last write of any of those bytes before event {@code eventNumber}. */
    public OptionalInt previousWrite(int eventNumber, long offset, long length) {
        int[] writes = history.writesOf(offset, length);
        for (int i = writes.length - 1; i >= 0; i--) {
            if (writes[i] < eventNumber) {
                return OptionalInt.of(writes[i]);
            }
        }
        return OptionalInt.empty();
    }

    /** The first write of any of those bytes after event {@code eventNumber}. */
    public OptionalInt nextWrite(int eventNumber, long offset, long length) {
        for (int write : history.writesOf(offset, length)) {
            if (write > eventNumber) {
                return OptionalInt.of(write);
            }
        }
        return OptionalInt.empty();
    }

    /** "at 12.345 ms, event #4711: node 1 put of 8 bytes at 0x40". */
    private String describe(int number, TraceEvent event) {
        return String.format(Locale.ROOT, "at %s, event #%d: %s", millis(event.time()), number, what(event));
    }

    /** How long after the start of the recording {@code event} happened: {@code 12.345 ms}. */
    public String sinceStart(TraceEvent event) {
        return millis(event.time());
    }

    private String millis(long time) {
        return String.format(Locale.ROOT, "%.3f ms", (time - history.recording().origin()) / 1e6);
    }

    private static String what(TraceEvent e) {
        String at = e.length() > 0 ? String.format(Locale.ROOT, " of %d bytes at 0x%x", e.length(), e.offset()) : "";
        return "node " + e.node() + " " + e.kind().label() + at + (e.failed() ? " (failed, error " + e.error() + ")" : "");
    }

    /**
     * The segment at one instant.
     *
     * @param number the event after which it is shown
     * @param event that event
     * @param contents the bytes and each byte's last writer
     * @param written the bytes that this event wrote (those whose last writer it is)
     * @param title what the inspector says of the instant
     */
    public record Instant(int number, TraceEvent event, SegmentHistory.Contents contents, List<Snapshot.Range> written, String title) {
        /** Who last wrote the byte at {@code offset}: event, node, process, kind, time and call site; or that nobody did. */
        public String writerOf(RecordedSegment segment, long offset) {
            if (offset < 0 || offset >= segment.size()) {
                return "";
            }
            int writer = contents.lastWriterNumber(offset);
            if (writer < 0) {
                return String.format(Locale.ROOT, "0x%x: no recorded write yet", offset);
            }
            TraceEvent e = contents.lastWriter(offset);
            String site = e.site() == null ? "" : " by " + e.site();
            return String.format(Locale.ROOT, "0x%x: written by event #%d, %s (pid %d) %s%s", offset, writer, segment.millis(e.time()),
                    e.pid(), what(e), site);
        }
    }
}
