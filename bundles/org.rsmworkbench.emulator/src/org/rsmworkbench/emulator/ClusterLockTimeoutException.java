// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.util.List;

/**
 * A change to a cluster's shared state gave up waiting: the JVM that holds the cluster's lock made no
 * progress for {@link #TIMEOUT_MILLIS} (it is stopped, e.g. by SIGSTOP, or suspended in a debugger, inside
 * an update), and no other update of the cluster finished meanwhile. Nothing was changed; the same call
 * succeeds once that JVM runs again. The JVMs of a debug launch ({@link #DEBUG_LAUNCH_PROPERTY}) never give up on
 * a holder that is alive: they wait for it.
 * The operations of {@link EmulatedCluster} throw it; RSM calls report it as an {@code RsmException}
 * {@code INSUFFICIENT_RESOURCES} with the same message.
 */
public final class ClusterLockTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * How long a wait for the cluster's lock may see no progress before it gives up. Updates take
     * microseconds; the wait starts again whenever one finishes anywhere in the cluster, so a busy cluster
     * never times out, only a stuck one.
     */
    public static final long TIMEOUT_MILLIS = 5_000;

    /**
     * The system property ({@code -Drsm.debugLaunch=true}) that the IDE's debug launch gives every node JVM: a holder of
     * the lock that makes no progress is then most likely suspended by the debugger (at a breakpoint, or with the other
     * nodes), so a wait for it goes on as long as it is alive, instead of failing the debugged program. It says once, on
     * standard error, which JVM and node it waits for. A holder that died is still taken over at once; one stopped by a
     * signal (SIGSTOP, ^Z), which no debugger resumes, is given up on as outside a debug launch.
     */
    public static final String DEBUG_LAUNCH_PROPERTY = "rsm.debugLaunch";

    private final long holderPid;
    private final List<Integer> holderNodes;

    public ClusterLockTimeoutException(String message, long holderPid, List<Integer> holderNodes) {
        super(message);
        this.holderPid = holderPid;
        this.holderNodes = List.copyOf(holderNodes);
    }

    /** The process id of the JVM that holds the lock, or 0 when it is not known. */
    public long holderPid() {
        return holderPid;
    }

    /** The nodes of the emulated processes hosted by that JVM (empty for a JVM that hosts none). */
    public List<Integer> holderNodes() {
        return holderNodes;
    }
}
