// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;

/**
 * Tells the deadlocks that last from those a snapshot catches in passing: fed the {@link WaitForAnalysis} of each
 * look at a cluster, it reports a deadlock once the same waits (the same processes, each in the same wait) have been
 * deadlocked for {@code persistence}, and once only. Not thread-safe: one watcher feeds it.
 */
public final class DeadlockWatch {
    /** The persistence of {@code rsm-launch}: a deadlock is reported when it has lasted one second. */
    public static final Duration PERSISTENCE = Duration.ofSeconds(1);

    private final long persistenceNanos;
    /** When each deadlock seen at the last look was first seen, by its waits. */
    private Map<Set<List<Integer>>, Long> firstSeen = new HashMap<>();
    private final Set<Set<List<Integer>>> reported = new HashSet<>();

    public DeadlockWatch(Duration persistence) {
        this.persistenceNanos = persistence.toNanos();
    }

    /**
     * One look: {@code deadlocks} were found at {@code nanoTime} ({@link System#nanoTime()}).
     *
     * @return the deadlocks that have now lasted the persistence and were not returned before
     */
    public List<Deadlock> observe(List<Deadlock> deadlocks, long nanoTime) {
        Map<Set<List<Integer>>, Long> seen = new HashMap<>();
        List<Deadlock> lasting = new ArrayList<>();
        for (Deadlock deadlock : deadlocks) {
            Set<List<Integer>> key = deadlock.waits().stream().map(w -> List.of(w.process(), w.serial()))
                    .collect(Collectors.toSet());
            long since = firstSeen.getOrDefault(key, nanoTime);
            seen.put(key, since);
            if (nanoTime - since >= persistenceNanos && reported.add(key)) {
                lasting.add(deadlock);
            }
        }
        reported.retainAll(seen.keySet());
        firstSeen = seen;
        return lasting;
    }
}
