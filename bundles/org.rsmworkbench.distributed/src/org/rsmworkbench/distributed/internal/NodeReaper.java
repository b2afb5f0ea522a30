// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * In the launcher: takes down the node of every process whose session expired (its znode went without the mark of a clean
 * end, see {@link Znodes}), as the emulator takes down a killed node. Watches the process znodes of one cluster for as long
 * as its session lasts; a look that the lost connection failed is taken again at the reconnect, and compares with the
 * processes seen before, so a process that ended meanwhile is not missed.
 */
final class NodeReaper implements Watcher {
    private final RegistrySession session;
    private final String root;
    /** The process znodes seen at the last look. */
    private final Set<String> known = new HashSet<>();

    private NodeReaper(RegistrySession session, String root) {
        this.session = session;
        this.root = root;
    }

    /** Starts watching the processes of the cluster whose registry is {@code root}. */
    static void start(RegistrySession session, String root) throws KeeperException, InterruptedException {
        NodeReaper reaper = new NodeReaper(session, root);
        synchronized (reaper) {
            reaper.known.addAll(session.zooKeeper().getChildren(root + Znodes.PROCESSES, reaper));
        }
    }

    @Override
    public void process(WatchedEvent event) {
        if (event.getType() == Event.EventType.NodeChildrenChanged) {
            session.rewatch(this::look);
        }
        // else the session's own events; a deleted root ends the watch
    }

    /** Lists the processes again, with a watch, and takes down the node of each that went without the mark of a clean end. */
    private synchronized void look() throws KeeperException, InterruptedException {
        ZooKeeper zooKeeper = session.zooKeeper();
        List<String> now;
        try {
            now = zooKeeper.getChildren(root + Znodes.PROCESSES, this);
        } catch (KeeperException.NoNodeException e) {
            return; // the cluster's registry is being removed: nothing left to watch
        }
        for (String gone : known) {
            if (!now.contains(gone) && zooKeeper.exists(root + Znodes.CLOSED + "/" + gone, false) == null) {
                try {
                    zooKeeper.setData(root + Znodes.node(Znodes.nodeOfProcess(gone)), Znodes.NODE_DOWN.getBytes(StandardCharsets.UTF_8), -1);
                } catch (KeeperException.NoNodeException e) {
                    return; // the cluster's registry is being removed
                }
            }
        }
        known.clear();
        known.addAll(now);
    }
}
