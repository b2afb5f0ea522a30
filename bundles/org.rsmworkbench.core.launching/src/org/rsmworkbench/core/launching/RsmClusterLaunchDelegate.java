// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.launching.AbstractJavaLaunchConfigurationDelegate;
import org.eclipse.jdt.launching.IVMInstall;
import org.eclipse.jdt.launching.IVMInstall2;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration.ClusterSource;
import org.rsmworkbench.core.launching.internal.ClusterLaunchSession;
import org.rsmworkbench.core.launching.internal.ClusterProcess;
import org.rsmworkbench.core.launching.internal.DistributedBackends;
import org.rsmworkbench.core.launching.internal.NodeDebugConnector;
import org.rsmworkbench.core.launching.internal.NodeProcessStarter;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.launch.DistributedLaunch;
import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.emulator.launch.JavaRelease;
import org.rsmworkbench.emulator.launch.LaunchPlan;
import org.rsmworkbench.emulator.launch.LauncherRecording;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.emulator.launch.NodeStartupCache;
import org.rsmworkbench.emulator.launch.NodeLaunch;
import org.rsmworkbench.emulator.launch.RaceRun;
import org.rsmworkbench.emulator.trace.RecordingSettings;

/**
 * Launches an "RSM Cluster Application": starts the cluster of the configuration, then one JVM per node that
 * runs the program (the project's class path, the extra entries, then the RSMAPI and emulator bundles), each
 * an {@link IProcess} of the launch with a console labelled "node N (uid=… gid=…)", plus the cluster itself as
 * a process whose console reports faults and exit statuses. In debug mode every node JVM connects to a JDT
 * debugger: one debug target "node N" per node; the nodes start once all are connected and, unless the
 * configuration says otherwise, suspend and resume together. The command lines come from the launch engine
 * ({@link LaunchPlan}, {@link NodeCommandBuilder}); faults are injected by its fault scheduler once every node
 * has joined. A recorded launch ({@link RsmLaunching#ATTR_RECORD}) records into a new folder of its own, named on
 * the cluster's console. A race-detecting launch ({@link RsmLaunching#ATTR_DETECT_RACES}) runs its node JVMs as
 * {@code rsm-launch --races} does ({@link RaceRun}) and, once they have ended, writes its report and announces it to
 * {@link RaceReports}. A distributed launch ({@link RsmLaunching#ATTR_ZOOKEEPER}, {@link RsmLaunching#ATTR_HOSTS_FILE}) is
 * {@code rsm-launch --zookeeper [--hosts]}'s ({@link DistributedLaunch}): its registry is made in ZooKeeper (its connect
 * string on the cluster's console and in {@link RsmLaunching#PROCESS_ATTR_REGISTRY}), the class path is copied to the hosts
 * when the hosts file says {@code classpath shipped}, the node JVMs run on their hosts, the faults of the hosts on the
 * Faults tab ({@code kill-host:}, {@code host-link-down:}, {@code host-link-up:}) are injected as rsm-launch injects them
 * and logged on the cluster's console, and the registry is removed (an
 * embedded ensemble stopped) when the cluster stops. The cluster stops and its directory is removed when every node JVM has ended. A node that a restart
 * (a fault of the Faults tab, or Restart Node in the Clusters view) brings up again runs its program again.
 */
public class RsmClusterLaunchDelegate extends AbstractJavaLaunchConfigurationDelegate {
    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Launching " + config.getName(), 10);
        boolean debug = ILaunchManager.DEBUG_MODE.equals(mode);

        ClusterSource source = ClusterLaunchConfiguration.cluster(config);
        IVMInstall vm = verifyVMInstall(config);
        List<Path> classPath = programClassPath(config, vm);
        List<String> vmArguments = List.of(DebugPlugin.parseArguments(getVMArguments(config)));
        List<String> programArguments = List.of(DebugPlugin.parseArguments(getProgramArguments(config)));
        LaunchPlan plan = ClusterLaunchConfiguration.plan(config, source, classPath, vmArguments, programArguments);
        DistributedLaunch distributed = ClusterLaunchConfiguration.distributed(config, plan);
        List<HostFault> hostFaults = ClusterLaunchConfiguration.hostFaults(config);
        Path java = javaExecutable(vm);
        File workingDirectory = verifyWorkingDirectory(config);
        String[] environment = getEnvironment(config);
        List<Path> runtime;
        try {
            runtime = RsmRuntime.runtimeEntries();
        } catch (IOException e) {
            throw ClusterLaunchConfiguration.error("Cannot put the RSM API and emulator on the node JVMs' class path: " + e.getMessage(), e);
        }
        progress.worked(1);
        if (progress.isCanceled()) {
            return;
        }
        // last before the launch: it makes the run's folder, which a launch that fails before recording removes
        RecordingSettings recordingSettings = ClusterLaunchConfiguration.recording(config, LocalDateTime.now());

