// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.distributed.internal.UnflushedPuts;

/**
 * What a signal must flush first: the puts on its endpoint that no completed flush covers, whichever thread made or
 * flushed them (the calls below stand for the steps of two threads sharing one endpoint).
 */
class UnflushedPutsTest {
    private final UnflushedPuts puts = new UnflushedPuts();

    @Test
    void noPutNeedsNoFlush() {
        assertFalse(puts.any());
    }

    @Test
    void aPutIsCoveredByAFlushThatStartedAfterItOnceThatFlushHasCompleted() {
        puts.putStarted();
        assertTrue(puts.any());
        long flush = puts.flushStarting();
        puts.flushed(flush);
        assertFalse(puts.any());
    }

    /** Another thread's flush that began after this thread's put covers it only once it has completed. */
    @Test
    void aFlushStillRunningCoversNothingYet() {
        puts.putStarted(); // thread 1
        long otherThreadsFlush = puts.flushStarting(); // thread 2 starts a flush
        assertTrue(puts.any(), "thread 1's post must flush first: thread 2's flush may not have landed the put yet");
        puts.flushed(otherThreadsFlush);
        assertFalse(puts.any());
    }

    @Test
    void aPutStartedAfterAFlushBeganIsNotCoveredByIt() {
        long flush = puts.flushStarting();
        puts.putStarted();
        puts.flushed(flush);
        assertTrue(puts.any());
    }

    @Test
    void anEarlierFlushCompletingLastDoesNotUncoverWhatALaterOneCovered() {
        puts.putStarted();
        long first = puts.flushStarting();
        puts.putStarted();
        long second = puts.flushStarting();
        puts.flushed(second);
        puts.flushed(first);
        assertFalse(puts.any());
    }
}
