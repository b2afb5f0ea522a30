// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchesListener2;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.rsmworkbench.core.clusters.NodePrograms;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.debug.ClusterDebugTarget;
import org.rsmworkbench.core.launching.RaceReports;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.launch.FaultInjector;
import org.rsmworkbench.emulator.launch.FaultScheduler;
import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.emulator.launch.HostFaultInjector;
import org.rsmworkbench.emulator.launch.HostsFile;
import org.rsmworkbench.emulator.launch.LauncherRecording;
import org.rsmworkbench.emulator.launch.LaunchRunner;
import org.rsmworkbench.emulator.launch.RaceRun;
import org.rsmworkbench.emulator.launch.ScheduledFault;
import org.rsmworkbench.emulator.race.RaceReport;

/**
 * The lifetime of a cluster started by a launch: registered with {@link RunningClusters} while it runs, its
 * faults injected once every node JVM has joined, and stopped (directory removed, unregistered) when every
 * node JVM of the launch has ended, when the user terminates the cluster process, or when the launch is
 * removed. Every fault, scheduled on the Faults tab or injected from a view, is logged on the cluster's console
 * with its time and source (the faults of the hosts of a launch across hosts too, {@link #acrossHosts}); a node that a
 * restart brings up again gets its program started again. Node exit statuses are reported on the cluster's console and
 * to the cluster's {@link NodePrograms} (a node that was asked to terminate as "terminated"). In debug mode it starts
 * the node JVMs' targets, suspending and resuming them together when the launch asks for it ({@link SuspendAllNodes}). A race-detecting launch is analysed once the cluster
 * has stopped, before the cluster's process ends.
 */
public final class ClusterLaunchSession implements IDebugEventSetListener, ILaunchesListener2 {
    /** How many times each launch configuration (by name) was run since the IDE started. */
    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Where the launch configuration's scheduled faults come from, in their console lines: "(Faults tab: kill:2@500ms)". */
    public static final String FAULTS_TAB = "Faults tab:";
    /** How long Terminate Cluster gives the node JVMs of the stopped cluster to end by themselves. */
    private static final Duration STOP_NOTICE = Duration.ofMillis(500);
    /** How long the end of a recorded launch waits for the node JVMs' ends to be in the recording. */
    private static final Duration RECORDING_CLOSE_WAIT = Duration.ofSeconds(10);
    /** The sessions of the launches whose cluster runs. */
    private static final Map<ILaunch, ClusterLaunchSession> SESSIONS = new ConcurrentHashMap<>();

    /** Starts the program of a node again, in a new JVM of the launch. */
    @FunctionalInterface
    public interface NodeStarter {
        /**
         * Starts the program of {@code node} in a new JVM and adds it with {@link ClusterLaunchSession#addNode}; does
         * nothing when the launch runs no program there.
         */
        void start(int node, IProgressMonitor monitor) throws CoreException;
    }

    private final ILaunch launch;
    private final EmulatedCluster cluster;
    private final ClusterProcess clusterProcess;
    private final FaultInjector injector;
    private final FaultScheduler faults;
    private final String label;
    private final RunningCluster entry;
    /** Every node JVM of the launch (restarted ones included), with its node id and pid. */
    private final Map<IProcess, Integer> nodes = new ConcurrentHashMap<>();
    private final Map<IProcess, Long> pids = new ConcurrentHashMap<>();
    /**
     * The last process started for each node, by node id: its JVM, or the prefix process that started it on a host (a
     * kill-host fault kills it, then the JVM that the registry knows).
     */
    private final Map<Integer, Process> lastJvms = new ConcurrentHashMap<>();
    /** Held by {@link #terminateAll()}: one ends the nodes at a time. */
    private final Object terminating = new Object();
    /** Guarded by this, as the fields below. */
    private final Set<IProcess> ended = new HashSet<>();
    /** The exit status of each node's last JVM that ended. */
    private final Map<Integer, Integer> exitStatuses = new TreeMap<>();
    private final Set<Integer> terminatedNodes = new TreeSet<>();
    /** The first JVM of each node (the process the launch started: the JVM, or the prefix that runs it on its host). */
    private final Map<Integer, ProcessHandle> handles = new HashMap<>();
    /** How many programs are being started again: the cluster does not stop meanwhile. */
    private int restarting;
    private boolean stopping;
    private boolean finished;
    private ClusterDebugTarget memory;
    /** Debug mode: the group of node targets suspended and resumed together, or null. */
    private SuspendAllNodes suspendAll;
    private volatile NodeStarter starter;
    /** The launcher's log of a recorded or race-detecting launch, or null. */
    private volatile LauncherRecording recording;
    /** Whether the recording is the user's (else race detection's private one, removed after the analysis). */
    private volatile boolean recordingKept;
    /** The race detection of a race-detecting launch, or null. */
    private volatile RaceRun races;
    /** The registry of a distributed cluster, closed when the cluster stops, or null. */
    private volatile DistributedBackend.LaunchedRegistry registry;
    /** The faults of the hosts of a launch across hosts, or null. */
    private volatile HostFaultInjector hostFaults;

