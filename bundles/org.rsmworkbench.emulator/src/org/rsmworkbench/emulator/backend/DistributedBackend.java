// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.backend;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.ServiceLoader;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A backend for clusters whose registry of record is a service outside the cluster directory (ZooKeeper); implemented by
 * a backend bundle and registered as a {@link java.util.ServiceLoader} service. The launcher makes a cluster's registry
 * ({@link #create}), each node process joins it ({@link #join}).
 */
public interface DistributedBackend {
    /** The system property of a node JVM that names the registry of its distributed cluster (a ZooKeeper connect string). */
    String PROPERTY = "rsm.zookeeper";
    /**
     * The system property of a node JVM that says, in milliseconds, how long its ZooKeeper session may go unanswered before
     * the ensemble declares the process dead ({@link #DEFAULT_SESSION_TIMEOUT} when it is not set).
     */
    String SESSION_TIMEOUT_PROPERTY = "rsm.zookeeper.session-timeout";
    /**
     * How long a node process may be silent before ZooKeeper declares it dead, unless the launch says otherwise: short, so
     * that a killed node is seen at once; a launch across a network that may be cut for seconds gives a longer one.
     */
    Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(4);
    /**
     * The system property of a node JVM that names the host it runs on, where hosts share the machine's name (network
     * namespaces): a segment is mapped only by nodes of its exporter's host.
     */
    String HOST_PROPERTY = "rsm.host";
    /**
     * The system property of a node JVM that, set to {@code true}, makes it keep the cluster's files in a directory of its own
     * (made when it joins, removed when it ends) instead of the launch's cluster directory ({@code rsm.cluster}, which the
     * Java binding still asks of a node JVM, but which it then does not open): a node on a host that does not share the
     * launcher's files. Its cluster's spec then comes from the registry.
     */
    String OWN_DIRECTORY_PROPERTY = "rsm.cluster.own";
    /**
     * The environment variable of a node JVM that holds the secret of its cluster's registry: every client of the cluster
     * authenticates with it, and only it can read or change the cluster's znodes. Never a system property: other users
     * read a process's command line.
     */
    String SECRET_VARIABLE = "RSM_ZOOKEEPER_SECRET";
    /**
     * The system property of a node JVM that, set to {@code true}, makes it read the secret of its cluster's registry as
     * the first line of its standard input, which the launcher writes: for a node started through a prefix that does
     * not pass the environment on (ssh).
     */
    String SECRET_ON_STDIN_PROPERTY = "rsm.zookeeper.secret-on-stdin";
    /** The launcher's value that asks for an ensemble of one in the launcher's JVM instead of a running one. */
    String EMBEDDED = "embedded";

    /** What to do when no backend is found. */
    String MISSING = "add the org.rsmworkbench.distributed jar and ZooKeeper's jars to the class path";

    /** The backend registered with {@link java.util.ServiceLoader} on the context class loader's or this bundle's class path. */
    static Optional<DistributedBackend> find() {
        return ServiceLoader.load(DistributedBackend.class, Thread.currentThread().getContextClassLoader()).findFirst()
                .or(() -> ServiceLoader.load(DistributedBackend.class, DistributedBackend.class.getClassLoader()).findFirst());
    }

    /** Hears that a process of a launched cluster died for the cluster: its session expired without a clean end. */
    @FunctionalInterface
    interface ProcessExpired {
        /** The process of {@code node} whose JVM has {@code pid} (on its host) is dead for the cluster. */
        void processExpired(int node, long pid);
    }

    /**
     * The registry of one launched cluster, as long as the launch runs. Its {@link ClusterFaults} record a fault for every node
     * process, wherever it runs: each applies it to its cluster files ({@link DistributedBackend#join}) when its watch on the
     * registry fires (within milliseconds), so a connect, which asks the registry, sees a link down at once, a transfer or a
     * signal once its process has applied it. They throw an {@link IllegalStateException} that says why when the registry
     * does not answer.
     */
    interface LaunchedRegistry extends AutoCloseable, ClusterFaults {
        /** What node JVMs get as {@link DistributedBackend#PROPERTY}: it names this cluster's registry alone. */
        String connectString();

        /** The secret of this cluster's registry, which node JVMs get as {@link DistributedBackend#SECRET_VARIABLE}. */
        String secret();

        /**
         * What the launch goes on without and its user should know, one line each (the folder of the clusters' registries
         * in ZooKeeper left open by an older launcher, the file of the secret that RSM &gt; Attach reads not written);
         * none by default.
         */
        default List<String> warnings() {
            return List.of();
        }

        /**
         * The session timeout the ensemble grants (it bounds what the launch asked for between 2 and 20 of its ticks): what
         * node JVMs get as {@link DistributedBackend#SESSION_TIMEOUT_PROPERTY}.
         */
        Duration sessionTimeout();

        /** The class path entries a node JVM needs for the backend, besides RSMAPI and the emulator. */
        List<Path> nodeClassPath();

        /**
         * The nodes that have a process in the registry now: how the launcher sees that a node JVM has joined when it does
         * not share the launch's files, nor its pid (a JVM started through ssh is not the process the launcher started).
         * Empty when the registry does not answer.
         */
        Set<Integer> joinedNodes();

        /**
         * The process ids of the node JVMs in the registry now, by node, as each recorded its own when it joined (its pid on
         * its host): how a kill reaches a JVM that the launcher did not start itself (through ssh).
         *
         * @throws IllegalStateException when the registry does not answer
         */
        Map<Integer, Set<Long>> nodeJvms();

        /**
         * Marks {@code node} down in the registry (a kill): its processes end wherever they run, since each watches its node,
         * as a kill in the launch's cluster directory ends those that share it; its segments and connections go from the
         * registry at once, as from the files.
         *
         * @throws IllegalStateException when the registry does not answer (the node runs on where it does not share files)
         */
        void nodeKilled(int node);

        /**
         * From now on, tells {@code listener} of each process whose session expired without a clean end (its JVM was killed,
         * frozen, or cut off from the ensemble), once the registry has taken its node down (unless the node's life that the
         * process joined had ended already: killed, maybe restarted), on a thread of the registry's client, which the
         * listener must not block: how a launcher fences a node JVM that still runs.
         */
        void whenProcessExpires(ProcessExpired listener);

        /**
         * Marks {@code node} up again in the registry (a restart after a kill): processes may join it again, and the processes
         * of its earlier life are dead for the cluster however late their sessions expire.
         *
         * @throws IllegalStateException when the registry does not answer
         */
        void nodeRestarted(int node);

        /** A node marked down or up again in the registry: {@link #nodeKilled} or {@link #nodeRestarted}. */
        @Override
        default void setNode(int node, boolean up) {
            if (up) {
                nodeRestarted(node);
            } else {
                nodeKilled(node);
            }
        }

        /**
         * Whether the registry says {@code node} is up: down once killed, or once a process of it died (its session expired).
         *
         * @throws IllegalStateException when the registry does not answer
         */
        boolean isNodeUp(int node);

        /**
         * The waits in which the probes of node JVMs with files of their own found their processes blocked, as those
         * processes published them in the registry ({@link ClusterRegistry#publishWait}), with who could end each: what the
         * launcher's deadlock detection adds to the waits of its files. A wait is blocked since the first call that saw it
         * (the hosts' clocks do not compare). The read takes a call per wait and more: it runs {@code answered} as the
         * registry answers them, so that a long read is told from a registry that does not answer.
         *
         * @throws IllegalStateException when the registry does not answer
         */
        ClusterWaits waits(Runnable answered);

        /**
         * The node processes with files of their own, the segments they published in the registry and the connections they
         * made, which the launch's files lack (the processes that share those files, and what they publish, are there):
         * what the launch's cluster adds to the state of its files
         * ({@link org.rsmworkbench.emulator.EmulatedCluster#addRegistry}). The read takes a call per znode: it runs
         * {@code answered} as the registry answers each, as {@link #waits} does.
         *
         * @throws IllegalStateException when the registry does not answer, or holds a damaged record
         */
        OwnFilesPublished ownFilesPublished(Runnable answered);

        /** Removes the cluster's registry (and stops an embedded ensemble). */
        @Override
        void close();
    }

    /**
     * The node processes with files of their own in a registry and what they published there
     * ({@link LaunchedRegistry#ownFilesPublished}), as the parts of a {@link ClusterState}. A process's serial is negative
     * (those of the files are positive), and is the owner of its segments and the importer of its connections; a process
     * that did not record its credentials in the registry (an older node JVM) is not listed. The registry does not know
     * the barrier mode a connection set (implicit); a connection's serial is the registry's sequence number of it.
     *
     * @param version grows with every change of the registry (the newest it read), and is even
     */
    record OwnFilesPublished(long version, List<ClusterState.Process> processes, List<ClusterState.Segment> segments,
            List<ClusterState.Connection> connections) {
        public OwnFilesPublished {
            processes = List.copyOf(processes);
            segments = List.copyOf(segments);
            connections = List.copyOf(connections);
        }
    }

    /**
     * Makes the registry of a new cluster {@code spec} in the ZooKeeper ensemble {@code zookeeper} (HOST:PORT[,HOST:PORT...]),
     * or in an ensemble of one started here when it is {@link #EMBEDDED}; the launcher's session and those of the node
     * processes ask for {@code sessionTimeout}.
     *
     * @throws IOException when the ensemble cannot be reached or started
     */
    LaunchedRegistry create(String zookeeper, ClusterSpec spec, Duration sessionTimeout) throws IOException;

    /**
     * Joins the registry at {@code connectString} as a process of {@code node} of the cluster {@code spec} with
     * {@code credentials} (which the registry lists it with), with a session that asks for {@code sessionTimeout}: the node
     * is up for the others as long as the returned registry is open. In a
     * node JVM: the JVM ends as killed (137) when the registry declares the node dead (its session expired). The link and
     * transfer faults the registry records ({@link LaunchedRegistry}) are applied to {@code files}, the cluster files the
     * process uses: those that concern its node, now and whenever the registry changes them. {@code ownFiles} says whether
     * those files are the process's own ({@link #OWN_DIRECTORY_PROPERTY}) rather than the launch's: the registry then tells
     * the launcher of the process and what it publishes ({@link LaunchedRegistry#ownFilesPublished}).
     *
     * @throws RsmException CTLR_NOT_PRESENT when the registry cannot be reached
     */
    ClusterRegistry join(String connectString, Duration sessionTimeout, ClusterSpec spec, int node, Credentials credentials,
            ClusterFaults files, boolean ownFiles) throws RsmException;

    /**
     * The spec of the cluster whose registry is at {@code connectString}, as the launch recorded it there: what a node JVM
     * with {@link #OWN_DIRECTORY_PROPERTY} makes its own cluster directory from.
     *
     * @throws RsmException CTLR_NOT_PRESENT when the registry cannot be reached or holds no spec
     */
    ClusterSpec spec(String connectString) throws RsmException;
}
