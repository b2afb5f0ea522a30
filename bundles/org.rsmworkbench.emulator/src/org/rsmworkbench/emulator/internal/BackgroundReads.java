// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Reads of something that may not answer at once (a cluster's registry in ZooKeeper), made in the background, one at a
 * time: each look starts one unless one runs, and gives what the reads that ended found, so that whoever looks (the UI
 * thread among them) never waits for the thing read.
 *
 * @param <T> what a read gives
 */
public final class BackgroundReads<T> {
    /**
     * One read. It runs {@code answered} each time the thing read answers a part of it: a read may be many calls (a scan of
     * many znodes), which together take longer than the max age while each is answered at once.
     *
     * @param <T> what it gives
     */
    @FunctionalInterface
    public interface Read<T> {
        T read(Runnable answered);
    }

    private static final long NOT_READING = Long.MIN_VALUE;

    private final String source;
    private final Read<T> read;
    private final long maxAgeNanos;
    private final Executor threads;
    private final LongSupplier clock;
    /** When the read under way last heard from what it reads (when it started, before any answer), or {@link #NOT_READING}. */
    private final AtomicLong heardAt = new AtomicLong(NOT_READING);
    private volatile Ended<T> ended = new Ended<>(null, Long.MIN_VALUE / 2, null);

    /** What the reads that ended found: the value of the last that succeeded, when it ended, and why the last failed. */
    private record Ended<T>(T value, long at, String failure) {
    }

    /**
     * Reads {@code source} (as a problem names it) with {@code read} (a failure is a {@link RuntimeException} that says
     * why) on virtual threads named {@code threadName}; a value is {@link #recent()} for {@code maxAgeMillis} after its read
     * ended.
     */
    public BackgroundReads(String threadName, String source, Read<T> read, long maxAgeMillis) {
        this(source, read, maxAgeMillis, task -> Thread.ofVirtual().name(threadName).start(task), System::nanoTime);
    }

    /** Reads that start on {@code threads} and tell the time by {@code clock} ({@link System#nanoTime()}): tests control both. */
    BackgroundReads(String source, Read<T> read, long maxAgeMillis, Executor threads, LongSupplier clock) {
        this.source = source;
        this.read = read;
        this.maxAgeNanos = maxAgeMillis * 1_000_000;
        this.threads = threads;
        this.clock = clock;
    }

    private void startRead() {
        if (!heardAt.compareAndSet(NOT_READING, clock.getAsLong())) {
            return;
        }
        try {
            threads.execute(this::readOnce);
        } catch (Throwable e) {
            heardAt.set(NOT_READING); // no read runs: a later look starts one
            throw e;
        }
    }

    private void readOnce() {
        try {
            T value = read.read(this::answered);
            ended = new Ended<>(value, clock.getAsLong(), null);
        } catch (RuntimeException e) {
            Ended<T> last = ended;
            ended = new Ended<>(last.value(), last.at(), String.valueOf(e.getMessage()));
        } finally {
            heardAt.set(NOT_READING);
        }
    }

    private void answered() {
        long now = clock.getAsLong();
        heardAt.getAndUpdate(at -> at == NOT_READING ? NOT_READING : now); // after its read ended, an answer marks no read under way
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
     * Why {@link #latest()} may be out of date: that what it reads has not answered the read under way for longer than the
     * max age (a read whose calls are answered may take longer), or the message of the last read, which failed; null when
     * neither. Starts no read.
     */
    public String problem() {
        long heard = heardAt.get();
        if (heard != NOT_READING && clock.getAsLong() - heard > maxAgeNanos) {
            return source + " has not answered for more than " + maxAgeNanos / 1_000_000 + " ms"; // the same at each look
        }
        return ended.failure();
    }
}