    public ClusterLaunchSession(ILaunch launch, EmulatedCluster cluster, ClusterProcess clusterProcess, List<ScheduledFault> faults,
            String label) {
        this.launch = launch;
        this.cluster = cluster;
        this.clusterProcess = clusterProcess;
        this.label = label;
        this.injector = new FaultInjector(cluster, clusterProcess::log).restartPrograms(this::startAgain);
        this.faults = new FaultScheduler(injector, faults, FAULTS_TAB);
        this.entry = RunningClusters.getDefault().addLaunched(cluster, label, injector);
        DebugPlugin.getDefault().addDebugEventListener(this);
        DebugPlugin.getDefault().getLaunchManager().addLaunchListener(this);
        clusterProcess.register(this::terminateAll);
        entry.terminatedBy(this::terminateAll); // the Clusters view's Terminate Cluster
        SESSIONS.put(launch, this);
    }

    /** The group of node JVMs of a debug launch that suspend and resume together, or null (none, or the launch ended). */
    public static SuspendAllNodes suspendAllNodesOf(ILaunch launch) {
        ClusterLaunchSession session = SESSIONS.get(launch);
        if (session == null) {
            return null;
        }
        synchronized (session) {
            return session.finished ? null : session.suspendAll;
        }
    }

    /**
     * What the views call a run of that launch configuration: its name, the run's number among the runs of that
     * configuration since the IDE started, and the start time, e.g. {@code "demo #2 (14:03:12)"}; two runs of one
     * configuration are told apart.
     */
    public static String runLabel(String configurationName) {
        int run = RUNS.computeIfAbsent(configurationName, _ -> new AtomicInteger()).incrementAndGet();
        return configurationName + " #" + run + " (" + LocalTime.now().format(START_TIME) + ")";
    }

    public EmulatedCluster cluster() {
        return cluster;
    }

    /** The cluster's console. */
    public ClusterProcess clusterProcess() {
        return clusterProcess;
    }

    /** Who starts the program of a restarted node again (without one, a restarted node stays empty). */
    public void restartProgramsWith(NodeStarter nodeStarter) {
        starter = nodeStarter;
    }

    /**
     * Records the faults and the node JVMs' starts and ends of the launch into {@code launcherRecording}, which is
     * closed when the cluster stops; call before the first node JVM starts.
     *
     * @param kept whether the recording is the user's (shown in the views, announced when it ends), not race
     *            detection's private one
     */
    public void recordInto(LauncherRecording launcherRecording, boolean kept) {
        recording = launcherRecording;
        recordingKept = kept;
        launcherRecording.recordFaults(injector);
        if (kept) {
            entry.recordedInto(launcherRecording.directory());
        }
    }

    /**
     * Analyses the run for races when the cluster has stopped (once every node JVM has ended and the recording is
     * closed), writes the report and announces it to {@link RaceReports}.
     */
    public void detectRaces(RaceRun raceRun) {
        races = raceRun;
    }

    /**
     * Makes the cluster distributed, its registry {@code launchedRegistry}: the faults go into it too, for the node processes
     * ({@link FaultInjector#distributed}), and the registry is removed (an embedded ensemble stopped) when the cluster
     * stops.
     */
    public void distributed(DistributedBackend.LaunchedRegistry launchedRegistry) {
        injector.distributed(launchedRegistry);
        cluster.addRegistry(launchedRegistry); // the deadlock detection and the views see node JVMs with files of their own
        registry = launchedRegistry;
    }

