// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.rsmworkbench.emulator.backend.DistributedBackend.ProcessExpired;

/**
 * In the launcher: takes down the node of every process whose session expired (its znode went without the mark of a clean
 * end, see {@link Znodes}), as the emulator takes down a killed node, unless the node's life that the process belonged to
 * has ended already (its node znode changed since the process joined: killed, and maybe restarted since; a process of a
 * killed node expires a session timeout after the kill, which must not take down the node restarted meanwhile). Watches
 * the process znodes of one cluster for as long as its session lasts; a look that the lost connection failed is taken
 * again at the reconnect, and compares with the processes seen before, so a process that ended meanwhile is not missed.
 * The launcher may ask to hear of each process that so went ({@link #whenProcessExpires}), to fence its JVM.
 */
final class NodeReaper implements Watcher {
    private final RegistrySession session;
    private final String root;
    /** The process znodes seen at the last look, with what their records said. */
    private final Map<String, Joined> known = new HashMap<>();
    private volatile ProcessExpired expired = (_, _) -> { };

    /** A process's JVM (its pid on its host) and the version of its node's znode it joined at. */
    private record Joined(long pid, int nodeVersion) {
    }

    private NodeReaper(RegistrySession session, String root) {
        this.session = session;
        this.root = root;
    }

    /** Starts watching the processes of the cluster whose registry is {@code root}. */
    static NodeReaper start(RegistrySession session, String root) throws KeeperException, InterruptedException {
        NodeReaper reaper = new NodeReaper(session, root);
        synchronized (reaper) {
            reaper.remember(session.zooKeeper().getChildren(root + Znodes.PROCESSES, reaper));
        }
        return reaper;
    }

    /** From now on, {@code listener} hears of each node taken down (on ZooKeeper's event thread: it must not block). */
    void whenProcessExpires(ProcessExpired listener) {
        expired = listener;
    }

    @Override
    public void process(WatchedEvent event) {
        if (event.getType() == Event.EventType.NodeChildrenChanged) {
            session.rewatch(this::look);
        }
        // else the session's own events; a deleted root ends the watch
    }

    /**
     * Lists the processes again, with a watch, and takes down the node of each that went without the mark of a clean end,
     * if the node is still in the life the process joined.
     */
    private synchronized void look() throws KeeperException, InterruptedException {
        ZooKeeper zooKeeper = session.zooKeeper();
        List<String> now;
        try {
            now = zooKeeper.getChildren(root + Znodes.PROCESSES, this);
        } catch (KeeperException.NoNodeException e) {
            return; // the cluster's registry is being removed: nothing left to watch
        }
        for (Iterator<Map.Entry<String, Joined>> it = known.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Joined> gone = it.next();
            String name = gone.getKey();
            if (!now.contains(name) && zooKeeper.exists(root + Znodes.CLOSED + "/" + name, false) == null) {
                int node = Znodes.nodeOfProcess(name);
                try {
                    zooKeeper.setData(root + Znodes.node(node), Znodes.NODE_DOWN.getBytes(StandardCharsets.UTF_8),
                            gone.getValue().nodeVersion());
                } catch (KeeperException.BadVersionException e) {
                    // the node was killed since the process joined (and maybe restarted): its life has ended already
                } catch (KeeperException.NoNodeException e) {
                    return; // the cluster's registry is being removed
                }
                it.remove(); // handled: a look taken again after a lost connection does not tell it twice
                tellExpired(node, gone.getValue().pid());
            }
        }
        known.keySet().retainAll(now);
        remember(now);
    }

    /** Tells the listener; one that fails must not cost the other processes of this look their end. */
    private void tellExpired(int node, long pid) {
        try {
            expired.processExpired(node, pid);
        } catch (RuntimeException e) {
            System.err.println("rsm: the listener of expired processes failed for node " + node + " (pid " + pid + "): " + e);
        }
    }

    /**
     * Notes the JVM and the version of its node's znode that each process of {@code processes} not known yet joined at; one gone
     * already, or whose record cannot be read, is not noted (it is not reaped: the node's life it belonged to is unknown).
     */
    private void remember(List<String> processes) throws KeeperException, InterruptedException {
        for (String name : processes) {
            if (!known.containsKey(name)) {
                try {
                    byte[] record = session.zooKeeper().getData(root + Znodes.PROCESSES + "/" + name, false, null);
                    known.put(name, new Joined(Znodes.processPid(record), Znodes.processNodeVersion(record)));
                } catch (KeeperException.NoNodeException | IllegalArgumentException e) {
                    // gone since it was listed, or not a process record
                }
            }
        }
    }
}
