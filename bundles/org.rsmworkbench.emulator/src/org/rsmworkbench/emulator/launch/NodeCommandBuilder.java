// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.internal.ClusterDirectory;
import org.rsmworkbench.emulator.race.internal.NodeAgent;
import org.rsmworkbench.emulator.race.internal.RaceHooks;
import org.rsmworkbench.emulator.trace.RecordingSettings;

/**
 * The command line of a node JVM: {@code java --enable-native-access=ALL-UNNAMED [-XX:AOTCache=...] [-javaagent:AGENT [-Drsm.races=true]]
 * <plan JVM args> <node JVM args> <processArguments> [recording properties] [-Drsm.zookeeper=... -Drsm.zookeeper.session-timeout=MS
 * [-Drsm.zookeeper.secret-on-stdin=true]] -Drsm.launch.nodes=...
 * -cp <runtime + backend + program> <main>
 * <args>}. The class path is the RSMAPI and emulator entries ({@link ClassPathEntries#runtime()}), then the
 * program's: a {@link NodeStartupCache} serves only class paths that begin with the entries it was made from. A node JVM
 * that records call sites runs with the {@link NodeAgent}, which names each call's site without a stack walk. With
 * {@link #hosts(HostsFile)}, the command runs through the node's host's prefix (see {@link HostsFile.Host#command}); with
 * {@link HostsFile#classPathShipped()}, {@link #shipClassPath} copies the class path to the hosts first and the node JVMs
 * there use the copies ({@link ShippedClassPath}).
 */
public final class NodeCommandBuilder {
    /**
     * The system property that tells a node program which nodes run the launch (comma-separated ids),
     * so that it knows its peers when only some nodes of the cluster take part.
     */
    public static final String LAUNCH_NODES_PROPERTY = "rsm.launch.nodes";

    private final LaunchPlan plan;
    private Path javaExecutable = currentJava();
    private List<Path> runtimeClassPath;
    private NodeStartupCache startupCache;
    private RecordingSettings recording;
    private Path raceAgent;
    /** The agent jar made in the cluster's directory for node JVMs that record call sites (null until needed). */
    private Path callSiteAgent;
    private DistributedBackend.LaunchedRegistry registry;
    private List<Path> backendClassPath = List.of();
    private HostsFile hosts;
    /** The hosts that have a copy of the class path. Guarded by this. */
    private final Set<String> shippedTo = new HashSet<>();

