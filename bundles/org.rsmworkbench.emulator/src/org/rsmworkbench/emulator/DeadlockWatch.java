// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;

/**
 * Tells the deadlocks that last from those a snapshot catches in passing: fed the {@link WaitForAnalysis} of each
 * look at a cluster, it reports a deadlock once every wait of it has been found blocked for {@code persistence}
 * ({@link ClusterWaits.Wait#blockedSince()}: the same wait, found blocked at every look of its JVM since), and once
 * only. Not thread-safe: one watcher feeds it.
 */
public final class DeadlockWatch {
    /** The persistence of {@code rsm-launch}: a deadlock is reported when it has lasted one second. */
    public static final Duration PERSISTENCE = Duration.ofSeconds(1);

    private final long persistenceNanos;
    /** The deadlocks reported and still there at the last look, by their waits. */
    private Map<Set<List<Integer>>, Deadlock> reported = new HashMap<>();

    public DeadlockWatch(Duration persistence) {
        this.persistenceNanos = persistence.toNanos();
    }

    /**
     * One look: {@code deadlocks} were found at {@code nanoTime} ({@link System#nanoTime()}).
     *
     * @return the deadlocks that have now lasted the persistence and were not returned before
     */
    public List<Deadlock> observe(List<Deadlock> deadlocks, long nanoTime) {
        Map<Set<List<Integer>>, Deadlock> stillThere = new HashMap<>();
        List<Deadlock> lasting = new ArrayList<>();
        for (Deadlock deadlock : deadlocks) {
            Set<List<Integer>> key = deadlock.waits().stream().map(w -> List.of(w.process(), w.serial()))
                    .collect(Collectors.toSet());
            // the deadlock is whole since its last wait was found blocked
            long since = deadlock.waits().stream().mapToLong(ClusterWaits.Wait::blockedSince).max().orElse(nanoTime);
            if (reported.containsKey(key)) {
                stillThere.put(key, deadlock);
            } else if (nanoTime - since >= persistenceNanos) {
                stillThere.put(key, deadlock);
                lasting.add(deadlock);
            }
        }
        reported = stillThere;
        return lasting;
    }

    /** The deadlocks reported so far that were still there at the last look (as found then). */
    public List<Deadlock> lasting() {
        return List.copyOf(reported.values());
    }
}
