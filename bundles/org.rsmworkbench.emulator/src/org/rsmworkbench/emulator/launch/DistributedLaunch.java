// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.emulator.backend.DistributedBackend;

/**
 * A launch of a distributed cluster: the ZooKeeper ensemble of its registry ({@link DistributedBackend#EMBEDDED}: one
 * started by the launcher), the timeout of its sessions and the hosts its node JVMs run on (null: this machine). What
 * {@code rsm-launch --zookeeper [--session-timeout] [--hosts]} says and what the IDE's launch configuration says are checked here ({@link #of}) and started here
 * ({@link #open}): both launchers run the same launch. The messages name the options of {@code rsm-launch}
 * ({@code --zookeeper}, {@code --hosts FILE:LINE}).
 *
 * @param zookeeper HOST:PORT[,HOST:PORT...] or {@link DistributedBackend#EMBEDDED}
 * @param sessionTimeout how long a node process may be silent before ZooKeeper declares it dead
 * @param hosts the hosts file, or null when every node JVM runs on this machine
 */
public record DistributedLaunch(String zookeeper, Duration sessionTimeout, HostsFile hosts) {
    private static final Pattern ZOOKEEPER = Pattern.compile("[A-Za-z0-9.\\[\\]:-]+:[0-9]{1,5}(,[A-Za-z0-9.\\[\\]:-]+:[0-9]{1,5})*");
    /** A loopback host in a ZooKeeper connect string. */
    private static final Pattern LOOPBACK = Pattern.compile("(^|,)(localhost|127\\.[0-9.]+|\\[?::1\\]?):");
    /** The longest {@code --session-timeout}: ZooKeeper ensembles grant much less (40 s with their usual tickTime). */
    private static final Duration LONGEST_SESSION_TIMEOUT = Duration.ofHours(1);

    /**
     * Checks the form of a {@code --zookeeper} value.
     *
     * @return {@code value}
     * @throws LaunchArgumentException that says what the value looks like
     */
    public static String checkZooKeeper(String value) throws LaunchArgumentException {
        if (!value.equals(DistributedBackend.EMBEDDED) && !ZOOKEEPER.matcher(value).matches()) {
            throw new LaunchArgumentException("--zookeeper \"" + value
                    + "\" is neither embedded nor HOST:PORT[,HOST:PORT...] (e.g. zk1.example.org:2181)");
        }
        return value;
    }

    /**
     * The distributed launch of {@code plan}, or null when {@code zookeeper} is null (a local cluster), checked: the
     * ensemble's form, a session timeout only with an ensemble, the hosts file against the plan's cluster and nodes and against the faults of hosts, an ensemble
     * that the hosts reach (every fault of the plan reaches a distributed cluster, see {@link FaultInjector#distributed}).
     *
     * @param sessionTimeout the session timeout, or null for {@link DistributedBackend#DEFAULT_SESSION_TIMEOUT}
     * @param hostsFile the hosts file to read, or null
     * @throws LaunchArgumentException that says what to change
     */
    public static DistributedLaunch of(String zookeeper, Duration sessionTimeout, Path hostsFile, LaunchPlan plan,
            List<HostFault> hostFaults) throws LaunchArgumentException {
        if (zookeeper == null && sessionTimeout != null) {
            throw new LaunchArgumentException("--session-timeout needs --zookeeper: it is the timeout of the ZooKeeper sessions"
                    + " of a distributed cluster's node processes");
        }
        if (sessionTimeout != null && (sessionTimeout.toMillis() <= 0 || sessionTimeout.compareTo(LONGEST_SESSION_TIMEOUT) > 0)) {
            throw new LaunchArgumentException("--session-timeout of " + sessionTimeout.toMillis() + " ms: give between 1 ms and "
                    + LONGEST_SESSION_TIMEOUT.toSeconds() + " s (longer, a dead node would go unseen that long; ZooKeeper"
                    + " ensembles grant at most 20 of their ticks, 40 s with the usual tickTime)");
        }
        if (zookeeper == null && hostsFile != null) {
            throw new LaunchArgumentException("--hosts needs --zookeeper HOST:PORT[,HOST:PORT...]: the ZooKeeper ensemble that"
                    + " every host and this machine reach (the cluster's registry)");
        }
        if (hostsFile == null && !hostFaults.isEmpty()) {
            throw new LaunchArgumentException("--fault " + hostFaults.getFirst() + " needs --hosts FILE (it names a host)");
        }
        if (zookeeper == null) {
            return null;
        }
        checkZooKeeper(zookeeper);
        return new DistributedLaunch(zookeeper, sessionTimeout != null ? sessionTimeout : DistributedBackend.DEFAULT_SESSION_TIMEOUT,
                hosts(zookeeper, hostsFile, plan, hostFaults));
    }

