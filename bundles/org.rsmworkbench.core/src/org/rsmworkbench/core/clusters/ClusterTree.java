// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.ClusterWaits.Wait;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.rsmapi.Rsm;

/**
 * The rows of the Cluster view, built from one {@link ClusterState}: cluster, nodes (up or down, with how their
 * program ended when their launch reported it, see {@link NodePrograms}), and
 * under each node its processes with credentials (and the signal wait each is in, see {@link WaitItem}), controllers with their links, exported segments (id in
 * hex, size, state, ACL summary) and imports (remote node and segment, granted permission, mapped,
 * barrier mode). Each item has a {@link Item#key() key} that stays the same across snapshots, so a
 * viewer keeps expansion and selection when it refreshes.
 */
public final class ClusterTree {
    private ClusterTree() {
    }

    /** A row of the tree. */
    public sealed interface Item permits ClusterItem, NodeItem, GroupItem, ProcessItem, WaitItem, ControllerItem, ExportItem,
            ImportItem {
        /** Stable identity across snapshots. */
        String key();

        String label();

        List<Item> children();
    }

    /**
     * A cluster: "name [attached] 2/2 nodes up, 1 segments, 1 connections"; when its state may be out of date, why and
     * that the rest is the last state read: "name [attached] NOT ANSWERING: the cluster registry at ... does not answer
     * ...; last read: 2/2 nodes up, ..."; "name [launched] STOPPING, 0/2 nodes up, ..." while its node JVMs end.
     *
     * @param problem why the state may be out of date (see {@link ClusterPoller#error}), or null
     */
    public record ClusterItem(RunningCluster cluster, ClusterState state, String problem, List<Item> children) implements Item {
        @Override
        public String key() {
            return cluster.location();
        }

        @Override
        public String label() {
            long up = state.nodes().stream().filter(ClusterState.Node::up).count();
            return cluster.label() + " [" + (cluster.origin() == RunningCluster.Origin.LAUNCHED ? "launched" : "attached")
                    + "] " + (problem == null ? "" : "NOT ANSWERING: " + problem + "; last read: ")
                    + (state.stopping() ? "STOPPING, " : "") + up + "/"
                    + state.nodes().size() + " nodes up, " + state.segments().size() + " segments, "
                    + state.connections().size() + " connections";
        }

        /** Whether its state may be out of date: the view greys it. */
        public boolean stale() {
            return problem != null;
        }
    }

    /**
     * A node: "node 2 (node2) DOWN, program exited with status 137 (killed)"; "node 2 (node2) stopping" while the
     * cluster stops. The program part is there when it says more than that the node runs its program: the node is down
     * and its program ended, or the node is up and its program ended or was started again.
     *
     * @param program the node's program as its launch reports it, or null (none, or an attached cluster)
     * @param stopping whether its cluster stops ({@link ClusterState#stopping()}): it is not to be killed or restarted
     */
    public record NodeItem(RunningCluster cluster, ClusterState.Node node, NodePrograms.Program program, boolean stopping,
            List<Item> children) implements Item {
        @Override
        public String key() {
            return cluster.location() + "/node" + node.id();
        }

        @Override
        public String label() {
            String label = "node " + node.id() + " (" + node.hostname() + ") " + (node.up() ? "up" : stopping ? "stopping" : "DOWN");
            boolean worthSaying = program != null && (!program.running() || node.up() && program.starts() > 1);
            return worthSaying ? label + ", program " + program.describe() : label;
        }

        /** A node that is down: the view greys it until it is restarted. */
        public boolean down() {
            return !node.up();
        }
    }

    /** "Processes", "Controllers", "Exports", "Imports" under a node. */
    public record GroupItem(String parentKey, String name, List<Item> children) implements Item {
        @Override
        public String key() {
            return parentKey + "/" + name;
        }

        @Override
        public String label() {
            return name + " (" + children.size() + ")";
        }
    }

    /** A process; its child is the signal wait it is in, if any. */
    public record ProcessItem(String parentKey, ClusterState.Process process, List<Item> children) implements Item {
        @Override
        public String key() {
            return key(parentKey, process.serial());
        }

        static String key(String parentKey, int processSerial) {
            return parentKey + "/p" + processSerial;
        }

