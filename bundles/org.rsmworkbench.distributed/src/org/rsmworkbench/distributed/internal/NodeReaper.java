// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.rsmworkbench.emulator.backend.DistributedBackend.ProcessExpired;

/**
 * In the launcher: takes down the node of every process whose session expired (its joined znode is there without its
 * process znode, see {@link Znodes}), as the emulator takes down a killed node, unless the node's life that the process
 * belonged to has ended already (its node znode changed since the process joined: killed, and maybe restarted since; a
 * process of a killed node expires a session timeout after the kill, which must not take down the node restarted
 * meanwhile). Watches the process znodes of one cluster for as long as its session lasts; each look reads the joined
 * znodes, which stay until the look that handles them, so a process that joined and expired between two looks, or while
 * the launcher's connection was lost, is not missed. The launcher may ask to hear of each process that so went
 * ({@link #whenProcessExpires}), to fence its JVM.
 */
final class NodeReaper implements Watcher {
    private final RegistrySession session;
    private final String root;
    private volatile ProcessExpired expired = (_, _) -> { };

    private NodeReaper(RegistrySession session, String root) {
        this.session = session;
        this.root = root;
    }

    /** Starts watching the processes of the cluster whose registry is {@code root}. */
    static NodeReaper start(RegistrySession session, String root) throws KeeperException, InterruptedException {
        NodeReaper reaper = new NodeReaper(session, root);
        reaper.look();
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
     * Lists the processes again, with a watch, and takes down the node of each that joined and went without a clean end,
     * if the node is still in the life the process joined.
     */
    private synchronized void look() throws KeeperException, InterruptedException {
        ZooKeeper zooKeeper = session.zooKeeper();
        List<String> joined;
        List<String> running;
        try {
            // the joined ones first: a process that joins between the two lists is in the second
            joined = zooKeeper.getChildren(root + Znodes.JOINED, false);
            running = zooKeeper.getChildren(root + Znodes.PROCESSES, this);
        } catch (KeeperException.NoNodeException e) {
            return; // the cluster's registry is being removed: nothing left to watch
        }
        for (String name : joined) {
            if (!running.contains(name)) {
                try {
                    reap(name);
                } catch (KeeperException.NoNodeException e) {
                    return; // the cluster's registry is being removed
                }
            }
        }
    }

    /**
     * Takes down the node of the process {@code name}, which joined and whose process znode is gone, unless it ended cleanly
     * meanwhile (its joined znode went with it) or the node's life it joined has ended; tells the listener, then deletes
     * the joined znode: a look that a lost answer makes again finds it and tells again (harmless: the listener fences a
     * pid that is gone), never not at all.
     */
    private void reap(String name) throws KeeperException, InterruptedException {
        ZooKeeper zooKeeper = session.zooKeeper();
        String joinedPath = root + Znodes.JOINED + "/" + name;
        byte[] record;
        try {
            record = zooKeeper.getData(joinedPath, false, null);
        } catch (KeeperException.NoNodeException e) {
            return; // it ended cleanly after the list
        }
        int node;
        long pid;
        int nodeVersion;
        try {
            node = Znodes.nodeOfProcess(name);
            pid = Znodes.processPid(record);
            nodeVersion = Znodes.processNodeVersion(record);
        } catch (RuntimeException e) {
            deleteIfThere(joinedPath); // not a process's: the node's life it belonged to is unknown
            return;
        }
        try {
            zooKeeper.setData(root + Znodes.node(node), Znodes.NODE_DOWN.getBytes(StandardCharsets.UTF_8), nodeVersion);
        } catch (KeeperException.BadVersionException e) {
            // the node was killed since the process joined (and maybe restarted): its life has ended already
        }
        tellExpired(node, pid);
        deleteIfThere(joinedPath);
    }

    private void deleteIfThere(String path) throws KeeperException, InterruptedException {
        try {
            session.zooKeeper().delete(path, -1);
        } catch (KeeperException.NoNodeException e) {
            // the cluster's registry is being removed
        }
    }

    /** Tells the listener; one that fails must not cost the other processes of this look their end. */
    private void tellExpired(int node, long pid) {
        try {
            expired.processExpired(node, pid);
        } catch (RuntimeException e) {
            System.err.println("rsm: the listener of expired processes failed for node " + node + " (pid " + pid + "): " + e);
        }
    }
}
