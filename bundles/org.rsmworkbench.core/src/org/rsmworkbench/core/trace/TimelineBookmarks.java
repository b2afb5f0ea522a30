// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.UntrustedFiles;
import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * The bookmarks of a recording: events and instants the user marked to come back to. Kept beside the recording, in
 * {@value #FILE_NAME} of its folder, one bookmark a line ({@code time<TAB>pid<TAB>sequence<TAB>label}); the recording's
 * reader ignores that file. Not thread-safe: the view's UI thread owns it.
 */
public final class TimelineBookmarks {
    /** The file in a recording folder that holds its bookmarks. */
    public static final String FILE_NAME = "timeline-bookmarks.txt";
    /** The largest bookmarks file read: some ten thousand bookmarks; a larger one is not one the view wrote. */
    public static final long MAX_FILE_BYTES = 1L << 20;

    /**
     * A bookmark: on an event (its process and sequence number), or on an instant ({@code pid} 0).
     *
     * @param time the event's start or the instant, in nanoseconds of the recording's clock
     */
    public record Bookmark(long time, long pid, long sequence, String label) {
        public Bookmark {
            label = label.replaceAll("[\\t\\r\\n]", " ");
        }

        /** Whether it marks an event (not just an instant). */
        public boolean onEvent() {
            return pid != 0;
        }

        /** Whether it marks {@code event}. */
        public boolean marks(TraceEvent event) {
            return onEvent() && event.pid() == pid && event.sequence() == sequence;
        }
    }

    private final List<Bookmark> bookmarks = new ArrayList<>();

    /** The bookmarks, by time. */
    public List<Bookmark> list() {
        return List.copyOf(bookmarks);
    }

    /** The bookmark on {@code event}, or null. */
    public Bookmark of(TraceEvent event) {
        return bookmarks.stream().filter(b -> b.marks(event)).findFirst().orElse(null);
    }

    /** Marks {@code event}, or removes its bookmark when it has one; returns the bookmark added, or null when removed. */
    public Bookmark toggle(TraceEvent event, String label) {
        Bookmark existing = of(event);
        if (existing != null) {
            bookmarks.remove(existing);
            return null;
        }
        return add(new Bookmark(event.time(), event.pid(), event.sequence(), label));
    }

    /** Marks the instant {@code time}. */
    public Bookmark add(long time, String label) {
        return add(new Bookmark(time, 0, 0, label));
    }

    private Bookmark add(Bookmark bookmark) {
        bookmarks.add(bookmark);
        bookmarks.sort(Comparator.comparingLong(Bookmark::time));
        return bookmark;
    }

    public void remove(Bookmark bookmark) {
        bookmarks.remove(bookmark);
    }

    /** The first bookmark after {@code time} ({@code forward}) or the last one before it, or null. */
    public Bookmark next(long time, boolean forward) {
        Bookmark found = null;
        for (Bookmark b : bookmarks) {
            if (forward && b.time() > time) {
                return b;
            }
            if (!forward && b.time() < time) {
                found = b;
            }
        }
        return found;
    }

    /**
     * The bookmarks saved in {@code file}; none when it does not exist. Lines that are not bookmarks are skipped.
     *
     * @throws IOException when it is not a regular file of at most {@value #MAX_FILE_BYTES} bytes, or unreadable
     */
    public static TimelineBookmarks load(Path file) throws IOException {
        TimelineBookmarks loaded = new TimelineBookmarks();
        String content;
        try {
            content = new String(UntrustedFiles.read(file, MAX_FILE_BYTES), StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return loaded;
        }
        for (String line : content.lines().toList()) {
            String[] fields = line.split("\t", 4);
            try {
                if (fields.length == 4) {
                    loaded.add(new Bookmark(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]), fields[3]));
                }
            } catch (NumberFormatException notABookmark) {
                // a line edited by hand: keep the others
            }
        }
        return loaded;
    }

    /** Writes the bookmarks to {@code file}, replacing it (a link there too, never followed), mode 0600. */
    public void save(Path file) throws IOException {
        String lines = bookmarks.stream().map(b -> b.time() + "\t" + b.pid() + "\t" + b.sequence() + "\t" + b.label() + "\n")
                .collect(Collectors.joining());
        UntrustedFiles.writePrivately(file, out -> out.write(lines.getBytes(StandardCharsets.UTF_8)));
    }
}