    private static HostsFile hosts(String zookeeper, Path hostsFile, LaunchPlan plan, List<HostFault> hostFaults)
            throws LaunchArgumentException {
        if (hostsFile == null) {
            return null;
        }
        HostsFile hosts = readHosts(zookeeper, hostsFile);
        hosts.check(plan.nodeIds(), plan.cluster().nodes().stream().map(NodeSpec::id).toList());
        for (HostFault fault : hostFaults) {
            fault.check(hosts);
        }
        return hosts;
    }

    /**
     * Reads the hosts file of a launch whose registry is in {@code zookeeper}, which must be an ensemble the hosts reach
     * (not embedded, no loopback address); what needs the plan is checked by {@link #of}.
     *
     * @throws LaunchArgumentException with FILE:LINE and what to change
     */
    public static HostsFile readHosts(String zookeeper, Path hostsFile) throws LaunchArgumentException {
        if (zookeeper.equals(DistributedBackend.EMBEDDED)) {
            throw new LaunchArgumentException("--hosts with --zookeeper embedded: the embedded ZooKeeper listens on this"
                    + " machine's loopback address, which the other hosts cannot reach: run an ensemble they reach (see Running"
                    + " across hosts in the help) and give its HOST:PORT list");
        }
        if (LOOPBACK.matcher(zookeeper).find()) {
            throw new LaunchArgumentException("--hosts with --zookeeper " + zookeeper + ": a loopback address means a different"
                    + " machine on every host: give addresses that every host reaches");
        }
        return HostsFile.read(hostsFile);
    }

    /**
     * Starts the launch with {@code backend}: makes the registry of the plan's cluster in the ensemble (starting the
     * embedded one), makes the node JVMs of {@code commands} join it and run on the hosts, and logs the registry's connect
     * string (what RSM &gt; Attach to Distributed Cluster... takes) and a session timeout the ensemble did not grant as
     * asked, and what the registry warns of (its secret not kept for RSM &gt; Attach). Close the registry once the node
     * JVMs have ended.
     *
     * @throws IOException when the ensemble cannot be reached or started
     */
    public DistributedBackend.LaunchedRegistry open(DistributedBackend backend, NodeCommandBuilder commands,
            Consumer<String> log) throws IOException {
        DistributedBackend.LaunchedRegistry registry = backend.create(zookeeper, commands.plan().cluster(), sessionTimeout);
        commands.hosts(hosts).distributedRegistry(registry);
        log.accept("registry " + registry.connectString() + " (to watch it in the IDE: RSM > Attach to Distributed Cluster...)");
        registry.warnings().forEach(warning -> log.accept("warning: " + warning));
        if (!registry.sessionTimeout().equals(sessionTimeout)) {
            log.accept("ZooKeeper grants sessions of " + registry.sessionTimeout().toMillis() + " ms, not the "
                    + sessionTimeout.toMillis() + " ms asked: its servers bound them (by default between 2 and 20 times their"
                    + " tickTime)");
        }
        return registry;
    }
}
