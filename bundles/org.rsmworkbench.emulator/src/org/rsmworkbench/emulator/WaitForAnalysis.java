// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.ClusterWaits.Verdict;
import org.rsmworkbench.emulator.ClusterWaits.Wait;
import org.rsmworkbench.emulator.ClusterWaits.Waker;

/**
 * Finds the deadlocks among the waits of a cluster: sets of processes each {@linkplain Verdict#BLOCKED blocked} in a
 * signal wait that only other members of the set could end (every process that could post to a segment it waits on
 * is itself a member). Such a set never wakes: its members wait for each other. A wait with a timeout, an event
 * pending, another thread of the process running, a waker outside the set (running, or in a wait that something else
 * can end), or no waker at all (a server waiting for clients that have not connected yet) keeps a process out.
 * <p>
 * A snapshot can catch a set in a moment that passes (a post on its way); {@link DeadlockWatch} reports only the sets
 * that last.
 */
public final class WaitForAnalysis {
    private WaitForAnalysis() {
    }

    /** A deadlock: its waits, by node and process. */
    public record Deadlock(List<Wait> waits) {
        public Deadlock {
            waits = List.copyOf(waits);
        }

        /**
         * What makes it the same deadlock at another look: its waits, each by its process and serial (whatever else a look
         * says of them, such as the order of their wakers, which a registry lists as it likes).
         */
        public Set<List<Integer>> key() {
            return waits.stream().map(w -> List.of(w.process(), w.serial())).collect(Collectors.toUnmodifiableSet());
        }

        /**
         * One line per wait, as {@code rsm-launch} prints them after the line {@code DEADLOCK}:
         * {@code   node 1 waits in signalWait on 1:0x400100 at Ping.java:42 (woken only by node 2)}.
         */
        public List<String> lines() {
            return waits.stream().map(Deadlock::line).toList();
        }

        private static String line(Wait wait) {
            return "  node " + wait.node() + " waits in " + wait.call().method() + " on "
                    + wait.segments().stream().map(Object::toString).collect(Collectors.joining(", ")) + " at "
                    + wait.siteText() + " (woken only by node "
                    + wait.wakerNodes().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        }

        /** The report: the line {@code DEADLOCK}, then {@link #lines()}, each ended by a newline. */
        public String report() {
            StringBuilder report = new StringBuilder("DEADLOCK\n");
            lines().forEach(line -> report.append(line).append('\n'));
            return report.toString();
        }
    }

    /** The deadlocks among {@code waits}: each set of processes that wait for each other, apart from the others. */
    public static List<Deadlock> deadlocks(ClusterWaits waits) {
        Map<Integer, Wait> stuck = new HashMap<>();
        for (Wait wait : waits.waits()) {
            if (wait.verdict() == Verdict.BLOCKED && !wait.timed() && !wait.segments().isEmpty()
                    && !wait.wakers().isEmpty()) {
                stuck.put(wait.process(), wait);
            }
        }
        // what remains when every wait that someone outside could end is taken out, until none is
        boolean removed;
        do {
            removed = stuck.values().removeIf(wait -> !stuck.keySet().containsAll(wakerProcesses(wait)));
        } while (removed);
        return components(stuck);
    }

    private static Set<Integer> wakerProcesses(Wait wait) {
        return wait.wakers().stream().map(Waker::process).collect(Collectors.toSet());
    }

    /** The deadlocked processes split into the sets that wait for each other (linked by waits, either way). */
    private static List<Deadlock> components(Map<Integer, Wait> stuck) {
        Map<Integer, Integer> root = new HashMap<>();
        stuck.keySet().forEach(p -> root.put(p, p));
        for (Wait wait : stuck.values()) {
            for (int waker : wakerProcesses(wait)) {
                root.put(find(root, waker), find(root, wait.process()));
            }
        }
        Map<Integer, List<Wait>> sets = new TreeMap<>();
        for (Wait wait : stuck.values()) {
            sets.computeIfAbsent(find(root, wait.process()), _ -> new ArrayList<>()).add(wait);
        }
        Comparator<Wait> byNode = Comparator.comparingInt(Wait::node).thenComparingInt(Wait::process);
        return sets.values().stream().map(set -> new Deadlock(set.stream().sorted(byNode).toList()))
                .sorted(Comparator.comparing(d -> d.waits().getFirst(), byNode)).toList();
    }

    private static int find(Map<Integer, Integer> root, int process) {
        int r = process;
        while (root.get(r) != r) {
            r = root.get(r);
        }
        return r;
    }
}
