// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Background reads on a clock the test sets, whose reads start when the test runs them (on its own thread): what a look
 * gives, and what {@link BackgroundReads#problem()} says, at each moment of a read.
 */
class BackgroundReadsTest {
    private static final long MAX_AGE_MILLIS = 1_000;
    private static final long MAX_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_AGE_MILLIS);
    private static final String SOURCE = "the test's registry";

    private final AtomicLong clock = new AtomicLong(1_000 * MAX_AGE_NANOS);
    /** The reads started and not run yet. */
    private final List<Runnable> started = new ArrayList<>();
    private BackgroundReads<String> reads;

    /** Reads by {@code read}, which the test runs when it likes ({@link #runTheReadStarted()}). */
    private void readBy(BackgroundReads.Read<String> read) {
        reads = new BackgroundReads<>(SOURCE, read, MAX_AGE_MILLIS, started::add, clock::get);
    }

    private void runTheReadStarted() {
        assertEquals(1, started.size(), "one read started");
        started.removeFirst().run();
    }

    /**
     * A scan of many znodes, each answered at once, may take longer than the max age on a loaded machine: the registry
     * answers, and no problem is said.
     */
    @Test
    void aReadThatIsAnsweredIsNoProblemHoweverLongItTakes() {
        readBy(answered -> {
            for (int znode = 0; znode < 5; znode++) {
                clock.addAndGet(MAX_AGE_NANOS / 2);
                answered.run();
                assertNull(reads.problem(), "answered " + (znode + 1) + " times in " + (znode + 1) * MAX_AGE_MILLIS / 2 + " ms");
            }
            return "scanned";
        });
        assertNull(reads.latest());
        runTheReadStarted();
        assertEquals("scanned", reads.latest());
        assertNull(reads.problem());
    }

    @Test
    void aReadThatHasHadNoAnswerForTheMaxAgeIsAProblemUntilItEnds() {
        readBy(answered -> {
            clock.addAndGet(MAX_AGE_NANOS / 2);
            answered.run();
            clock.addAndGet(MAX_AGE_NANOS);
            assertNull(reads.problem(), "no answer for the max age, not more");
            clock.addAndGet(1);
            assertEquals(SOURCE + " has not answered for more than " + MAX_AGE_MILLIS + " ms", reads.problem());
            throw new IllegalStateException("connection loss");
        });
        reads.latest();
        runTheReadStarted();
        assertEquals("connection loss", reads.problem(), "the read ended: its failure is the problem");
    }

    /** A read that told of an answer after it ended (a bug of the read) does not keep the next ones from starting. */
    @Test
    void anAnswerAfterTheReadEndedStartsNoRead() {
        List<Runnable> answers = new ArrayList<>();
        readBy(answered -> {
            answers.add(answered);
            return "read";
        });
        reads.latest();
        runTheReadStarted();
        answers.getFirst().run();
        clock.addAndGet(2 * MAX_AGE_NANOS);
        assertNull(reads.problem(), "no read is under way");
        reads.latest();
        runTheReadStarted();
    }

    @Test
    void aReadThatCouldNotStartLeavesTheNextLookToStartOne() {
        AtomicBoolean refusing = new AtomicBoolean(true);
        Executor threads = read -> {
            if (refusing.getAndSet(false)) {
                throw new RejectedExecutionException("no thread for the read");
            }
            started.add(read);
        };
        BackgroundReads<String> reads = new BackgroundReads<>(SOURCE, _ -> "read", MAX_AGE_MILLIS, threads, clock::get);
        assertThrows(RejectedExecutionException.class, reads::latest, "the look that could not start its read says why");
        clock.addAndGet(2 * MAX_AGE_NANOS);
        assertNull(reads.problem(), "no read is under way, so none is late");
        assertNull(reads.latest());
        assertEquals(1, started.size(), "the next look started a read");
        started.removeFirst().run();
        assertEquals("read", reads.latest());
    }
}
