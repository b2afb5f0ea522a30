// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;

/**
 * Tells the deadlocks that last from those a snapshot catches in passing: fed the waits of each look at a cluster, it
 * reports a deadlock among them ({@link WaitForAnalysis}) once every wait of it has been found blocked for
 * {@code persistence} ({@link ClusterWaits.Wait#blockedSince()}: the same wait, found blocked at every look of its JVM
 * since), and once only, while it lasts: until a look whose waits are {@linkplain ClusterWaits#complete() complete} lacks
 * it (a look that could not read every wait cannot tell that it ended). Not thread-safe: one watcher feeds it.
 */
public final class DeadlockWatch {
    /** The persistence of {@code rsm-launch}: a deadlock is reported when it has lasted one second. */
    public static final Duration PERSISTENCE = Duration.ofSeconds(1);

    private final long persistenceNanos;
    /** The deadlocks reported and still there, by their {@link Deadlock#key()}. */
    private Map<Set<List<Integer>>, Deadlock> reported = new HashMap<>();

    public DeadlockWatch(Duration persistence) {
        this.persistenceNanos = persistence.toNanos();
    }

    /**
     * One look: {@code waits} were read at {@code nanoTime} ({@link System#nanoTime()}).
     *
     * @return the deadlocks that have now lasted the persistence and were not returned before
     */
    public List<Deadlock> observe(ClusterWaits waits, long nanoTime) {
        Map<Set<List<Integer>>, Deadlock> stillThere = new HashMap<>();
        List<Deadlock> lasting = new ArrayList<>();
        for (Deadlock deadlock : WaitForAnalysis.deadlocks(waits)) {
            Set<List<Integer>> key = deadlock.key();
            // the deadlock is whole since its last wait was found blocked
            long since = deadlock.waits().stream().mapToLong(ClusterWaits.Wait::blockedSince).max().orElse(nanoTime);
            if (reported.containsKey(key)) {
                stillThere.put(key, deadlock);
            } else if (nanoTime - since >= persistenceNanos) {
                stillThere.put(key, deadlock);
                lasting.add(deadlock);
            }
        }
        if (!waits.complete()) {
            reported.forEach(stillThere::putIfAbsent); // as found when last seen
        }
        reported = stillThere;
        return lasting;
    }

    /** The deadlocks reported so far that are still there (as found when last seen). */
    public List<Deadlock> lasting() {
        return List.copyOf(reported.values());
    }
}
