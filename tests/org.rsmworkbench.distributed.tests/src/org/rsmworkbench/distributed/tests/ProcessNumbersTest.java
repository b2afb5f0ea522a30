// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.distributed.internal.ProcessNumbers;

/** The numbers that the readers of a registry's waits and state share for its processes (ZooKeeper sessions). */
class ProcessNumbersTest {
    /**
     * A read forgets the processes it found neither live nor in what it read, numbered before it listed the live ones; one
     * that another read numbered meanwhile may have joined after that list, and keeps its number. A number is never given
     * again.
     */
    @Test
    void aReadForgetsTheProcessesThatEndedBeforeItListedTheLiveOnes() {
        ProcessNumbers numbers = new ProcessNumbers();
        int ended = numbers.of(0x10), live = numbers.of(0x20), seen = numbers.of(0x30);
        assertEquals(live, numbers.of(0x20), "the same process, the same number");
        int mark = numbers.mark();
        int joinedMeanwhile = numbers.of(0x40);
        numbers.forgetEnded(mark, Set.of(seen), Set.of(0x20L));
        assertEquals(Map.of(0x20L, live, 0x30L, seen, 0x40L, joinedMeanwhile), numbers.bySession());
        assertTrue(Set.of(ended, live, seen, joinedMeanwhile).stream().allMatch(number -> number < 0), "apart from the files' serials");
        assertEquals(joinedMeanwhile - 1, numbers.of(0x10), "a session seen again after it was forgotten gets a new number");
    }
}
