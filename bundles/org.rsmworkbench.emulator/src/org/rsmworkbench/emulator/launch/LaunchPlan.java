// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.rsmapi.Credentials;

/**
 * A multi-node launch: the cluster to start, the program's class path, the JVM arguments of every node,
 * what each node that takes part runs ({@link NodeLaunch}, in node order), and the faults to inject.
 * A plan is checked when it is made: every node and link it names is in the cluster and every class path
 * entry exists; the {@link IllegalArgumentException} says what is wrong.
 */
public record LaunchPlan(ClusterSpec cluster, List<Path> classPath, List<String> jvmArguments, List<NodeLaunch> nodes,
        List<ScheduledFault> faults) {

    /** The credentials of a node process unless the plan says otherwise: an ordinary user, umask 022. */
    public static final Credentials DEFAULT_CREDENTIALS = new Credentials(1000, 1000, Set.of(), 022, false);

    public LaunchPlan {
        Objects.requireNonNull(cluster, "cluster");
        classPath = List.copyOf(classPath);
        jvmArguments = List.copyOf(jvmArguments);
        nodes = nodes.stream().sorted((a, b) -> Integer.compare(a.nodeId(), b.nodeId())).toList();
        faults = List.copyOf(faults);
        for (Path entry : classPath) {
            if (!Files.exists(entry)) {
                throw new IllegalArgumentException("class path entry " + entry + " does not exist");
            }
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no node runs the program");
        }
        Set<Integer> seen = new TreeSet<>();
        for (NodeLaunch node : nodes) {
            requireNode(cluster, node.nodeId(), "the nodes that run the program");
            if (!seen.add(node.nodeId())) {
                throw new IllegalArgumentException("node " + node.nodeId() + " appears twice in the launch");
            }
        }
        for (ScheduledFault scheduled : faults) {
            for (int node : scheduled.fault().nodes()) {
                requireNode(cluster, node, "fault " + scheduled);
            }
            if (scheduled.fault() instanceof Fault.SetLink l
                    && cluster.links().stream().noneMatch(s -> s.joins(l.nodeA(), l.controllerA(), l.nodeB(), l.controllerB()))) {
                throw new IllegalArgumentException("fault " + scheduled + ": cluster " + cluster.name() + " has no link "
                        + l.nodeA() + "/" + l.controllerA() + "-" + l.nodeB() + "/" + l.controllerB());
            }
        }
    }

    private static void requireNode(ClusterSpec cluster, int nodeId, String what) {
        if (cluster.node(nodeId) == null) {
            throw new IllegalArgumentException(what + ": cluster " + cluster.name() + " has no node " + nodeId
                    + " (its nodes: " + nodeIds(cluster) + ")");
        }
    }

    private static List<Integer> nodeIds(ClusterSpec cluster) {
        return cluster.nodes().stream().map(NodeSpec::id).toList();
    }

    /** The launch of that node, or null when it does not run the program. */
    public NodeLaunch node(int nodeId) {
        return nodes.stream().filter(n -> n.nodeId() == nodeId).findFirst().orElse(null);
    }

    /** Ids of the nodes that run the program, in order. */
    public List<Integer> nodeIds() {
        return nodes.stream().map(NodeLaunch::nodeId).toList();
    }

    public static Builder builder(ClusterSpec cluster) {
        return new Builder(cluster);
    }

    /**
     * Makes a plan from defaults for every node (main class, arguments, JVM arguments, credentials) and
     * per-node overrides. By default every node of the cluster runs the program.
     */
    public static final class Builder {
        private final ClusterSpec cluster;
        private final List<Path> classPath = new ArrayList<>();
        private final List<String> jvmArguments = new ArrayList<>();
        private final List<ScheduledFault> faults = new ArrayList<>();
        private Set<Integer> runningNodes;
        private String mainClass;
        private List<String> arguments = List.of();
        private Credentials credentials = DEFAULT_CREDENTIALS;
        private final Map<Integer, NodeSettings> overrides = new HashMap<>();

        /** What one node does differently; null fields take the default. */
        private record NodeSettings(String mainClass, List<String> arguments, List<String> jvmArguments, Credentials credentials) {
        }

        private Builder(ClusterSpec cluster) {
            this.cluster = Objects.requireNonNull(cluster, "cluster");
        }

        public Builder classPath(Collection<Path> entries) {
            classPath.addAll(entries);
            return this;
        }

        /** JVM arguments of every node JVM (e.g. {@code -Xmx256m}, {@code -ea}). */
        public Builder jvmArguments(Collection<String> args) {
            jvmArguments.addAll(args);
            return this;
        }

        public Builder mainClass(String name) {
            mainClass = name;
            return this;
        }

        public Builder arguments(List<String> args) {
            arguments = List.copyOf(args);
            return this;
        }

        public Builder credentials(Credentials defaults) {
            credentials = Objects.requireNonNull(defaults, "credentials");
            return this;
        }

        /** Only these nodes run the program (the others are in the cluster, with no process). */
        public Builder onNodes(Collection<Integer> nodeIds) {
            runningNodes = new LinkedHashSet<>(nodeIds);
            return this;
        }

        public Builder mainClass(int nodeId, String name) {
            return override(nodeId, o -> new NodeSettings(name, o.arguments, o.jvmArguments, o.credentials));
        }

        public Builder arguments(int nodeId, List<String> args) {
            return override(nodeId, o -> new NodeSettings(o.mainClass, List.copyOf(args), o.jvmArguments, o.credentials));
        }

        /** JVM arguments for that node only, after the ones of every node (e.g. a debug agent). */
        public Builder jvmArguments(int nodeId, List<String> args) {
            return override(nodeId, o -> new NodeSettings(o.mainClass, o.arguments, List.copyOf(args), o.credentials));
        }

        public Builder credentials(int nodeId, Credentials nodeCredentials) {
            return override(nodeId, o -> new NodeSettings(o.mainClass, o.arguments, o.jvmArguments, nodeCredentials));
        }

        private Builder override(int nodeId, UnaryOperator<NodeSettings> change) {
            overrides.put(nodeId, change.apply(overrides.getOrDefault(nodeId, new NodeSettings(null, null, null, null))));
            return this;
        }

        public Builder fault(ScheduledFault fault) {
            faults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        /** The plan; an {@link IllegalArgumentException} says what is wrong with it. */
        public LaunchPlan build() {
            Set<Integer> running = runningNodes != null ? runningNodes : new LinkedHashSet<>(nodeIds(cluster));
            for (int nodeId : overrides.keySet()) {
                requireNode(cluster, nodeId, "settings of node " + nodeId);
                if (!running.contains(nodeId)) {
                    throw new IllegalArgumentException("node " + nodeId + " has settings of its own but does not run the program"
                            + " (the program runs on nodes " + running + ")");
                }
            }
            List<NodeLaunch> nodes = new ArrayList<>();
            for (int nodeId : running) {
                requireNode(cluster, nodeId, "the nodes that run the program");
                NodeSettings o = overrides.getOrDefault(nodeId, new NodeSettings(null, null, null, null));
                nodes.add(new NodeLaunch(nodeId, o.mainClass != null ? o.mainClass : mainClass,
                        o.arguments != null ? o.arguments : arguments, o.jvmArguments != null ? o.jvmArguments : List.of(),
                        o.credentials != null ? o.credentials : credentials));
            }
            return new LaunchPlan(cluster, classPath, jvmArguments, nodes, faults);
        }
    }
}
