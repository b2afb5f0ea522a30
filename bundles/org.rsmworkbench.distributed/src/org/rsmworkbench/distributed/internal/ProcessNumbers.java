// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The numbers that the readers of one cluster's registry give its processes: a process is its ZooKeeper session (the name
 * of its process and wait znodes; the owner of its ephemeral segment and connection znodes), numbered -1, -2, ... in the
 * order first seen (apart from the serials of processes in cluster files, which are positive), a number for the life of
 * its process and never given again. The reader of the waits ({@link RegistryWaits}) and that of the state
 * ({@link RegistryReader}) share them: a process has the same number in its wait, in the state's processes, as the owner
 * of its segments and as the importer of its connections. Readers may read at once: a read forgets only the processes
 * numbered before it listed the processes still there ({@link #mark}).
 */
public final class ProcessNumbers {
    /** The number of each process that is still there, by session. */
    private final Map<Long, Integer> numbers = new HashMap<>();
    /** The number of the next process first seen. */
    private int next = -1;

    /** The number of the process whose ZooKeeper session is {@code session}. */
    public synchronized int of(long session) {
        return numbers.computeIfAbsent(session, _ -> next--);
    }

    /** Whether a process is known whose number is not among {@code seen}: only then may a read have one to forget. */
    synchronized boolean knowsOthersThan(Set<Integer> seen) {
        return !seen.containsAll(numbers.values());
    }

    /** What a read takes before it lists the processes still there, for {@link #forgetEnded}. */
    public synchronized int mark() {
        return next;
    }

    /**
     * Forgets the processes that ended: those numbered before {@code mark} whose number is not among {@code seen} (what the
     * read found) and whose session is not among {@code live} (the process znodes it listed after the mark). A process
     * numbered since, by another read, may have joined after that list: it stays.
     */
    public synchronized void forgetEnded(int mark, Set<Integer> seen, Set<Long> live) {
        numbers.entrySet().removeIf(process -> process.getValue() > mark && !seen.contains(process.getValue())
                && !live.contains(process.getKey()));
    }

    /** The number of each process known now, by its ZooKeeper session (for tests). */
    public synchronized Map<Long, Integer> bySession() {
        return Map.copyOf(numbers);
    }
}
