package org.rsmworkbench.core.launching.internal;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchesListener2;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.debug.ClusterDebugTarget;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.launch.FaultScheduler;
import org.rsmworkbench.emulator.launch.LaunchRunner;
import org.rsmworkbench.emulator.launch.ScheduledFault;

/**
 * The lifetime of a cluster started by a launch: registered with {@link RunningClusters} while it runs, its
 * faults injected once every node JVM has joined, and stopped (directory removed, unregistered) when every
 * node JVM of the launch has ended, when the user terminates the cluster process, or when the launch is
 * removed. Node exit statuses are reported on the cluster's console (a node that was asked to terminate as
 * "terminated"). In debug mode it starts the node JVMs' targets, suspending and resuming them together when the
 * launch asks for it ({@link SuspendAllNodes}).
 */
public final class ClusterLaunchSession implements IDebugEventSetListener, ILaunchesListener2 {
    /** How many times each launch configuration (by name) was run since the IDE started. */
    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ILaunch launch;
    private final EmulatedCluster cluster;
    private final ClusterProcess clusterProcess;
    private final FaultScheduler faults;
    private final String label;
    private final Map<IProcess, Integer> nodes = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> exitStatuses = new TreeMap<>();
    private final Set<Integer> terminatedNodes = new TreeSet<>();
    private final List<ProcessHandle> handles = new ArrayList<>();
    private boolean finished;
    private ClusterDebugTarget memory;
    private SuspendAllNodes suspendAll;

    public ClusterLaunchSession(ILaunch launch, EmulatedCluster cluster, ClusterProcess clusterProcess, List<ScheduledFault> faults,
            String label) {
        this.launch = launch;
        this.cluster = cluster;
        this.clusterProcess = clusterProcess;
        this.label = label;
        this.faults = new FaultScheduler(cluster, faults, clusterProcess::log);
        RunningClusters.getDefault().addLaunched(cluster, label);
        DebugPlugin.getDefault().addDebugEventListener(this);
        DebugPlugin.getDefault().getLaunchManager().addLaunchListener(this);
        clusterProcess.register(this::terminateAll);
    }

    /**
     * What the views call a run of that launch configuration: its name, the run's number among the runs of that
     * configuration since the IDE started, and the start time, e.g. {@code "demo #2 (14:03:12)"}; two runs of one
     * configuration are told apart.
     */
    public static String runLabel(String configurationName) {
        int run = RUNS.computeIfAbsent(configurationName, name -> new AtomicInteger()).incrementAndGet();
        return configurationName + " #" + run + " (" + LocalTime.now().format(START_TIME) + ")";
    }

    public EmulatedCluster cluster() {
        return cluster;
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

    /** A node JVM of the launch. */
    public void addNode(int nodeId, IProcess process, Process jvm) {
        nodes.put(process, nodeId);
        synchronized (this) {
            handles.add(jvm.toHandle());
        }
        if (process.isTerminated()) {
            nodeEnded(process);
        }
    }

    /** Starts the fault clock once every node JVM has joined the cluster. */
    public synchronized void startFaults() {
        if (!finished) {
            faults.startWhenJoined(List.copyOf(handles));
        }
    }

    /** Ends every node JVM (and its debug target); the cluster stops when they have ended. */
    public void terminateAll() {
        clusterProcess.log("terminating every node JVM");
        for (IDebugTarget target : launch.getDebugTargets()) {
            if (target.canTerminate()) {
                try {
                    target.terminate();
                } catch (DebugException e) {
                    clusterProcess.error("cannot terminate " + target + ": " + e.getMessage());
                }
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
        if (nodes.isEmpty()) {
            finish(); // otherwise the node processes' terminate events finish the session
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
            if (exitStatuses.containsKey(node)) {
                return;
            }
            exitStatuses.put(node, status);
            if (terminated) {
                terminatedNodes.add(node);
            }
            all = exitStatuses.size() == nodes.size() && nodes.keySet().stream().allMatch(IProcess::isTerminated);
        }
        String line = terminated ? "node " + node + " terminated" : "node " + node + " exited with status " + status + describe(status);
        if (status == 0 || terminated) {
            clusterProcess.log(line);
        } else {
            clusterProcess.error(line);
        }
        if (all) {
            finish();
        }
    }

    private static String describe(int status) {
        return status == 137 ? " (killed)" : status == 143 ? " (terminated)" : "";
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
                clusterProcess.ended(worst);
            }
        });
    }

    private synchronized String summary() {
        List<String> parts = new ArrayList<>();
        exitStatuses.forEach((node, status) -> parts.add("node " + node + " "
                + (terminatedNodes.contains(node) ? "terminated" : status + describe(status))));
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
