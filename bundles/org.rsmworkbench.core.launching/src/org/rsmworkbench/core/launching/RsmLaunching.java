// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

/**
 * Identifiers and launch configuration attributes of the "RSM Cluster Application" launch configuration
 * type. Besides these, a configuration uses the standard Java ones of
 * {@link org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants} (project, main type, program and VM
 * arguments, JRE, class path, working directory) and the environment of
 * {@link org.eclipse.debug.core.ILaunchManager#ATTR_ENVIRONMENT_VARIABLES}.
 * <p>
 * Per-node settings are lines in the syntax of {@code rsm-launch --node}: {@code NODE:KEY=VALUE}, e.g.
 * {@code 2:main=org.example.Other}, {@code 3:args=100 200}, {@code 3:jvm=-Xmx64m}, {@code 2:uid=0},
 * {@code 2:privileged=true} (see {@link NodeSettings}).
 */
public final class RsmLaunching {
    private RsmLaunching() {
    }

    /** The plug-in id of the launching bundle, which contributes this launch configuration type. */
    public static final String PLUGIN_ID = "org.rsmworkbench.core.launching";

    /** The launch configuration type "RSM Cluster Application". */
    public static final String LAUNCH_CONFIGURATION_TYPE = "org.rsmworkbench.core.launching.clusterApplication";

    /** The source path computer of the type: the project's source lookup path plus the sources of extra class path entries. */
    public static final String SOURCE_PATH_COMPUTER = "org.rsmworkbench.core.launching.sourcePathComputer";

    /** The classpath container that puts the RSM API on a Java project's build path. */
    public static final String CONTAINER_ID = "org.rsmworkbench.core.RSM_CONTAINER";

    private static final String PREFIX = "org.rsmworkbench.core.launching.";

    /**
     * String: the workspace path of a {@code .rsmcluster} file (e.g. {@code /project/cluster.rsmcluster}); empty or
     * absent: the cluster is {@link #ATTR_NODE_COUNT} nodes, fully connected.
     */
    public static final String ATTR_CLUSTER_FILE = PREFIX + "CLUSTER_FILE";

    /** int: the number of nodes of a fully connected cluster when no cluster file is set (nodes 1..N). */
    public static final String ATTR_NODE_COUNT = PREFIX + "NODE_COUNT";

    /** The node count of a new configuration. */
    public static final int DEFAULT_NODE_COUNT = 4;

    /** String: the nodes that run the program, e.g. {@code 1,3} or {@code 1-3,5}; empty or absent: every node. */
    public static final String ATTR_ON_NODES = PREFIX + "ON_NODES";

    /** List of strings: per-node program settings, {@code NODE:main=...}, {@code NODE:args=...}, {@code NODE:jvm=...}. */
    public static final String ATTR_NODE_PROGRAM_SETTINGS = PREFIX + "NODE_PROGRAM_SETTINGS";

    /**
     * boolean (default true): each node process starts with its node's default credentials from the cluster file
     * (uid 1000, gid 1000, umask 022 for an "N nodes" cluster); false: with {@link #ATTR_CREDENTIALS}.
     */
    public static final String ATTR_USE_CLUSTER_CREDENTIALS = PREFIX + "USE_CLUSTER_CREDENTIALS";

    /** String: credentials of every node process, e.g. {@code uid=1000 gid=1000 groups=10,20 umask=022 privileged=false}. */
    public static final String ATTR_CREDENTIALS = PREFIX + "CREDENTIALS";

    /** List of strings: per-node credentials, {@code NODE:uid=...}, {@code gid}, {@code groups}, {@code umask}, {@code privileged}. */
    public static final String ATTR_NODE_CREDENTIAL_SETTINGS = PREFIX + "NODE_CREDENTIAL_SETTINGS";

    /** List of strings: scheduled faults in {@code rsm-launch --fault} syntax, e.g. {@code kill:2@500ms}. */
    public static final String ATTR_FAULTS = PREFIX + "FAULTS";

    /**
     * List of strings: file system paths (jars or class folders) put on every node's class path after the
     * project's, e.g. a library outside the workspace. Their sources are looked up next to them (see
     * {@link RsmSourcePathComputer}).
     */
    public static final String ATTR_EXTRA_CLASSPATH = PREFIX + "EXTRA_CLASSPATH";

    /**
     * boolean (default true): in a debug launch, when one node JVM suspends (a breakpoint, the end of a step, Suspend)
     * every other node JVM is suspended too, and a resume resumes them all; a step moves only the node that steps.
     */
    public static final String ATTR_SUSPEND_ALL_NODES = PREFIX + "SUSPEND_ALL_NODES";

    /**
     * List of strings: the node sets the user defined for debugging, {@code NAME=NODES} each, e.g. {@code A=1,3-5}
     * (see {@link org.rsmworkbench.core.debug.sets.NodeSets}).
     */
    public static final String ATTR_NODE_SETS = PREFIX + "NODE_SETS";