        @Override
        public String label() {
            return "process #" + process.serial() + " pid " + process.pid() + ": " + process.credentials();
        }
    }

    /**
     * The signal wait of a process and who could end it: "waits in signalWait on 1:0x400100 at Ping.java:42, can be woken
     * by node 2: blocked", with DEADLOCK when the process is part of one.
     */
    public record WaitItem(String parentKey, Wait signalWait, boolean deadlocked) implements Item {
        @Override
        public String key() {
            return parentKey + "/wait";
        }

        @Override
        public String label() {
            String segments = signalWait.segments().stream().map(Object::toString).collect(Collectors.joining(", "));
            String wakers = signalWait.wakers().isEmpty() ? "nobody can end it yet (no process can post to it)"
                    : "can be woken by node " + signalWait.wakerNodes().stream().map(String::valueOf).collect(Collectors.joining(", "));
            String verdict = deadlocked ? "DEADLOCK" : switch (signalWait.verdict()) {
            case BLOCKED -> "blocked";
            case TIMED -> "with a timeout";
            case EVENT_PENDING -> "an event is pending";
            case THREAD_RUNNING -> "another thread of the process runs";
            case UNKNOWN -> "not looked at yet";
            };
            return "waits in " + signalWait.call().method() + " on " + segments + " at " + signalWait.siteText() + ", " + wakers + ": "
                    + verdict;
        }

        @Override
        public List<Item> children() {
            return List.of();
        }
    }

    /** A controller and its links: "2:emu0 up". */
    public record ControllerItem(String parentKey, int node, String name, List<ClusterState.Link> links) implements Item {
        @Override
        public String key() {
            return parentKey + "/c" + name;
        }

        @Override
        public String label() {
            StringBuilder text = new StringBuilder("controller " + name);
            if (links.isEmpty()) {
                return text.append(": no links").toString();
            }
            text.append(": links to ");
            for (int i = 0; i < links.size(); i++) {
                LinkSpec link = links.get(i).link();
                boolean a = link.nodeA() == node && link.controllerA().equalsIgnoreCase(name);
                text.append(i > 0 ? ", " : "").append(a ? link.nodeB() : link.nodeA()).append(':')
                        .append(a ? link.controllerB() : link.controllerA()).append(links.get(i).up() ? " up" : " DOWN");
            }
            return text.toString();
        }

        @Override
        public List<Item> children() {
            return List.of();
        }
    }

    public record ExportItem(RunningCluster cluster, String parentKey, ClusterState.Segment segment,
            int importers) implements Item {
        @Override
        public String key() {
            return parentKey + "/e" + segment.ownerProcess() + ":" + segment.segmentId() + ":" + segment.controller();
        }

        @Override
        public String label() {
            return "segment " + hex(segment.segmentId()) + ", " + size(segment.size()) + ", "
                    + (segment.published() ? "published, ACL " + aclSummary(segment) : "bound, not published")
                    + ", " + importers + (importers == 1 ? " importer" : " importers") + " (process #" + segment.ownerProcess()
                    + ", " + segment.controller() + ")";
        }

        public SegmentRef ref() {
            return new SegmentRef(cluster, segment.node(), segment.segmentId());
        }

        @Override
        public List<Item> children() {
            return List.of();
        }
    }

    public record ImportItem(RunningCluster cluster, String parentKey, ClusterState.Connection connection) implements Item {
        @Override
        public String key() {
            return parentKey + "/i" + connection.serial();
        }

        @Override
        public String label() {
            return "node " + connection.exporterNode() + " segment " + hex(connection.segmentId()) + ": asked "
                    + permission(connection.permission()) + ", granted " + permission(connection.granted())
                    + (connection.mapped() ? ", mapped" : "") + ", barrier " + connection.mode().name().toLowerCase()
                    + (connection.aborted() ? ", ABORTED (forced disconnect)" : "") + " (process #"
                    + connection.importerProcess() + ")";
        }

        public SegmentRef ref() {
            return new SegmentRef(cluster, connection.exporterNode(), connection.segmentId());
        }

        @Override
        public List<Item> children() {
            return List.of();
        }
    }

    /** The tree of one cluster, without waits. */
    public static ClusterItem build(RunningCluster cluster, ClusterState state) {
        return build(cluster, state, ClusterPoller.Waits.NONE, null);
    }

