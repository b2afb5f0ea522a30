// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;

/**
 * Which deadlocks of a cluster to tell someone of (the Clusters view's dialog), each once while it lasts. Fed the deadlocks
 * that last at each look ({@link ClusterPoller.Waits#deadlocks()}, which keeps them through a look that could not read
 * every wait), it gives those not told yet, a deadlock found again being the same waits ({@link Deadlock#key()}), and
 * forgets those that ended: one that comes back is told again. Not thread-safe.
 */
public final class ToldDeadlocks {
    private Set<Set<List<Integer>>> told = Set.of();

    /** The deadlocks of {@code lasting} not told yet, which count as told from now on. */
    public List<Deadlock> untold(List<Deadlock> lasting) {
        List<Deadlock> news = lasting.stream().filter(deadlock -> !told.contains(deadlock.key())).toList();
        told = lasting.stream().map(Deadlock::key).collect(Collectors.toUnmodifiableSet());
        return news;
    }
}