    /**
     * Makes the launch one across the hosts of {@code hosts}: the faults of its hosts are injected as {@code rsm-launch}
     * injects them ({@link HostFaultInjector}), {@code scheduled} on the clock of the other faults (call before
     * {@link #startFaults()}), each logged on the cluster's console like them, and the Clusters view offers them
     * ({@link RunningCluster#hostFaults()}); the links still cut are healed when the cluster stops. Call after
     * {@link #distributed}: a host's node JVMs are killed by the pids they recorded in its registry.
     */
    public void acrossHosts(HostsFile hosts, List<HostFault> scheduled) {
        HostFaultInjector hostInjector = new HostFaultInjector(hosts, registry, () -> Map.copyOf(lastJvms), injector::timed,
                clusterProcess::log, FAULTS_TAB);
        hostFaults = hostInjector;
        entry.acrossHosts(hostInjector);
        for (HostFault fault : scheduled) {
            faults.schedule(fault.at(), () -> hostInjector.inject(fault));
        }
    }

    /** Whether a JVM of the launch has run the program of {@code node} (a new one is then a start after a restart). */
    public boolean hasStarted(int node) {
        return entry.programs().of(node) != null;
    }

    /** Debug mode: the cluster joins the launch as a debug target whose segments the Memory view shows. */
    public synchronized void offerMemoryBlocks() {
        memory = new ClusterDebugTarget(launch, cluster);
        launch.addDebugTarget(memory);
    }

    /**
     * Debug mode: starts the node JVMs, whose targets were connected suspended at their start; with
     * {@code together}, as a group in which one node's suspension suspends all and a resume resumes all.
     */
    public void startDebugTargets(List<IDebugTarget> targets, boolean together) throws DebugException {
        if (together) {
            SuspendAllNodes group = new SuspendAllNodes(label);
            synchronized (this) {
                if (finished) {
                    group.dispose();
                    return;
                }
                suspendAll = group;
            }
            targets.forEach(group::add);
            group.resumeAll();
        } else {
            for (IDebugTarget target : targets) {
                target.resume();
            }
        }
    }

    /**
     * Debug mode: starts the target of a node's program started again after a restart (connected suspended at its
     * start), with the group of nodes suspended together when there is one.
     */
    public void startRestartedTarget(IDebugTarget target) throws DebugException {
        SuspendAllNodes group;
        synchronized (this) {
            group = suspendAll;
        }
        if (group != null) {
            group.join(target);
        } else {
            target.resume();
        }
    }

    /** A node JVM of the launch: at its start, or of a node whose program is started again after a restart. */
    public void addNode(int nodeId, IProcess process, Process jvm) {
        boolean again = hasStarted(nodeId);
        nodes.put(process, nodeId);
        pids.put(process, jvm.pid());
        lastJvms.put(nodeId, jvm);
        synchronized (this) {
            handles.putIfAbsent(nodeId, jvm.toHandle());
        }
        entry.programs().started(nodeId, jvm.pid());
        LauncherRecording launcherRecording = recording;
        if (launcherRecording != null) {
            launcherRecording.processStarted(nodeId, jvm);
        }
        if (again) {
            clusterProcess.log(injector.programStartedAgain(nodeId, jvm.pid()));
        }
        if (process.isTerminated()) {
            nodeEnded(process);
        }
    }

    /** Starts the fault clock once every node JVM has joined the cluster. */
    public synchronized void startFaults() {
        if (!finished) {
            faults.startWhenJoined(Map.copyOf(handles));
        }
    }