    /**
     * The tree of one cluster, each waiting process with its wait (marked when it is part of a deadlock).
     *
     * @param problem why the state may be out of date, or null
     */
    public static ClusterItem build(RunningCluster cluster, ClusterState state, ClusterPoller.Waits waits, String problem) {
        Map<Integer, Wait> waitOfProcess = new HashMap<>();
        waits.waits().waits().forEach(w -> waitOfProcess.put(w.process(), w));
        Set<Integer> deadlocked = new HashSet<>();
        waits.deadlocks().forEach(d -> d.waits().forEach(w -> deadlocked.add(w.process())));
        ClusterSpec spec = cluster.watched().spec();
        List<Item> nodes = new ArrayList<>();
        for (ClusterState.Node node : state.nodes()) {
            String nodeKey = cluster.location() + "/node" + node.id();
            List<Item> processes = new ArrayList<>();
            for (ClusterState.Process process : state.processes()) {
                if (process.node() == node.id()) {
                    Wait wait = waitOfProcess.get(process.serial());
                    processes.add(new ProcessItem(nodeKey, process, wait == null ? List.of()
                            : List.of(new WaitItem(ProcessItem.key(nodeKey, process.serial()), wait,
                                    deadlocked.contains(process.serial())))));
                }
            }
            List<Item> controllers = new ArrayList<>();
            NodeSpec nodeSpec = spec.node(node.id());
            if (nodeSpec != null) {
                for (ControllerSpec controller : nodeSpec.controllers()) {
                    List<ClusterState.Link> links = state.links().stream()
                            .filter(l -> l.link().nodeA() == node.id() && l.link().controllerA().equalsIgnoreCase(controller.name())
                                    || l.link().nodeB() == node.id() && l.link().controllerB().equalsIgnoreCase(controller.name()))
                            .toList();
                    controllers.add(new ControllerItem(nodeKey, node.id(), controller.name(), links));
                }
            }
            List<Item> exports = new ArrayList<>();
            for (ClusterState.Segment segment : state.segments()) {
                if (segment.node() == node.id()) {
                    int importers = segment.published() ? (int) state.connections().stream()
                            .filter(c -> c.exporterNode() == node.id() && c.segmentId() == segment.segmentId() && !c.aborted())
                            .count() : 0;
                    exports.add(new ExportItem(cluster, nodeKey, segment, importers));
                }
            }
            List<Item> imports = new ArrayList<>();
            for (ClusterState.Connection connection : state.connections()) {
                if (connection.importerNode() == node.id()) {
                    imports.add(new ImportItem(cluster, nodeKey, connection));
                }
            }
            nodes.add(new NodeItem(cluster, node, cluster.programs().of(node.id()), state.stopping(),
                    List.of(new GroupItem(nodeKey, "Processes", processes),
                    new GroupItem(nodeKey, "Controllers", controllers), new GroupItem(nodeKey, "Exports", exports),
                    new GroupItem(nodeKey, "Imports", imports))));
        }
        return new ClusterItem(cluster, state, problem, nodes);
    }

    /** "0x2a". */
    public static String hex(int id) {
        return "0x" + Integer.toHexString(id);
    }

    /** "64 KiB", "1 GiB", "4100 bytes". */
    public static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value >= 1024 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + " " + units[unit];
    }

    /** "r", "w", "rw" or "none". */
    public static String permission(int permission) {
        String text = ((permission & Rsm.PERM_READ) != 0 ? "r" : "") + ((permission & Rsm.PERM_WRITE) != 0 ? "w" : "");
        return text.isEmpty() ? "none" : text;
    }

    /** "all nodes 0640 (empty ACL, creator's mode)" or "3 nodes: 1:0600 2:0640 3:0604". */
    public static String aclSummary(ClusterState.Segment segment) {
        if (segment.acl().isEmpty()) {
            return "empty: every node, mode 0" + Integer.toOctalString(segment.mode() & 0666);
        }
        StringBuilder text = new StringBuilder(segment.acl().size() + (segment.acl().size() == 1 ? " node:" : " nodes:"));
        segment.acl().forEach(entry -> text.append(' ').append(entry));
        return text.toString();
    }
}