        Map<Integer, NodeDebugConnector> debuggers = new LinkedHashMap<>();
        EmulatedCluster cluster = null;
        ClusterLaunchSession session = null;
        LauncherRecording recording = null;
        RaceRun races = null;
        DistributedBackend.LaunchedRegistry registry = null;
        try {
            NodeCommandBuilder commands = new NodeCommandBuilder(plan).javaExecutable(java).runtimeClassPath(runtime)
                    .startupCache(NodeStartupCache.inUserCacheDirectory()).recording(recordingSettings);
            if (ClusterLaunchConfiguration.detectRaces(config)) {
                RaceReports.started(launch);
                try {
                    // as rsm-launch --races: the agent, and a recording of every call site (private unless the run is recorded)
                    races = RaceRun.prepare(ClusterLaunchConfiguration.raceReportFile(config, recordingSettings), commands);
                } catch (IOException e) {
                    throw ClusterLaunchConfiguration.error("Cannot prepare race detection: " + e.getMessage(), e);
                }
            }
            RecordingSettings recorded = commands.recording();
            if (recorded != null) {
                try {
                    recording = LauncherRecording.open(recorded, config.getName());
                } catch (IOException e) {
                    throw ClusterLaunchConfiguration.error("Cannot record into " + recorded.directory() + ": " + e.getMessage()
                            + " (choose another folder on the Recording tab).", e);
                }
            }
            List<String> registryLog = new ArrayList<>(); // for the cluster's console, once it is there
            if (distributed != null) {
                progress.subTask("Making the registry in ZooKeeper " + distributed.zookeeper());
                try {
                    registry = distributed.open(DistributedBackends.find(), commands, registryLog::add);
                } catch (IOException e) {
                    throw ClusterLaunchConfiguration.error("Cannot make the registry of the distributed cluster in ZooKeeper "
                            + distributed.zookeeper() + ": " + e.getMessage(), e);
                }
            }
            progress.subTask("Starting the cluster " + source.describe());
            try {
                cluster = source.start();
            } catch (IOException | RuntimeException e) {
                throw ClusterLaunchConfiguration.error("Cannot start the cluster " + source.describe() + ": " + e.getMessage(), e);
            }
            Map<String, String> clusterAttributes = new HashMap<>();
            clusterAttributes.put(IProcess.ATTR_PROCESS_TYPE, RsmLaunching.PROCESS_TYPE_CLUSTER);
            clusterAttributes.put(RsmLaunching.PROCESS_ATTR_CLUSTER_DIRECTORY, cluster.directory().toString());
            if (recordingSettings != null) {
                clusterAttributes.put(RsmLaunching.PROCESS_ATTR_RECORDING, recordingSettings.directory().toString());
            }
            if (races != null) {
                clusterAttributes.put(RsmLaunching.PROCESS_ATTR_RACE_REPORT, races.reportFile().toString());
            }
            if (registry != null) {
                clusterAttributes.put(RsmLaunching.PROCESS_ATTR_REGISTRY, registry.connectString());
            }
            String runLabel = ClusterLaunchSession.runLabel(config.getName());
            ClusterProcess clusterProcess = new ClusterProcess(launch, "cluster " + source.spec().name() + " ("
                    + (source.file() != null ? source.file().getFullPath() + ", " : "") + plan.nodes().size() + " of "
                    + source.spec().nodes().size() + " nodes run " + runLabel + (registry != null ? ", distributed" : "") + ")",
                    clusterAttributes);
            session = new ClusterLaunchSession(launch, cluster, clusterProcess, plan.faults(), runLabel);
            if (registry != null) {
                session.distributed(registry); // from now on the session's end removes it
                registry = null;
            }
            if (commands.hosts() != null) {
                session.acrossHosts(commands.hosts(), hostFaults);
            }
            if (races != null) {
                session.detectRaces(races); // from now on the session's end analyses the run, or discards it
            }
            clusterProcess.log("cluster " + source.describe() + " started in " + cluster.directory());
            registryLog.forEach(clusterProcess::log);
            clusterProcess.log("java " + java + "; class path " + commands.classPath());
            if (recording != null) {
                session.recordInto(recording.runningOn(commands.hosts(), clusterProcess::log), recordingSettings != null);
                if (recordingSettings != null) {
                    clusterProcess.log("recording every RSM call into " + recording.directory());
                }
            }
            if (races != null) {
                clusterProcess.log("detecting races: the report goes to " + races.reportFile() + " when the run ends");
            }
            progress.worked(1);

            if (commands.hosts() != null) {
                progress.subTask("Copying the class path to the hosts");
                try {
                    commands.shipClassPath(clusterProcess::log);
                } catch (IOException e) {
                    throw ClusterLaunchConfiguration.error(e.getMessage() + ".", e);
                }
            }
            NodeProcessStarter starter = new NodeProcessStarter(launch, commands, session, workingDirectory, environment, debug);
            session.restartProgramsWith(starter);
            SubMonitor nodes = progress.split(6).setWorkRemaining(plan.nodes().size() * 2);
            Map<Integer, IProcess> processes = new LinkedHashMap<>();
            // every node's debugger first: a node whose host has no address for it stops the launch before any JVM starts
            List<NodeLaunch> runs = new ArrayList<>();
            for (NodeLaunch node : plan.nodes()) {
                NodeLaunch run = node;
                if (debug) {
                    NodeDebugConnector debugger = NodeDebugConnector.listen();
                    debuggers.put(node.nodeId(), debugger);
                    run = starter.withDebugAgent(node, debugger);
                }
                runs.add(run);
            }
            for (NodeLaunch run : runs) {
                if (nodes.isCanceled()) {
                    throw new CoreException(Status.CANCEL_STATUS);
                }
                nodes.subTask("Starting node " + run.nodeId());
                processes.put(run.nodeId(), starter.exec(run));
                nodes.worked(1);
            }
            List<IDebugTarget> targets = new ArrayList<>();
            for (Map.Entry<Integer, NodeDebugConnector> debugger : debuggers.entrySet()) {
                nodes.subTask("Connecting the debugger to node " + debugger.getKey());
                targets.add(debugger.getValue().connect(launch, "node " + debugger.getKey(), processes.get(debugger.getKey()), nodes.split(1)));
            }
            if (debug) {
                session.offerMemoryBlocks();
                session.startDebugTargets(targets, ClusterLaunchConfiguration.suspendAllNodes(config));
            }
            session.startFaults();
            if (!plan.faults().isEmpty() || !hostFaults.isEmpty()) {
                List<Object> scheduled = new ArrayList<>(plan.faults());
                scheduled.addAll(hostFaults);
                clusterProcess.log("faults " + scheduled + " are injected once every node has joined the cluster");
            }
        } catch (CoreException | RuntimeException e) {
            debuggers.values().forEach(NodeDebugConnector::stop);
            if (session != null) {
                session.terminateAll();
                session.finish();
            } else {
                if (cluster != null) {
                    cluster.close();
                }
                if (recording != null) {
                    recording.close();
                } else if (recordingSettings != null) {
                    removeUnusedFolder(recordingSettings.directory());
                }
                if (races != null) {
                    races.discard();
                }
            }
            if (registry != null) {
                registry.close();
            }
            throw e;
        }
    }

    /** Removes the run's recording folder when nothing was recorded into it (a folder that holds anything stays). */
    private static void removeUnusedFolder(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException notEmpty) {
            // what is in it stays
        }
    }

    /** The program's class path: the project's runtime class path (and module path), then the extra entries. */
    private List<Path> programClassPath(ILaunchConfiguration config, IVMInstall vm) throws CoreException {
        List<Path> entries = new ArrayList<>();
        Path jre = vm.getInstallLocation() == null ? null : vm.getInstallLocation().toPath().toAbsolutePath();
        String[][] paths = getClasspathAndModulepath(config);
        for (String[] part : paths) {
            if (part != null) {
                for (String entry : part) {
                    Path path = Path.of(entry);
                    if (jre != null && path.toAbsolutePath().startsWith(jre)) {
                        continue; // the JRE's own libraries (jrt-fs.jar of a modular JRE) are not the program's
                    }
                    if (!Files.exists(path)) {
                        throw ClusterLaunchConfiguration.error("Class path entry " + path + " does not exist"
                                + (path.endsWith("bin") || path.toString().contains("/bin") ? " (is the project built?)" : "") + ".", null);
                    }
                    entries.add(path);
                }
            }
        }
        entries.addAll(ClusterLaunchConfiguration.extraClassPath(config));
        return entries;
    }

    /** The java launcher of the configuration's JRE, which must be Java 25 or newer. */
    static Path javaExecutable(IVMInstall vm) throws CoreException {
        if (vm instanceof IVMInstall2 v2 && v2.getJavaVersion() != null) {
            if (JavaRelease.tooOld(v2.getJavaVersion())) {
                throw ClusterLaunchConfiguration.error("The JRE " + vm.getName() + " is Java " + v2.getJavaVersion()
                        + "; node JVMs need Java " + JavaRelease.MINIMUM + " or newer (choose one on the JRE tab).", null);
            }
        }
        File home = vm.getInstallLocation();
        for (String name : List.of("bin/java", "bin/java.exe", "jre/bin/java")) {
            Path java = home.toPath().resolve(name);
            if (Files.isExecutable(java)) {
                return java;
            }
        }
        throw ClusterLaunchConfiguration.error("The JRE " + vm.getName() + " at " + home + " has no bin/java launcher.", null);
    }
}
