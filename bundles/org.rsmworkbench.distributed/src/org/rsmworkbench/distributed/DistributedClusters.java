// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed;

import java.io.IOException;

import org.rsmworkbench.distributed.internal.ZooKeeperCluster;
import org.rsmworkbench.emulator.WatchedCluster;

/** Observing distributed clusters from outside: what the IDE attaches to. */
public final class DistributedClusters {
    /** How long {@link #attach} waits at most for ZooKeeper to answer. */
    public static final long ATTACH_TIMEOUT_MILLIS = ZooKeeperCluster.ATTACH_TIMEOUT_MILLIS;

    private DistributedClusters() {
    }

    /**
     * The cluster whose registry {@code connectString} names (HOST:PORT[,HOST:PORT...]/rsm-workbench/CLUSTER, as
     * {@code rsm-launch --zookeeper} prints it), read from ZooKeeper; {@link WatchedCluster#close()} detaches. Blocks up
     * to {@link #ATTACH_TIMEOUT_MILLIS} (twice that when the path is missing and it lists the clusters there): not on a UI
     * thread.
     *
     * @throws IOException when the string is malformed, nothing answers there, or no cluster is there (the message says
     *             what to check)
     */
    public static WatchedCluster attach(String connectString) throws IOException {
        return ZooKeeperCluster.attach(connectString);
    }

    /**
     * What is wrong with {@code connectString}'s form, saying what a connect string looks like, or null when nothing is.
     * Reads nothing from the network.
     */
    public static String syntaxProblem(String connectString) {
        return ZooKeeperCluster.syntaxProblem(connectString);
    }
}
