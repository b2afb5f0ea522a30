// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.util.HashMap;
import java.util.Map;

/**
 * What the launch of a cluster knows about the program of each node: its JVM runs, or has ended with an exit
 * status, and how many times it was started (a restarted node's program is started again). The cluster state
 * says whether a node is up; this says how its program ended, so that the Clusters view shows a killed node as
 * down with its exit status (137) until it is restarted. Empty for a cluster the IDE did not launch. Thread-safe;
 * {@link #version()} changes with every change, for pollers.
 */
public final class NodePrograms {
    /** Exit status of a JVM killed with SIGKILL (a killed node, a JVM terminated by the launch). */
    public static final int KILLED = 137;
    /** Exit status of a JVM ended with SIGTERM. */
    public static final int TERMINATED = 143;

    /**
     * The program of one node.
     *
     * @param pid its (last) JVM
     * @param exitStatus null while that JVM runs
     * @param starts how many times it was started: 2 after one restart
     * @param terminated whether the user asked that JVM to terminate (its exit status is then the way it was ended)
     */
    public record Program(long pid, Integer exitStatus, int starts, boolean terminated) {
        /** A program that was not terminated by the user. */
        public Program(long pid, Integer exitStatus, int starts) {
            this(pid, exitStatus, starts, false);
        }

        public boolean running() {
            return exitStatus == null;
        }

        /** "running (pid 4242)", "started again (pid 4343)", "exited with status 137 (killed)", "terminated". */
        public String describe() {
            if (running()) {
                return (starts > 1 ? "started again" : "running") + " (pid " + pid + ")";
            }
            return outcome(exitStatus, terminated);
        }
    }

    private final Map<Integer, Program> programs = new HashMap<>();
    private long version;

    /** The program of {@code node} runs in JVM {@code pid}: its first start, or a start after a restart. */
    public synchronized void started(int node, long pid) {
        Program previous = programs.get(node);
        programs.put(node, new Program(pid, null, previous == null ? 1 : previous.starts() + 1));
        version++;
    }

    /** JVM {@code pid} of {@code node} ended; ignored when the node's program has been started again since. */
    public synchronized void exited(int node, long pid, int status) {
        exited(node, pid, status, false);
    }

    /**
     * JVM {@code pid} of {@code node} ended, {@code terminated} by the user or not; ignored when the node's program
     * has been started again since.
     */
    public synchronized void exited(int node, long pid, int status, boolean terminated) {
        Program current = programs.get(node);
        if (current != null && current.pid() == pid) {
            programs.put(node, new Program(pid, status, current.starts(), terminated));
            version++;
        }
    }

    /** The program of {@code node}, or null when none was started there. */
    public synchronized Program of(int node) {
        return programs.get(node);
    }

    /** Changes whenever a program starts or ends. */
    public synchronized long version() {
        return version;
    }

    /**
     * How a node's JVM ended, for consoles and views: "terminated" when the user asked it to (a debugged JVM is
     * ended with status 1, a running one with 143), else "exited with status 137 (killed)".
     */
    public static String outcome(int status, boolean terminated) {
        return terminated ? "terminated" : "exited with status " + status + explain(status);
    }

    /** What an exit status means, when it says more than its number: " (killed)", " (terminated)", or "". */
    public static String explain(int status) {
        return status == KILLED ? " (killed)" : status == TERMINATED ? " (terminated)" : "";
    }
}