    /**
     * boolean (default false): the run is recorded by the flight recorder: every RSM call of every node process, the
     * faults and the node JVMs' starts and ends go to a new recording folder ({@code NAME-yyyyMMdd-HHmmss.rsmtrace})
     * in {@link #ATTR_RECORD_FOLDER}.
     */
    public static final String ATTR_RECORD = PREFIX + "RECORD";

    /**
     * String: the folder that receives the recordings of the runs (variables allowed, e.g. {@code ${workspace_loc}});
     * empty or absent: the folder {@value #DEFAULT_RECORD_FOLDER} of the configuration's project.
     */
    public static final String ATTR_RECORD_FOLDER = PREFIX + "RECORD_FOLDER";

    /** The folder of the project that receives the recordings when {@link #ATTR_RECORD_FOLDER} is not set. */
    public static final String DEFAULT_RECORD_FOLDER = "recordings";

    /** int: the most each node process's log holds, in MiB (default {@value #DEFAULT_RECORD_LIMIT_MIB}; at least 1). */
    public static final String ATTR_RECORD_LIMIT_MIB = PREFIX + "RECORD_LIMIT_MIB";

    public static final int DEFAULT_RECORD_LIMIT_MIB = 256;

    /** String {@code stop} (default) or {@code ring}: a full log keeps its first events, or its last. */
    public static final String ATTR_RECORD_AT_LIMIT = PREFIX + "RECORD_AT_LIMIT";

    /** String {@code all}, {@code control} (default) or {@code none}: which calls record the program's line that made them. */
    public static final String ATTR_RECORD_CALL_SITES = PREFIX + "RECORD_CALL_SITES";

    /** boolean (default false): a get records the bytes it read in full, not a digest of them. */
    public static final String ATTR_RECORD_FULL_GETS = PREFIX + "RECORD_FULL_GETS";

    /**
     * boolean (default false): the run detects races, as {@code rsm-launch --races} does: every node JVM runs with the
     * race agent and records every RSM call with its call site and every load and store of RSM memory; when the run
     * has ended the recording is analysed and the report written ({@link ClusterLaunchConfiguration#raceReportFile})
     * and announced to {@link RaceReports}.
     */
    public static final String ATTR_DETECT_RACES = PREFIX + "DETECT_RACES";

    /**
     * String (default empty): the ZooKeeper ensemble of a distributed cluster's registry, as {@code rsm-launch --zookeeper}
     * takes it: {@code embedded} (an ensemble of one that the launch starts and stops) or {@code HOST:PORT[,HOST:PORT...]};
     * empty: a local cluster (mapped files on this machine).
     */
    public static final String ATTR_ZOOKEEPER = PREFIX + "ZOOKEEPER";

    /**
     * int, in milliseconds (default {@code DistributedBackend.DEFAULT_SESSION_TIMEOUT}): how long a node process of a
     * distributed cluster may go unheard before ZooKeeper declares it dead, as {@code rsm-launch --session-timeout} takes it.
     */
    public static final String ATTR_SESSION_TIMEOUT = PREFIX + "SESSION_TIMEOUT";

    /**
     * String (default empty): the hosts file of a distributed cluster whose node JVMs run on other hosts, as
     * {@code rsm-launch --hosts} takes it (a file-system path; variables such as {@code ${workspace_loc:/p/hosts}} are
     * substituted); empty: every node JVM runs on this machine. Needs {@link #ATTR_ZOOKEEPER} (an ensemble the hosts reach).
     */
    public static final String ATTR_HOSTS_FILE = PREFIX + "HOSTS_FILE";

    /** The file name of the race report of a recorded run, in its recording folder. */
    public static final String RACE_REPORT_FILE = "races.json";

    /** Attribute of a node's {@link org.eclipse.debug.core.model.IProcess}: the node id. */
    public static final String PROCESS_ATTR_NODE = PREFIX + "node";

    /** Attribute of a node's process: its credentials as text ({@code uid=1000 gid=1000 umask=022}). */
    public static final String PROCESS_ATTR_CREDENTIALS = PREFIX + "credentials";

    /** Attribute of the cluster's process: the cluster directory. */
    public static final String PROCESS_ATTR_CLUSTER_DIRECTORY = PREFIX + "clusterDirectory";

    /** Attribute of the cluster's process of a recorded launch: the run's recording folder (absent: not recorded). */
    public static final String PROCESS_ATTR_RECORDING = PREFIX + "recording";

    /** Attribute of the cluster's process of a race-detecting launch: the file its race report goes to. */
    public static final String PROCESS_ATTR_RACE_REPORT = PREFIX + "raceReport";

    /**
     * Attribute of the cluster's process of a distributed launch: the connect string of its registry, which RSM &gt; Attach
     * to Distributed Cluster... takes (absent: a local cluster).
     */
    public static final String PROCESS_ATTR_REGISTRY = PREFIX + "registry";

    /** The process type of the cluster itself (its console shows faults and exit statuses). */
    public static final String PROCESS_TYPE_CLUSTER = "rsm.cluster";
}
