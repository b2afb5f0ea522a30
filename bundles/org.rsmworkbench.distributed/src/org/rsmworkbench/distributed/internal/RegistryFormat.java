// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.nio.charset.StandardCharsets;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooKeeper;

/**
 * The layout of a cluster's registry, in its {@code /format} znode, written with the registry by the launcher. The node
 * JVMs and the IDE that read a registry need not be of the launcher's build: a hosts file's {@code classpath shared}
 * trusts every host to have the same build at the same path, and one host may have been upgraded alone. A process of
 * another layout would misread the registry (a node JVM of a build before {@code joined/} would never be taken down
 * when it dies), so it is refused, saying why.
 */
public final class RegistryFormat {
    /** The znode, below the cluster's root. */
    static final String PATH = "/format";
    /**
     * This build's layout: a new number with each change that a process of another build would misread (2: a process's
     * {@code joined/} znode; 1 was a registry without {@code /format}).
     */
    public static final String LAYOUT = "rsm-workbench registry layout 2";
    /** The most of another layout's text a message quotes. */
    private static final int QUOTED = 64;

    private RegistryFormat() {
    }

    /** The creation of {@code /format} in the registry at {@code root}, one of the launcher's creates. */
    static Op create(String root) {
        return Op.create(root + PATH, LAYOUT.getBytes(StandardCharsets.UTF_8), RegistrySecrets.CLUSTER_ACL, CreateMode.PERSISTENT);
    }

    /**
     * Why this build cannot use the registry of {@code zooKeeper}'s chroot, or null when it can.
     *
     * @throws KeeperException.NoNodeException when there is no registry (the cluster ended)
     */
    static String mismatch(ZooKeeper zooKeeper) throws KeeperException, InterruptedException {
        String layout;
        try {
            layout = new String(zooKeeper.getData(PATH, false, null), StandardCharsets.UTF_8);
        } catch (KeeperException.NoNodeException e) {
            if (zooKeeper.exists(Znodes.NODES, false) == null) {
                throw e;
            }
            layout = null;
        }
        if (LAYOUT.equals(layout)) {
            return null;
        }
        String made = layout == null ? "an older build of RSM Workbench (its registry has no " + PATH + ")"
                : "another build of RSM Workbench (" + quoted(layout) + ")";
        return "the registry was made by " + made + " and this JVM's build reads " + LAYOUT + ": run one build of RSM Workbench"
                + " in the launcher, on every host and in the IDE (a hosts file's classpath shipped copies the launcher's"
                + " class path to the hosts)";
    }

    /** {@code text} shortened and without control characters: it comes from the ensemble, which others may write. */
    private static String quoted(String text) {
        String shown = text.length() > QUOTED ? text.substring(0, QUOTED) + "..." : text;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
