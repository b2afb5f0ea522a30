// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads of something that may not answer at once (a cluster's registry in ZooKeeper), made in the background, one at a
 * time: each look starts one unless one runs, and gives what the reads that ended found, so that whoever looks (the UI
 * thread among them) never waits for the thing read.
 *
 * @param <T> what a read gives
 */
public final class BackgroundReads<T> {
    private static final long NOT_READING = Long.MIN_VALUE;

    private final String source;
    private final Supplier<T> read;
    private final long maxAgeNanos;
    private final Executor threads;
    private final LongSupplier clock;
    /** When the read under way started, or {@link #NOT_READING}. */
    private final AtomicLong readingSince = new AtomicLong(NOT_READING);
    private volatile Ended<T> ended = new Ended<>(null, Long.MIN_VALUE / 2, null);

    /** What the reads that ended found: the value of the last that succeeded, when it ended, and why the last failed. */
    private record Ended<T>(T value, long at, String failure) {
    }

    /**
     * Reads {@code source} (as a problem names it) with {@code read} (a failure is a {@link RuntimeException} that says
     * why) on virtual threads named {@code threadName}; a value is {@link #recent()} for {@code maxAgeMillis} after its read
     * ended.
     */
    public BackgroundReads(String threadName, String source, Supplier<T> read, long maxAgeMillis) {
        this(source, read, maxAgeMillis, task -> Thread.ofVirtual().name(threadName).start(task), System::nanoTime);
    }

    /** Reads that start on {@code threads} and tell the time by {@code clock} ({@link System#nanoTime()}): tests control both. */
    BackgroundReads(String source, Supplier<T> read, long maxAgeMillis, Executor threads, LongSupplier clock) {
        this.source = source;
        this.read = read;
        this.maxAgeNanos = maxAgeMillis * 1_000_000;
        this.threads = threads;
        this.clock = clock;
    }

    private void startRead() {
        if (!readingSince.compareAndSet(NOT_READING, clock.getAsLong())) {
            return;
        }
        try {
            threads.execute(this::readOnce);
        } catch (Throwable e) {
            readingSince.set(NOT_READING); // no read runs: a later look starts one
            throw e;
        }
    }

    private void readOnce() {
        try {
            T value = read.get();
            ended = new Ended<>(value, clock.getAsLong(), null);
        } catch (RuntimeException e) {
            Ended<T> last = ended;
            ended = new Ended<>(last.value(), last.at(), String.valueOf(e.getMessage()));
        } finally {
            readingSince.set(NOT_READING);
        }
    }

    /**
     * The value of the last read that ended, if it succeeded within the max age; else null: after a read that failed, or
     * while none ends, what no read confirms lately is not taken as still true.
     */
    public T recent() {
        startRead();
        Ended<T> last = ended;
        return last.failure() == null && clock.getAsLong() - last.at() <= maxAgeNanos ? last.value() : null;
    }

    /**
     * The value of the last read that succeeded, however old ({@link #problem()} says whether it may be out of date), or
     * null before the first.
     */
    public T latest() {
        startRead();
        return ended.value();
    }

    /**
     * Why {@link #latest()} may be out of date: that the read under way has had no answer for longer than the max age, or
     * the message of the last read, which failed; null when neither. Starts no read.
     */
    public String problem() {
        long since = readingSince.get();
        if (since != NOT_READING && clock.getAsLong() - since > maxAgeNanos) {
            return source + " has not answered for more than " + maxAgeNanos / 1_000_000 + " ms"; // the same at each look
        }
        return ended.failure();
    }
}
