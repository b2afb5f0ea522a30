// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.variables.VariablesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.launch.DistributedLaunch;
import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.emulator.launch.HostsFile;
import org.rsmworkbench.emulator.launch.LaunchArgumentException;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.emulator.launch.LaunchPlan;
import org.rsmworkbench.emulator.launch.ScheduledFault;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.rsmapi.Credentials;

/**
 * Reads an "RSM Cluster Application" launch configuration: its cluster ({@link ClusterSource}) and the
 * {@link LaunchPlan} it describes. Shared by the launch delegate and the launch dialog's validation:
 * every problem is a {@link CoreException} (or, from the field checks, an {@link IllegalArgumentException})
 * whose message says which field is wrong and why.
 */
public final class ClusterLaunchConfiguration {
    /** What the folder of a run's recording is called after: the configuration's name and the start time. */
    private static final DateTimeFormatter RUN_FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String RUN_FOLDER_SUFFIX = ".rsmtrace";

    private ClusterLaunchConfiguration() {
    }

    /** The cluster a configuration names: a cluster file's model, or N nodes fully connected. */
    public record ClusterSource(Cluster model, IFile file, ClusterSpec spec) {
        /** Starts the cluster (the model's down links set down). */
        public EmulatedCluster start() throws IOException {
            return model != null ? ClusterSpecs.start(model) : EmulatedCluster.start(spec);
        }

        /** The node ids, in order. */
        public List<Integer> nodeIds() {
            return spec.nodes().stream().map(NodeSpec::id).toList();
        }

        /** The default credentials of that node's processes: the model's, or uid 1000 gid 1000 umask 022. */
        public Credentials defaultCredentials(int nodeId) {
            if (model != null) {
                for (Node node : model.getNodes()) {
                    if (node.getId() == nodeId) {
                        return ClusterSpecs.credentialsOf(node);
                    }
                }
            }
            return LaunchPlan.DEFAULT_CREDENTIALS;
        }

        /** "cluster.rsmcluster (cluster ring-of-4, 4 nodes)" or "4 nodes, fully connected". */
        public String describe() {
            return file != null ? file.getFullPath() + " (cluster " + spec.name() + ", " + spec.nodes().size() + " nodes)"
                    : spec.nodes().size() + " nodes, fully connected";
        }
    }

    /** Whether {@code resource} is a cluster file (a {@code .rsmcluster} file), which a configuration can name. */
    public static boolean isClusterFile(IResource resource) {
        return resource instanceof IFile && ClusterFiles.FILE_EXTENSION.equals(resource.getFileExtension());
    }

