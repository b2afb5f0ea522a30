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
 * trusts every host to have the same build at the same path, and one host may have been upgraded alone. A node JVM or
 * an IDE of this build or a later one refuses a registry of another layout, which it would misread, saying why (builds
 * of one layout accept each other). Those of builds before {@code /format} do not check it.
 */
public final class RegistryFormat {
    /** The znode, below the cluster's root. */
    static final String PATH = "/format";
    /**
     * This build's layout: a new number with each change that a process of another build would misread (2: a process's
     * {@code joined/} znode; 1 was a registry without {@code /format}).
     */
    public static final String LAYOUT = "rsm-workbench registry layout 2";
    /** The most characters of another layout's text a message quotes. */
    private static final int QUOTED = 64;

    private RegistryFormat() {
    }

    /** The creation of {@code /format} in the registry at {@code root}, one of the launcher's creates. */
    static Op create(String root) {
        return Op.create(root + PATH, LAYOUT.getBytes(StandardCharsets.UTF_8), RegistrySecrets.CLUSTER_ACL, CreateMode.PERSISTENT);
    }

    /**
     * Why this build cannot use the registry of {@code zooKeeper}'s chroot, or null when it can, or when no registry of any
     * layout is there (the cluster ended, or never was: the caller's reads say so). Read before anything else of the
     * registry, the spec in its root too.
     *
     * @throws KeeperException.NoAuthException when the client lacks the cluster's secret
     */
    static String mismatch(ZooKeeper zooKeeper) throws KeeperException, InterruptedException {
        String layout;
        try {
            layout = new String(zooKeeper.getData(PATH, false, null), StandardCharsets.UTF_8);
        } catch (KeeperException.NoNodeException e) {
            try {
                zooKeeper.getData(Znodes.NODES, false, null); // read, not exists(): a client without the secret is told so
            } catch (KeeperException.NoNodeException notARegistry) {
                return null;
            }
            layout = null;
        }
        if (LAYOUT.equals(layout)) {
            return null;
        }
        String made = layout == null ? "an older build of RSM Workbench (its registry has no " + PATH + ")"
                : "another build of RSM Workbench (" + quoted(layout) + ")";
        return "the registry was made by " + made + " and this JVM's build reads " + LAYOUT + ": run one build of RSM Workbench"
                + " in the launcher, on every host and in the IDE";
    }

    /**
     * {@code text} shortened, each control, format or line-breaking character a {@code ?}: a message shows it on a console
     * or in a dialog, and a build to come may write anything there.
     */
    private static String quoted(String text) {
        StringBuilder shown = new StringBuilder("\"");
        text.codePoints().limit(QUOTED).forEach(c -> {
            int type = Character.getType(c);
            boolean hidden = Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            shown.appendCodePoint(hidden ? '?' : c);
        });
        return shown.append(text.codePointCount(0, text.length()) > QUOTED ? "...\"" : "\"").toString();
    }
}
