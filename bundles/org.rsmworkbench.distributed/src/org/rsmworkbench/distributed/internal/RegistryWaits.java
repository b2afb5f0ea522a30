// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.ClusterWaits.Verdict;
import org.rsmworkbench.emulator.ClusterWaits.Wait;
import org.rsmworkbench.emulator.ClusterWaits.Waker;

/**
 * Reads the waits that node processes with files of their own published in the registry ({@link WaitRecord}) as
 * {@link ClusterWaits}, whose {@link org.rsmworkbench.emulator.WaitForAnalysis} works across JVMs and hosts: a process is
 * its ZooKeeper session, by the number {@link ProcessNumbers} gives it, and who could end a wait is read from the registry
 * now: the sessions of the connections to a segment it exported, the session of the segment it imported. A wait is
 * {@link Verdict#BLOCKED} since this reader first saw it (the hosts' monotonic clocks do not compare): a deadlock is seen
 * up to a tenth of a second (the node's probe) plus a look of the reader later than in shared files.
 * Readers take turns (the first-seen times are shared).
 */
public final class RegistryWaits {
    /** The numbers of the processes, shared with the reader of the cluster's state. */
    private final ProcessNumbers processes;
    /** When each wait was first seen, by session and serial: those of the last look. */
    private Map<List<Long>, Long> firstSeen = new HashMap<>();

    /** A reader of the waits that numbers the processes with {@code processes}. */
    public RegistryWaits(ProcessNumbers processes) {
        this.processes = processes;
    }

    /**
     * The waits published now, read through {@code zooKeeper} in the registry at {@code root} (empty for a session chrooted
     * at the registry); {@code watcher}, if not null, is told when a wait comes, goes or changes; {@code answered} runs as the
     * registry answers each call of the read.
     */
    public synchronized ClusterWaits read(ZooKeeper zooKeeper, String root, Watcher watcher, Runnable answered)
            throws KeeperException, InterruptedException {
        List<String> names;
        try {
            names = zooKeeper.getChildren(root + Znodes.WAITS, watcher);
        } catch (KeeperException.NoNodeException e) {
            names = List.of(); // a registry made before processes published waits
        }
        Map<List<Long>, Long> seen = new HashMap<>();
        List<Wait> waits = new ArrayList<>();
        long now = System.nanoTime();
        List<String> connections = null;
        answered.run();
        for (String name : names) {
            WaitRecord record;
            long session;
            int node;
            try {
                session = Znodes.sessionOfProcess(name);
                node = Znodes.nodeOfProcess(name);
                byte[] data = zooKeeper.getData(root + Znodes.WAITS + "/" + name, watcher, null);
                answered.run();
                record = WaitRecord.decode(data);
            } catch (KeeperException.NoNodeException e) {
                answered.run();
                continue; // the wait ended meanwhile
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                continue; // not a wait this reader knows (its name or its record): the others still count
            }
            if (connections == null) {
                connections = zooKeeper.getChildren(root + Znodes.CONNECTIONS, false);
                answered.run();
            }
            List<Long> key = List.of(session, (long) record.serial());
            long since = firstSeen.getOrDefault(key, now);
            seen.put(key, since);
            waits.add(new Wait(process(session), node, record.serial(), record.call(),
                    record.segments().stream().map(WaitRecord.WaitedSegment::name).toList(), false, record.site(),
                    Verdict.BLOCKED, since, wakers(zooKeeper, root, record, connections, answered)));
        }
        firstSeen = seen;
        forgetEnded(zooKeeper, root, waits, answered);
        return new ClusterWaits(waits);
    }

    /**
     * Forgets the numbers of the processes that ended, so that a long run whose node processes come and go keeps only those
     * still there: the sessions of {@code waits} and their wakers, and those with a process znode (the ephemeral waits,
     * segments and connections of a session go with it). A process still there keeps its number: a deadlock found again is the
     * same processes and serials ({@link org.rsmworkbench.emulator.WaitForAnalysis.Deadlock#key()}).
     */
    private void forgetEnded(ZooKeeper zooKeeper, String root, List<Wait> waits, Runnable answered)
            throws KeeperException, InterruptedException {
        Set<Integer> seen = new HashSet<>();
        for (Wait wait : waits) {
            seen.add(wait.process());
            wait.wakers().forEach(waker -> seen.add(waker.process()));
        }
        if (!processes.knowsOthersThan(seen)) {
            return; // nothing to forget: no call
        }
        int mark = processes.mark();
        Set<Long> live = new HashSet<>();
        try {
            List<String> names = zooKeeper.getChildren(root + Znodes.PROCESSES, false);
            answered.run();
            for (String name : names) {
                try {
                    live.add(Znodes.sessionOfProcess(name));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    // not a process znode this reader knows
                }
            }
        } catch (KeeperException.NoNodeException e) {
            // the registry is gone: no process is there any more
        }
        processes.forgetEnded(mark, seen, live);
    }

    /** The processes that could end the wait now, by the signal semantics of RSMAPI (as {@link Wait#wakers()}). */
    private List<Waker> wakers(ZooKeeper zooKeeper, String root, WaitRecord record, List<String> connections,
            Runnable answered) throws KeeperException, InterruptedException {
        List<Waker> wakers = new ArrayList<>();
        for (WaitRecord.WaitedSegment segment : record.segments()) {
            int node = segment.name().node(), id = segment.name().id();
            if (segment.exported()) {
                String prefix = Znodes.connectionPrefix(node, id);
                for (String connection : connections) {
                    if (connection.startsWith(prefix)) {
                        addImporter(zooKeeper, root + Znodes.CONNECTIONS + "/" + connection, Znodes.connectionImporterNode(connection),
                                wakers, answered);
                    }
                }
            } else {
                addOwner(zooKeeper, root + Znodes.segment(node, id), node, wakers, answered);
            }
        }
        return wakers;
    }

    /**
     * Adds the importer whose connection's znode is at {@code path}, of {@code node}, unless the connection is gone or was cut
     * off from a withdrawn publication of the segment (it stays until its program disconnects, and is no waker: a local one
     * that is not connected is none either).
     */
    private void addImporter(ZooKeeper zooKeeper, String path, int node, List<Waker> wakers, Runnable answered)
            throws KeeperException, InterruptedException {
        Stat stat = new Stat();
        try {
            byte[] data = zooKeeper.getData(path, false, stat);
            answered.run();
            if (!Znodes.withdrawn(data)) {
                addOwner(stat, node, wakers);
            }
        } catch (KeeperException.NoNodeException e) {
            answered.run();
        }
    }

    /** Adds the process whose session owns the ephemeral znode at {@code path}, of {@code node}, unless the znode is gone. */
    private void addOwner(ZooKeeper zooKeeper, String path, int node, List<Waker> wakers, Runnable answered)
            throws KeeperException, InterruptedException {
        Stat stat = zooKeeper.exists(path, false);
        answered.run();
        addOwner(stat, node, wakers);
    }

    private void addOwner(Stat stat, int node, List<Waker> wakers) {
        if (stat != null && stat.getEphemeralOwner() != 0) {
            Waker waker = new Waker(process(stat.getEphemeralOwner()), node);
            if (!wakers.contains(waker)) {
                wakers.add(waker);
            }
        }
    }

    private int process(long session) {
        return processes.of(session);
    }
}