    /** The RSM Cluster Application configurations that name that cluster file (by its workspace path). */
    public static List<ILaunchConfiguration> configurationsOn(IFile clusterFile) throws CoreException {
        List<ILaunchConfiguration> configurations = new ArrayList<>();
        var manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunchConfiguration config : manager.getLaunchConfigurations(
                manager.getLaunchConfigurationType(RsmLaunching.LAUNCH_CONFIGURATION_TYPE))) {
            String path = config.getAttribute(RsmLaunching.ATTR_CLUSTER_FILE, "").strip();
            if (!path.isEmpty() && IPath.fromOSString(path).equals(clusterFile.getFullPath())) {
                configurations.add(config);
            }
        }
        return configurations;
    }

    /** The cluster of the configuration; the message of the exception says what is wrong with the file or count. */
    public static ClusterSource cluster(ILaunchConfiguration config) throws CoreException {
        String file = config.getAttribute(RsmLaunching.ATTR_CLUSTER_FILE, "");
        int nodes = config.getAttribute(RsmLaunching.ATTR_NODE_COUNT, RsmLaunching.DEFAULT_NODE_COUNT);
        try {
            return cluster(file, nodes);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), null);
        }
    }

    /**
     * The cluster in that workspace file, or {@code nodeCount} nodes fully connected when {@code workspacePath} is blank.
     *
     * @throws IllegalArgumentException what is wrong (no such file, not a cluster file, a malformed or invalid model)
     */
    public static ClusterSource cluster(String workspacePath, int nodeCount) {
        if (workspacePath == null || workspacePath.isBlank()) {
            if (nodeCount < 1 || nodeCount >= ClusterSpec.MAX_NODES) {
                throw new IllegalArgumentException("The number of nodes must be 1 to " + (ClusterSpec.MAX_NODES - 1) + ", not " + nodeCount + ".");
            }
            return new ClusterSource(null, null, ClusterSpec.fullyConnected(nodeCount));
        }
        IPath path = IPath.fromOSString(workspacePath.strip());
        if (!path.isAbsolute() || path.segmentCount() < 2) {
            throw new IllegalArgumentException("Cluster file \"" + workspacePath + "\" is not a workspace path like /project/cluster.rsmcluster.");
        }
        IResource member = ResourcesPlugin.getWorkspace().getRoot().findMember(path);
        if (!(member instanceof IFile file) || !file.exists()) {
            throw new IllegalArgumentException("Cluster file " + path + " does not exist in the workspace.");
        }
        if (!ClusterFiles.FILE_EXTENSION.equals(file.getFileExtension())) {
            throw new IllegalArgumentException("Cluster file " + path + " is not a ." + ClusterFiles.FILE_EXTENSION + " file.");
        }
        if (file.getLocation() == null) {
            throw new IllegalArgumentException("Cluster file " + path + " is not on the local file system.");
        }
        Cluster model;
        try {
            model = ClusterFiles.load(file.getLocation().toPath());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read cluster file " + path + ": " + e.getMessage(), e);
        }
        Diagnostic diagnostic = ClusterValidation.validate(model);
        if (diagnostic.getSeverity() >= Diagnostic.ERROR) {
            String first = diagnostic.getChildren().stream().filter(d -> d.getSeverity() >= Diagnostic.ERROR).map(Diagnostic::getMessage)
                    .findFirst().orElse(diagnostic.getMessage());
            throw new IllegalArgumentException("Cluster file " + path + " has errors: " + first);
        }
        ClusterSpec spec;
        try {
            spec = ClusterSpecs.toSpec(model);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cluster file " + path + " cannot be run: " + e.getMessage(), e);
        }
        if (spec.nodes().isEmpty()) {
            throw new IllegalArgumentException("Cluster file " + path + " has no nodes.");
        }
        for (NodeSpec node : spec.nodes()) {
            if (node.id() < 0 || node.id() >= ClusterSpec.MAX_NODES) {
                throw new IllegalArgumentException("Cluster file " + path + ": node id " + node.id()
                        + " cannot be emulated (ids 0.." + (ClusterSpec.MAX_NODES - 1) + ").");
            }
        }
        return new ClusterSource(model, file, spec);
    }

    /** The nodes that run the program: the configured set, or every node of the cluster. */
    public static List<Integer> runningNodes(ILaunchConfiguration config, ClusterSource source) throws CoreException {
        try {
            Set<Integer> on = NodeSettings.parseNodes(config.getAttribute(RsmLaunching.ATTR_ON_NODES, ""));
            if (on == null) {
                return source.nodeIds();
            }
            if (on.isEmpty()) {
                throw new IllegalArgumentException("No node runs the program.");
            }
            NodeSettings.requireNodes(on, source.nodeIds(), "Nodes that run the program");
            return List.copyOf(on);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), null);
        }
    }

    /** The per-node program settings ({@code main}, {@code args}, {@code jvm}), checked against the running nodes. */
    public static Map<Integer, Map<String, String>> programSettings(ILaunchConfiguration config, ClusterSource source,
            Collection<Integer> running) throws CoreException {
        return settings(config, RsmLaunching.ATTR_NODE_PROGRAM_SETTINGS, NodeSettings.PROGRAM_KEYS, source, running, "Per-node settings");
    }

    private static Map<Integer, Map<String, String>> settings(ILaunchConfiguration config, String attribute, Set<String> keys,
            ClusterSource source, Collection<Integer> running, String what) throws CoreException {
        try {
            Map<Integer, Map<String, String>> settings = NodeSettings.parseLines(config.getAttribute(attribute, List.of()), keys);
            for (int node : settings.keySet()) {
                if (!source.nodeIds().contains(node)) {
                    throw new IllegalArgumentException(what + ": the cluster has no node " + node + " (its nodes: " + source.nodeIds() + ").");
                }
                if (!running.contains(node)) {
                    throw new IllegalArgumentException(what + ": node " + node + " does not run the program (it runs on nodes "
                            + running + ").");
                }
            }
            return settings;
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage().startsWith(what) ? e.getMessage() : what + ", " + e.getMessage(), null);
        }
    }

    /** The credentials of every running node's process: defaults (cluster file or explicit), then per-node settings. */
    public static Map<Integer, Credentials> credentials(ILaunchConfiguration config, ClusterSource source, Collection<Integer> running)
            throws CoreException {
        boolean fromCluster = config.getAttribute(RsmLaunching.ATTR_USE_CLUSTER_CREDENTIALS, true);
        Credentials common = null;
        if (!fromCluster) {
            try {
                common = NodeSettings.parseCredentials(config.getAttribute(RsmLaunching.ATTR_CREDENTIALS, ""), LaunchPlan.DEFAULT_CREDENTIALS);
            } catch (IllegalArgumentException e) {
                throw error("Credentials of every node: " + e.getMessage(), null);
            }
        }
        Map<Integer, Map<String, String>> perNode = settings(config, RsmLaunching.ATTR_NODE_CREDENTIAL_SETTINGS,
                NodeSettings.CREDENTIAL_KEYS, source, running, "Per-node credentials");
        Map<Integer, Credentials> result = new java.util.TreeMap<>();
        for (int node : running) {
            Credentials base = common != null ? common : source.defaultCredentials(node);
            try {
                result.put(node, NodeSettings.applyCredentials(perNode.getOrDefault(node, Map.of()), base, "node " + node + ": "));
            } catch (IllegalArgumentException e) {
                throw error("Per-node credentials, " + e.getMessage(), null);
            }
        }
        return result;
    }

    /** The scheduled faults of the cluster, each checked against it (the faults of hosts are {@link #hostFaults}'). */
    public static List<ScheduledFault> faults(ILaunchConfiguration config, ClusterSource source) throws CoreException {
        List<ScheduledFault> faults = new ArrayList<>();
        int number = 0;
        for (String line : config.getAttribute(RsmLaunching.ATTR_FAULTS, List.of())) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#") || HostFault.isHostFault(line.strip())) {
                continue;
            }
            try {
                faults.add(checkFault(line.strip(), source.spec()));
            } catch (IllegalArgumentException e) {
                throw error("Faults, line " + number + ": " + e.getMessage(), null);
            }
        }
        return faults;
    }

    /** Parses one fault and checks that its nodes and link are in the cluster. */
    public static ScheduledFault checkFault(String text, ClusterSpec spec) {
        ScheduledFault fault = ScheduledFault.parse(text);
        // the plan checks nodes and links: build a one-node plan around the fault to reuse its checks
        LaunchPlan.builder(spec).mainClass("Check").onNodes(List.of(spec.nodes().get(0).id())).fault(fault).build();
        return fault;
    }

    /**
     * The scheduled faults of the hosts of a launch across hosts: the {@code kill-host:}, {@code host-link-down:} and
     * {@code host-link-up:} lines of the Faults tab, each checked against the configuration's hosts file.
     */
    public static List<HostFault> hostFaults(ILaunchConfiguration config) throws CoreException {
        try {
            return hostFaults(config.getAttribute(RsmLaunching.ATTR_FAULTS, List.of()), zooKeeper(config), hostsFile(config));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), null);
        }
    }

    /**
     * The faults of hosts among the lines of the Faults tab, each checked against the hosts file as {@code rsm-launch
     * --fault} checks it (the host names, a link's hosts' addresses); the other lines are {@link #checkFault}'s.
     *
     * @param zookeeper the configuration's ZooKeeper ensemble, null for a local cluster
     * @param hostsFile its hosts file, null for none
     * @throws IllegalArgumentException "Faults, line N: " and what to change
     */
    public static List<HostFault> hostFaults(List<String> faultLines, String zookeeper, Path hostsFile) {
        List<HostFault> faults = new ArrayList<>();
        HostsFile hosts = null;
        int number = 0;
        for (String line : faultLines) {
            number++;
            String text = line.strip();
            if (!HostFault.isHostFault(text)) {
                continue;
            }
            try {
                HostFault fault = HostFault.parse(text);
                if (zookeeper == null || hostsFile == null) {
                    throw new IllegalArgumentException(text + " names a host: it needs a hosts file on the Hosts tab (a distributed"
                            + " cluster whose nodes run on several hosts).");
                }
                if (hosts == null) {
                    hosts = DistributedLaunch.readHosts(zookeeper, hostsFile);
                }
                fault.check(hosts);
                faults.add(fault);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Faults, line " + number + ": " + e.getMessage(), e);
            } catch (LaunchArgumentException e) {
                throw new IllegalArgumentException("Faults, line " + number + ": " + distributedMessage(e), e);
            }
        }
        return faults;
    }

    /**
     * The launch plan of the configuration.
     *
     * @param classPath the program's class path (resolved by the delegate), without the RSMAPI and emulator entries
     * @param vmArguments the JVM arguments of every node (substituted and split)
     * @param programArguments the program arguments of every node (substituted and split)
     */
    public static LaunchPlan plan(ILaunchConfiguration config, ClusterSource source, List<Path> classPath, List<String> vmArguments,
            List<String> programArguments) throws CoreException {
        String main = config.getAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, "").strip();
        List<Integer> running = runningNodes(config, source);
        Map<Integer, Map<String, String>> program = programSettings(config, source, running);
        if (main.isEmpty() && running.stream().anyMatch(n -> !program.getOrDefault(n, Map.of()).containsKey("main"))) {
            throw error("No main class: set the main class of the program (or one for every node that runs it).", null);
        }
        LaunchPlan.Builder builder = LaunchPlan.builder(source.spec()).classPath(classPath).jvmArguments(vmArguments)
                .mainClass(main.isEmpty() ? null : main).arguments(programArguments).onNodes(running);
        for (Map.Entry<Integer, Map<String, String>> node : program.entrySet()) {
            int id = node.getKey();
            for (Map.Entry<String, String> setting : node.getValue().entrySet()) {
                switch (setting.getKey()) {
                case "main" -> builder.mainClass(id, setting.getValue());
                case "args" -> builder.arguments(id, split(setting.getValue()));
                case "jvm" -> builder.jvmArguments(id, split(setting.getValue()));
                default -> throw new IllegalStateException(setting.getKey());
                }
            }
        }
        credentials(config, source, running).forEach(builder::credentials);
        faults(config, source).forEach(builder::fault);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw error(capitalize(e.getMessage()), null);
        }
    }

    /**
     * The distributed launch of the configuration ({@link RsmLaunching#ATTR_ZOOKEEPER}, {@link RsmLaunching#ATTR_SESSION_TIMEOUT},
     * {@link RsmLaunching#ATTR_HOSTS_FILE}), checked against its plan and its faults of hosts ({@link #hostFaults}) as
     * {@code rsm-launch --zookeeper --session-timeout --hosts} checks them, or null for a local cluster.
     */
    public static DistributedLaunch distributed(ILaunchConfiguration config, LaunchPlan plan) throws CoreException {
        List<HostFault> hostFaults = hostFaults(config);
        String zookeeper = zooKeeper(config);
        try {
            return DistributedLaunch.of(zookeeper, zookeeper == null ? null : sessionTimeout(config), hostsFile(config), plan,
                    hostFaults);
        } catch (LaunchArgumentException e) {
            throw error(distributedMessage(e), null);
        }
    }

    /** The configuration's ZooKeeper ensemble ({@link RsmLaunching#ATTR_ZOOKEEPER}), or null for a local cluster. */
    public static String zooKeeper(ILaunchConfiguration config) throws CoreException {
        String zookeeper = config.getAttribute(RsmLaunching.ATTR_ZOOKEEPER, "").strip();
        return zookeeper.isEmpty() ? null : zookeeper;
    }

    /** The session timeout of the configuration's distributed cluster ({@link RsmLaunching#ATTR_SESSION_TIMEOUT}). */
    public static Duration sessionTimeout(ILaunchConfiguration config) throws CoreException {
        return Duration.ofMillis(config.getAttribute(RsmLaunching.ATTR_SESSION_TIMEOUT,
                (int) DistributedBackend.DEFAULT_SESSION_TIMEOUT.toMillis()));
    }

    /** The configuration's hosts file ({@link RsmLaunching#ATTR_HOSTS_FILE}, variables substituted), or null. */
    public static Path hostsFile(ILaunchConfiguration config) throws CoreException {
        return hostsFile(config.getAttribute(RsmLaunching.ATTR_HOSTS_FILE, ""));
    }

    private static Path hostsFile(String text) throws CoreException {
        if (text.isBlank()) {
            return null;
        }
        String substituted = VariablesPlugin.getDefault().getStringVariableManager().performStringSubstitution(text.strip());
        try {
            return Path.of(substituted);
        } catch (InvalidPathException e) {
            throw error("Hosts file: \"" + substituted + "\" is not a path.", null);
        }
    }

    /**
     * What is wrong with a distributed cluster's settings as the Hosts tab has them (the ensemble's form, the hosts file
     * as its parser reads it, with FILE:LINE, and whether the hosts can reach the ensemble), or null when nothing is; what
     * needs the cluster (which nodes are on which host) is checked when the configuration is launched.
     *
     * @param zookeeper {@code embedded} or HOST:PORT[,HOST:PORT...], null for a local cluster
     * @param hostsFileText the hosts file as the user typed it (variables allowed), empty for none
     */
    public static String distributedProblem(String zookeeper, String hostsFileText) {
        try {
            if (zookeeper == null) {
                return hostsFileText.isBlank() ? null : "Hosts file: a local cluster runs every node here; choose a distributed cluster.";
            }
            DistributedLaunch.checkZooKeeper(zookeeper);
            Path hosts = hostsFile(hostsFileText);
            if (hosts != null) {
                DistributedLaunch.readHosts(zookeeper, hosts);
            }
            return null;
        } catch (LaunchArgumentException e) {
            return distributedMessage(e);
        } catch (CoreException e) {
            return e.getStatus().getMessage();
        }
    }

    /**
     * A message of {@link DistributedLaunch} for the IDE: "ZooKeeper", "Hosts file" and "Session timeout" for the options
     * that it names.
     */
    private static String distributedMessage(LaunchArgumentException e) {
        String message = e.getMessage().replace("--zookeeper", "ZooKeeper").replace("--hosts", "Hosts file")
                .replace("--session-timeout", "Session timeout").replace("--fault", "Fault");
        return capitalize(message) + (message.endsWith(".") ? "" : ".");
    }

    /** Whether a debug launch suspends every node when one suspends ({@link RsmLaunching#ATTR_SUSPEND_ALL_NODES}, on by default). */
    public static boolean suspendAllNodes(ILaunchConfiguration config) throws CoreException {
        return config.getAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, true);
    }

    /**
     * How the run is recorded, into a new folder of its own in the configuration's recording folder (made here, 0700), or
     * null when the configuration does not record ({@link RsmLaunching#ATTR_RECORD}).
     *
     * @param startTime when the run starts: it names the run's folder
     */
    public static RecordingSettings recording(ILaunchConfiguration config, LocalDateTime startTime) throws CoreException {
        if (!config.getAttribute(RsmLaunching.ATTR_RECORD, false)) {
            return null;
        }
        Path folder = recordFolder(config);
        int limit = config.getAttribute(RsmLaunching.ATTR_RECORD_LIMIT_MIB, RsmLaunching.DEFAULT_RECORD_LIMIT_MIB);
        if (limit < 1) {
            throw error("Recording: each process's log must hold at least 1 MiB, not " + limit + ".", null);
        }
        RecordingSettings.AtLimit atLimit = choice("what a full log does", config.getAttribute(RsmLaunching.ATTR_RECORD_AT_LIMIT, "stop"),
                RecordingSettings.AtLimit.class);
        RecordingSettings.CallSites callSites = choice("call sites", config.getAttribute(RsmLaunching.ATTR_RECORD_CALL_SITES, "control"),
                RecordingSettings.CallSites.class);
        String name = fileName(config.getName()) + "-" + startTime.format(RUN_FOLDER_TIME);
        Path run;
        try {
            run = Recording.createFolder(folder, name, RUN_FOLDER_SUFFIX);
        } catch (IOException e) {
            throw error("Recording: cannot make a folder for the run in " + folder + ": " + e.getMessage()
                    + " (choose another folder on the Recording tab).", e);
        }
        return new RecordingSettings(run, (long) limit << 20, atLimit, callSites,
                config.getAttribute(RsmLaunching.ATTR_RECORD_FULL_GETS, false));
    }

    /** Whether the configuration's runs detect races ({@link RsmLaunching#ATTR_DETECT_RACES}, off by default). */
    public static boolean detectRaces(ILaunchConfiguration config) throws CoreException {
        return config.getAttribute(RsmLaunching.ATTR_DETECT_RACES, false);
    }

    /**
     * Where the race report of a run goes: {@value RsmLaunching#RACE_REPORT_FILE} in the run's recording folder when it is
     * recorded ({@code recording} not null), else {@code races/NAME.json} in this plug-in's state location, which the
     * configuration's next run replaces.
     */
    public static Path raceReportFile(ILaunchConfiguration config, RecordingSettings recording) throws IOException {
        if (recording != null) {
            return recording.directory().resolve(RsmLaunching.RACE_REPORT_FILE);
        }
        Path folder = Platform.getStateLocation(Platform.getBundle(RsmLaunching.PLUGIN_ID)).toPath().resolve("races");
        Files.createDirectories(folder);
        return folder.resolve(fileName(config.getName()) + ".json");
    }

    /** A configuration's name as a file name: characters other than letters, digits, '.', '_' and '-' become '_'. */
    private static String fileName(String configurationName) {
        return configurationName.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** The folder that receives the configuration's recordings: the one set, or the project's {@code recordings}. */
    public static Path recordFolder(ILaunchConfiguration config) throws CoreException {
        String folder = config.getAttribute(RsmLaunching.ATTR_RECORD_FOLDER, "").strip();
        if (!folder.isEmpty()) {
            return recordFolder(folder);
        }
        String projectName = config.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "").strip();
        IResource project = projectName.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(projectName);
        if (project == null || project.getLocation() == null) {
            throw error("Recording: the configuration has no project to keep its recordings in; choose a folder on the Recording tab.", null);
        }
        return project.getLocation().toPath().resolve(RsmLaunching.DEFAULT_RECORD_FOLDER);
    }

    /** The folder that text names for recordings, its variables substituted; it must be an absolute path. */
    public static Path recordFolder(String text) throws CoreException {
        String substituted = VariablesPlugin.getDefault().getStringVariableManager().performStringSubstitution(text.strip());
        try {
            Path path = Path.of(substituted);
            if (path.isAbsolute()) {
                return path;
            }
        } catch (InvalidPathException e) {
            // said below
        }
        throw error("Recording: the folder \"" + text.strip() + "\" is not an absolute path.", null);
    }

    private static <E extends Enum<E>> E choice(String what, String text, Class<E> choices) throws CoreException {
        for (E choice : choices.getEnumConstants()) {
            if (choice.name().equalsIgnoreCase(text)) {
                return choice;
            }
        }
        throw error("Recording: \"" + text + "\" is not a setting of " + what + ".", null);
    }

    /** Substitutes variables (${project_loc} and so on) and splits the text as a command line (quotes group, and are removed). */
    public static List<String> split(String text) throws CoreException {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String substituted = VariablesPlugin.getDefault().getStringVariableManager().performStringSubstitution(text);
        return List.of(DebugPlugin.parseArguments(substituted));
    }

    /** The extra class path entries, each checked to exist. */
    public static List<Path> extraClassPath(ILaunchConfiguration config) throws CoreException {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : config.getAttribute(RsmLaunching.ATTR_EXTRA_CLASSPATH, List.of())) {
            if (entry.isBlank()) {
                continue;
            }
            String substituted = VariablesPlugin.getDefault().getStringVariableManager().performStringSubstitution(entry.strip());
            Path path = Path.of(substituted);
            if (!java.nio.file.Files.exists(path)) {
                throw error("Extra class path entry " + path + " does not exist.", null);
            }
            entries.add(path);
        }
        return List.copyOf(entries);
    }

    private static String capitalize(String message) {
        return message == null || message.isEmpty() ? "" + message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    static CoreException error(String message, Throwable cause) {
        return new CoreException(Status.error(message, cause));
    }

    static IStatus status(String message) {
        return Status.error(message);
    }
}