    public NodeCommandBuilder(LaunchPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** The java launcher of the JDK that runs this JVM. */
    public static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** Uses another java launcher (a JDK 25 or newer) for the node JVMs. */
    public NodeCommandBuilder javaExecutable(Path java) {
        javaExecutable = Objects.requireNonNull(java, "java");
        return this;
    }

    /** Uses these entries instead of the ones this JVM loaded RSMAPI and the emulator from. */
    public NodeCommandBuilder runtimeClassPath(List<Path> entries) {
        runtimeClassPath = List.copyOf(entries);
        return this;
    }

    /**
     * Starts node JVMs with this start-up cache once it is ready (not those with a debug or other agent,
     * or their own {@code -XX:AOTCache}); those with the race agent get a cache of their own.
     */
    public NodeCommandBuilder startupCache(NodeStartupCache cache) {
        startupCache = cache;
        return this;
    }

    /** Makes every node JVM record its RSM calls with these settings (null: no recording). */
    public NodeCommandBuilder recording(RecordingSettings settings) {
        recording = settings;
        return this;
    }

    /**
     * Makes every node JVM detect races: it runs with the race agent {@code agentJar} and records its accesses of RSM
     * memory (with {@link #recording(RecordingSettings)}, which must be set too).
     */
    public NodeCommandBuilder raceAgent(Path agentJar) {
        raceAgent = agentJar;
        return this;
    }

    /**
     * Makes every node JVM a process of the distributed cluster whose registry is {@code launched}, with the class path its
     * backend needs (after the runtime entries, before the program's).
     */
    public NodeCommandBuilder distributedRegistry(DistributedBackend.LaunchedRegistry launched) {
        registry = Objects.requireNonNull(launched, "launched");
        backendClassPath = List.copyOf(launched.nodeClassPath());
        return this;
    }

    /** The registry of the distributed cluster the node JVMs join, or null for a local cluster. */
    public DistributedBackend.LaunchedRegistry distributedRegistry() {
        return registry;
    }

    /**
     * Runs each node JVM on its host of {@code hostsFile}: through the host's command prefix, with its java launcher and
     * working directory (null: every node JVM runs on this machine).
     */
    public NodeCommandBuilder hosts(HostsFile hostsFile) {
        hosts = hostsFile;
        return this;
    }

    /** The connect string of the distributed cluster's registry that the node JVMs join, or null for a local cluster. */
    public String registryConnectString() {
        return registry == null ? null : registry.connectString();
    }

    /** What the environment of every node JVM adds: the secret of the distributed cluster's registry, if any. */
    public Map<String, String> environment() {
        return registry == null ? Map.of() : Map.of(DistributedBackend.SECRET_VARIABLE, registry.secret());
    }

    /**
     * What the launcher writes first to the standard input of every node JVM, or null for nothing: the secret of the
     * registry when the nodes run on hosts, whose prefix may not pass the environment on (ssh).
     */
    public String standardInput() {
        return registry != null && hosts != null ? registry.secret() + "\n" : null;
    }

    /** The hosts the node JVMs run on, or null when they run on this machine. */
    public HostsFile hosts() {
        return hosts;
    }

    /** How the node JVMs record, or null when they do not. */
    public RecordingSettings recording() {
        return recording;
    }

    public LaunchPlan plan() {
        return plan;
    }

    /** The class path of every node JVM, runtime entries first, then the backend's, without duplicates. */
    public String classPath() {
        return joinClassPath(classPathEntries());
    }

    private List<Path> classPathEntries() {
        Set<Path> entries = new LinkedHashSet<>(runtime());
        entries.addAll(backendClassPath);
        entries.addAll(plan.classPath());
        return List.copyOf(entries);
    }

    /**
     * With {@code classpath shipped} in the hosts file: copies the class path to every host that runs a node of the plan and
     * has no copy yet (one host after the other, each logged); does nothing otherwise. Call it before the node JVMs start.
     *
     * @throws IOException that names the host whose copy failed and says what to do
     */
    public void shipClassPath(Consumer<String> log) throws IOException {
        if (hosts == null || !hosts.classPathShipped()) {
            return;
        }
        List<Path> entries = classPathEntries();
        for (HostsFile.Host host : hosts.hosts()) {
            synchronized (this) {
                if (shippedTo.contains(host.name()) || host.nodes().stream().noneMatch(n -> plan.node(n) != null)) {
                    continue;
                }
            }
            log.accept("copying the class path (" + entries.size() + " entries) to host " + host.name() + ": "
                    + host.directory() + "/" + ShippedClassPath.FOLDER);
            ShippedClassPath.ship(host, entries);
            synchronized (this) {
                shippedTo.add(host.name());
            }
        }
    }

    private List<Path> runtime() {
        return runtimeClassPath != null ? runtimeClassPath : ClassPathEntries.runtime();
    }

    static String joinClassPath(Collection<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** The command that starts {@code node} as a process of {@code cluster}. */
    public List<String> command(EmulatedCluster cluster, NodeLaunch node) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        List<String> jvmArguments = new ArrayList<>(plan.jvmArguments());
        jvmArguments.addAll(node.jvmArguments());
        Path agent = raceAgent != null ? raceAgent : callSiteAgent(cluster);
        // the cache is of this machine's JDK and files: not for a node on a host
        if (startupCache != null && hosts == null && jvmArguments.stream().noneMatch(NodeCommandBuilder::excludesStartupCache)) {
            // a JVM with the agent has a cache of its own, trained with it
            command.addAll(startupCache.jvmOptions(javaExecutable, runtime(),
                    agent != null ? NodeStartupCache.Kind.AGENT : NodeStartupCache.Kind.PLAIN));
        }
        if (agent != null) {
            command.add("-javaagent:" + agent);
        }
        if (raceAgent != null) {
            command.add("-D" + RaceHooks.PROPERTY + "=true");
        }
        command.addAll(jvmArguments);
        HostsFile.Host host = hosts == null ? null : hostOf(node.nodeId());
        if (host != null && hosts.ownFiles()) {
            // the launch's cluster directory is a folder of this machine: the node JVM makes one of its own there (it keeps
            // rsm.cluster, which the Java binding asks of a node JVM, but does not open it)
            command.add("-D" + DistributedBackend.OWN_DIRECTORY_PROPERTY + "=true");
        }
        command.addAll(cluster.processArguments(node.nodeId(), node.credentials()));
        if (recording != null) {
            // a host that shares no files records where it runs: the launcher copies the logs at the end
            command.addAll(host != null && hosts.ownFiles() ? HostRecordings.systemProperties(recording) : recording.systemProperties());
        }
        if (registry != null) {
            command.add("-D" + DistributedBackend.PROPERTY + "=" + registry.connectString());
            command.add("-D" + DistributedBackend.SESSION_TIMEOUT_PROPERTY + "=" + registry.sessionTimeout().toMillis());
            if (host != null) {
                command.add("-D" + DistributedBackend.SECRET_ON_STDIN_PROPERTY + "=true");
            }
        }
        if (host != null) {
            command.add("-D" + DistributedBackend.HOST_PROPERTY + "=" + host.name());
        }
        command.add("-D" + LAUNCH_NODES_PROPERTY + "="
                + plan.nodeIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        command.add("-cp");
        command.add(host != null && hosts.classPathShipped() ? shippedClassPath(host) : classPath());
        command.add(node.mainClass());
        command.addAll(node.arguments());
        return host == null ? command : onHost(command, host);
    }

    /**
     * The agent jar for node JVMs that record call sites, made in {@code cluster}'s directory (removed with it) the first
     * time; null when they record none, run on other hosts (the jar is a file of this one), or the jar cannot be made:
     * then their call sites come from stack walks, slower but the same.
     */
    private synchronized Path callSiteAgent(EmulatedCluster cluster) {
        if (recording == null || recording.callSites() == RecordingSettings.CallSites.NONE || hosts != null) {
            return null;
        }
        if (callSiteAgent == null) {
            Path jar = cluster.directory().resolve(ClusterDirectory.NODE_AGENT);
            try {
                NodeAgent.writeJar(jar);
            } catch (FileAlreadyExistsException e) {
                // made for an earlier node of this cluster's launch
            } catch (IOException e) {
                return null;
            }
            callSiteAgent = jar;
        }
        return callSiteAgent;
    }

    private synchronized String shippedClassPath(HostsFile.Host host) {
        if (!shippedTo.contains(host.name())) {
            throw new IllegalStateException("the class path is not on host " + host.name() + " yet: shipClassPath first");
        }
        return String.join(File.pathSeparator, ShippedClassPath.copies(classPathEntries()));
    }

    private HostsFile.Host hostOf(int node) {
        HostsFile.Host host = hosts.hostOf(node);
        if (host == null) {
            throw new IllegalArgumentException("node " + node + " is on no host of " + hosts.file());
        }
        return host;
    }

    /** The node JVM's command run on its host: its java launcher there, through its prefix. */
    private static List<String> onHost(List<String> command, HostsFile.Host host) {
        if (host.java() != null) {
            command.set(0, host.java());
        }
        return host.command(command);
    }

    /**
     * An agent changes the classes a JVM loads; the JDK refuses a cache next to the user's own CDS or AOT
     * options, or with module options other than the training run's.
     */
    private static boolean excludesStartupCache(String jvmArgument) {
        return Stream.of("-agentlib:", "-agentpath:", "-javaagent:", "-Xrunjdwp", "-Xshare", "-XX:AOT", "-XX:SharedArchiveFile",
                "-XX:+AutoCreateSharedArchive", "-XX:ArchiveClassesAtExit", "--add-opens", "--add-exports", "--add-reads",
                "--add-modules", "--module-path", "--upgrade-module-path", "--patch-module", "--limit-modules",
                "--enable-native-access", "-Djdk.module.").anyMatch(jvmArgument::startsWith);
    }
}
