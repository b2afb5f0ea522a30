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
 * as its session lasts.
 */
final class NodeReaper implements Watcher {
    private final ZooKeeper zooKeeper;
    private final String root;
    /** The process znodes seen at the last look. */
    private final Set<String> known = new HashSet<>();

    private NodeReaper(ZooKeeper zooKeeper, String root) {
        this.zooKeeper = zooKeeper;
        this.root = root;
    }

    /** Starts watching the processes of the cluster whose registry is {@code root}. */
    static void start(ZooKeeper zooKeeper, String root) throws KeeperException, InterruptedException {
        NodeReaper reaper = new NodeReaper(zooKeeper, root);
        synchronized (reaper) {
            reaper.known.addAll(zooKeeper.getChildren(root + Znodes.PROCESSES, reaper));
        }
    }

    @Override
    public synchronized void process(WatchedEvent event) {
        if (event.getType() != Event.EventType.NodeChildrenChanged) {
            return; // the session's own events; a deleted root ends the watch
        }
        try {
            List<String> now = zooKeeper.getChildren(root + Znodes.PROCESSES, this);
            for (String gone : known) {
                if (!now.contains(gone) && zooKeeper.exists(root + Znodes.CLOSED + "/" + gone, false) == null) {
                    zooKeeper.setData(root + Znodes.node(Znodes.nodeOfProcess(gone)), Znodes.NODE_DOWN.getBytes(StandardCharsets.UTF_8), -1);
                }
            }
            known.clear();
            known.addAll(now);
        } catch (KeeperException e) {
            // the cluster's registry is being removed, or the ensemble is gone: nothing left to watch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