    /** A restart brought {@code node} up again: its program starts again in the background (a JVM takes a while). */
    private void startAgain(int node) {
        NodeStarter nodeStarter = starter;
        synchronized (this) {
            if (nodeStarter == null || finished || stopping) {
                return;
            }
            restarting++;
        }
        Job job = Job.create("Starting the program of node " + node + " again", monitor -> {
            try {
                nodeStarter.start(node, monitor);
            } catch (CoreException e) {
                clusterProcess.error(injector.timed("node " + node + ": its program could not be started again: "
                        + e.getStatus().getMessage()));
            } finally {
                restarted();
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void restarted() {
        boolean stop;
        boolean all;
        synchronized (this) {
            restarting--;
            stop = stopping;
            all = restarting == 0 && allEnded();
        }
        if (stop) {
            terminateNodes(); // the user terminated the launch while this program was starting
        } else if (all) {
            finish();
        }
    }

    /** Ends every node JVM (and its debug target); the cluster stops when they have ended. */
    public void terminateAll() {
        // a second call (Terminate Cluster is offered until the cluster is gone) waits for the first
        synchronized (terminating) {
            terminateAllOnce();
        }
    }

    private void terminateAllOnce() {
        boolean again;
        synchronized (this) {
            again = stopping;
            stopping = true;
        }
        if (again) { // only what still runs
            terminateNodes();
            return;
        }
        clusterProcess.log("terminating every node JVM");
        // stopped first, the cluster ends its node JVMs together: ended one by one (by JDT's terminate too, which waits
        // for each), each saw the ones before it go and its program reported that ("lost node 1", "ERROR ...")
        for (IProcess process : nodes.keySet()) {
            if (process instanceof NodeProcess jvm) {
                jvm.terminating();
            }
        }
        cluster.stopNodes();
        awaitStoppedNodes();
        for (IDebugTarget target : launch.getDebugTargets()) {
            if (target.canTerminate()) {
                try {
                    target.terminate();
                } catch (DebugException e) {
                    clusterProcess.error("cannot terminate " + target + ": " + e.getMessage());
                }
            }
        }
        terminateNodes(); // the JVMs that make no RSM call (suspended ones), or run on their own files (a distributed cluster)
        if (nodes.isEmpty()) {
            finish(); // otherwise the node processes' terminate events finish the session
        }
    }

    /**
     * Gives the node JVMs of a stopped cluster the time to notice (their watchers look every 0.1 s) before the ones still
     * running are sent SIGTERM: a JVM whose shutdown hooks ran first would end its segments under its peers.
     */
    private void awaitStoppedNodes() {
        long deadline = System.nanoTime() + STOP_NOTICE.toNanos();
        try {
            for (IProcess process : nodes.keySet()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                if (process instanceof NodeProcess jvm) {
                    jvm.awaitEnd(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void terminateNodes() {
        // every JVM is asked before one is waited for: each that ended before the next was asked was seen going
        for (IProcess process : nodes.keySet()) {
            if (process instanceof NodeProcess jvm) {
                jvm.askToEnd();
            }
        }
        for (IProcess process : nodes.keySet()) {
            if (process.canTerminate()) {
                try {
                    process.terminate();
                } catch (DebugException e) {
                    clusterProcess.error("cannot terminate " + process.getLabel() + ": " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        for (DebugEvent event : events) {
            if (event.getKind() == DebugEvent.TERMINATE && event.getSource() instanceof IProcess process && nodes.containsKey(process)) {
                nodeEnded(process);
            }
        }
    }

    private void nodeEnded(IProcess process) {
        int node = nodes.get(process);
        int status;
        try {
            status = process.getExitValue();
        } catch (DebugException e) {
            return;
        }
        // a JVM asked to terminate may still have ended with 0 on its own just before
        boolean terminated = status != 0 && process instanceof NodeProcess jvm && jvm.terminateRequested();
        boolean all;
        synchronized (this) {
            if (!ended.add(process)) {
                return;
            }
            exitStatuses.put(node, status);
            if (terminated) {
                terminatedNodes.add(node);
            } else {
                terminatedNodes.remove(node);
            }
            all = restarting == 0 && allEnded();
        }
        entry.programs().exited(node, pids.get(process), status, terminated);
        for (IDebugTarget target : launch.getDebugTargets()) {
            if (target.getProcess() == process && target instanceof NodeDebugTarget debugged) {
                debugged.processEnded();
            }
        }
        String line = "node " + node + " " + NodePrograms.outcome(status, terminated);
        if (status == 0 || terminated) {
            clusterProcess.log(line);
        } else {
            clusterProcess.error(line);
        }
        if (all) {
            finish();
        }
    }

    /** Under the lock: whether every node JVM started so far has ended. */
    private boolean allEnded() {
        return ended.containsAll(nodes.keySet());
    }

    /** Stops the cluster (once): pending faults cancelled, unregistered, directory removed. */
    public void finish() {
        int worst;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            worst = LaunchRunner.worstExitStatus(exitStatuses.values());
        }
        SESSIONS.remove(launch);
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.removeDebugEventListener(this);
            plugin.getLaunchManager().removeLaunchListener(this);
        }
        faults.close();
        RunningClusters.getDefault().remove(cluster);
        ClusterDebugTarget memoryTarget;
        synchronized (this) {
            memoryTarget = memory;
            if (suspendAll != null) {
                suspendAll.dispose();
            }
        }
        if (memoryTarget != null) {
            memoryTarget.clusterStopped();
        }
        // stop the cluster on a thread of its own: not the debug event thread (which must not block), nor a thread
        // that terminated a process (it may be interrupted, and the cluster's file locks do not survive interrupts)
        Thread.ofPlatform().name("rsm-cluster-stop " + cluster.directory().getFileName()).start(() -> {
            try {
                cluster.close();
                clusterProcess.log("exit statuses: " + summary() + "; cluster stopped, " + cluster.directory() + " removed");
            } catch (RuntimeException e) {
                clusterProcess.error("the cluster did not stop cleanly: " + e);
            } finally {
                healCutLinks();
                closeRegistry();
                closeRecording();
                reportRaces();
                clusterProcess.ended(worst);
            }
        });
    }

    /** A launch across hosts: heals the links between its hosts that its faults left cut. */
    private void healCutLinks() {
        HostFaultInjector hostInjector = hostFaults;
        if (hostInjector != null) {
            hostInjector.healCutLinks();
        }
    }

    /** A distributed cluster: removes its registry (and stops the embedded ensemble) once its node JVMs have ended. */
    private void closeRegistry() {
        DistributedBackend.LaunchedRegistry launchedRegistry = registry;
        if (launchedRegistry == null) {
            return;
        }
        try {
            launchedRegistry.close();
            clusterProcess.log("registry " + launchedRegistry.connectString() + " removed");
        } catch (RuntimeException e) {
            clusterProcess.error("the registry " + launchedRegistry.connectString() + " was not removed cleanly: " + e);
        }
    }

    /** A race-detecting launch: analyses its recording, now complete, and announces the report. */
    private void reportRaces() {
        RaceRun raceRun = races;
        if (raceRun == null) {
            return;
        }
        clusterProcess.log("looking for races in what the nodes did");
        RaceReport report = raceRun.finish(clusterProcess::log);
        if (report != null) {
            RaceReports.reported(launch, report, raceRun.reportFile(), raceRun.keptRecording());
        }
    }

    /** Ends the launcher's log, says where the recording is, and shows it in the workspace when it is there. */
    private void closeRecording() {
        LauncherRecording launcherRecording = recording;
        if (launcherRecording == null) {
            return;
        }
        String missing = launcherRecording.close(RECORDING_CLOSE_WAIT);
        if (missing != null) {
            clusterProcess.error(missing);
        }
        if (!recordingKept) {
            return;
        }
        clusterProcess.log("recording in " + launcherRecording.directory() + " (RSM > Open Recording... shows it in the Timeline view)");
        IContainer folder = ResourcesPlugin.getWorkspace().getRoot().getContainerForLocation(IPath.fromPath(launcherRecording.directory()));
        if (folder != null) {
            try {
                folder.getParent().refreshLocal(IResource.DEPTH_INFINITE, null);
            } catch (CoreException e) {
                clusterProcess.error("the workspace does not show the recording yet (refresh its folder): " + e.getMessage());
            }
        }
    }

    private synchronized String summary() {
        List<String> parts = new ArrayList<>();
        exitStatuses.forEach((node, status) -> parts.add("node " + node + " "
                + (terminatedNodes.contains(node) ? "terminated" : status + NodePrograms.explain(status))));
        return parts.isEmpty() ? "no node ran" : String.join(", ", parts);
    }

    @Override
    public void launchesRemoved(ILaunch[] launches) {
        for (ILaunch removed : launches) {
            if (removed == launch) {
                terminateAll();
                finish();
            }
        }
    }

    @Override
    public void launchesAdded(ILaunch[] launches) {
    }

    @Override
    public void launchesChanged(ILaunch[] launches) {
    }

    @Override
    public void launchesTerminated(ILaunch[] launches) {
    }
}
