// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.emf.common.util.ECollections;
import org.eclipse.emf.common.util.EList;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.ClusterFactory;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.live.BarrierMode;
import org.rsmworkbench.model.live.Connection;
import org.rsmworkbench.model.live.LiveCluster;
import org.rsmworkbench.model.live.LiveFactory;
import org.rsmworkbench.model.live.LiveLink;
import org.rsmworkbench.model.live.LiveNode;
import org.rsmworkbench.model.live.LiveProcess;
import org.rsmworkbench.model.live.Segment;
import org.rsmworkbench.model.live.SegmentState;

/**
 * Applies a {@link ClusterState} snapshot to a {@link LiveCluster}, keeping the identity of what is
 * still there: nodes by id, links by their ends, processes and connections by serial number, segments
 * by owner process and segment id (a segment that is published after being bound keeps its object:
 * unmatched ones are paired by owner, controller and size). Attributes are set only when they change
 * and lists are updated with moves, adds and removes, so viewers see minimal notifications.
 */
public final class LiveStateApplier {
    private static final LiveFactory LIVE = LiveFactory.eINSTANCE;

    private LiveStateApplier() {
    }

    public static void apply(LiveCluster target, ClusterState state) {
        if (!Objects.equals(target.getName(), state.name())) {
            target.setName(state.name());
        }
        applyLinks(target, state.links());

        Map<Integer, LiveNode> oldNodes = new HashMap<>();
        for (LiveNode node : target.getNodes()) {
            oldNodes.put(node.getId(), node);
        }
        Map<Integer, List<ClusterState.Process>> processesByNode = group(state.processes(), ClusterState.Process::node);
        Map<Integer, List<ClusterState.Segment>> segmentsByNode = group(state.segments(), ClusterState.Segment::node);
        Map<Integer, List<ClusterState.Connection>> connectionsByNode = group(state.connections(),
                ClusterState.Connection::importerNode);
        Map<Integer, LiveProcess> processes = new HashMap<>();
        Map<Long, Segment> published = new HashMap<>();
        List<LiveNode> nodes = new ArrayList<>(state.nodes().size());
        for (ClusterState.Node n : state.nodes()) {
            LiveNode node = oldNodes.remove(n.id());
            if (node == null) {
                node = LIVE.createLiveNode();
                node.setId(n.id());
            }
            if (!Objects.equals(node.getHostname(), n.hostname())) {
                node.setHostname(n.hostname());
            }
            if (node.isUp() != n.up()) {
                node.setUp(n.up());
            }
            applyProcesses(node, processesByNode.getOrDefault(n.id(), List.of()), processes);
            applySegments(node, segmentsByNode.getOrDefault(n.id(), List.of()), processes, published);
            nodes.add(node);
        }
        // connections last: they point at processes and segments of any node
        for (LiveNode node : nodes) {
            applyConnections(node, connectionsByNode.getOrDefault(node.getId(), List.of()), processes, published);
        }
        ECollections.setEList(target.getNodes(), nodes);
        if (target.getVersion() != state.version()) {
            target.setVersion(state.version());
        }
    }

    private static void applyLinks(LiveCluster target, List<ClusterState.Link> links) {
        Map<String, ArrayDeque<LiveLink>> old = new HashMap<>();
        for (LiveLink link : target.getLinks()) {
            old.computeIfAbsent(key(link.getNodeA(), link.getControllerA(), link.getNodeB(), link.getControllerB()),
                    _ -> new ArrayDeque<>()).add(link);
        }
        List<LiveLink> result = new ArrayList<>(links.size());
        for (ClusterState.Link l : links) {
            var spec = l.link();
            ArrayDeque<LiveLink> candidates = old.get(key(spec.nodeA(), spec.controllerA(), spec.nodeB(), spec.controllerB()));
            LiveLink link = candidates == null ? null : candidates.poll();
            if (link == null) {
                link = LIVE.createLiveLink();
                link.setNodeA(spec.nodeA());
                link.setControllerA(spec.controllerA());
                link.setNodeB(spec.nodeB());
                link.setControllerB(spec.controllerB());
            }
            if (link.isUp() != l.up()) {
                link.setUp(l.up());
            }
            result.add(link);
        }
        ECollections.setEList(target.getLinks(), result);
    }

    private static String key(int nodeA, String controllerA, int nodeB, String controllerB) {
        return nodeA + ":" + controllerA + "-" + nodeB + ":" + controllerB;
    }

    private static void applyProcesses(LiveNode node, List<ClusterState.Process> states, Map<Integer, LiveProcess> all) {
        Map<Integer, LiveProcess> old = new HashMap<>();
        for (LiveProcess p : node.getProcesses()) {
            old.put(p.getSerial(), p);
        }
        List<LiveProcess> result = new ArrayList<>(states.size());
        for (ClusterState.Process s : states) {
            LiveProcess process = old.remove(s.serial());
            if (process == null) {
                process = LIVE.createLiveProcess();
                process.setSerial(s.serial());
            }
            if (process.getPid() != s.pid()) {
                process.setPid(s.pid());
            }
            applyCredentials(process, s.credentials());
            result.add(process);
            all.put(s.serial(), process);
        }
        ECollections.setEList(node.getProcesses(), result);
    }

    private static void applyCredentials(LiveProcess process, org.rsmworkbench.rsmapi.Credentials c) {
        Credentials credentials = process.getCredentials();
        if (credentials == null) {
            credentials = ClusterFactory.eINSTANCE.createCredentials();
            process.setCredentials(credentials);
        }
        if (credentials.getUid() != c.uid()) {
            credentials.setUid(c.uid());
        }
        if (credentials.getGid() != c.gid()) {
            credentials.setGid(c.gid());
        }
        List<Integer> groups = c.groups().stream().sorted().toList();
        if (!credentials.getGroups().equals(groups)) {
            ECollections.setEList(credentials.getGroups(), groups);
        }
        if (credentials.getUmask() != c.umask()) {
            credentials.setUmask(c.umask());
        }
        if (credentials.isPrivileged() != c.privileged()) {
            credentials.setPrivileged(c.privileged());
        }
    }

    private static void applySegments(LiveNode node, List<ClusterState.Segment> states, Map<Integer, LiveProcess> processes,
            Map<Long, Segment> published) {
        // phase 1: same owner and segment id (the n-th of equal keys to the n-th)
        Map<String, ArrayDeque<Segment>> byId = new HashMap<>();
        for (Segment s : node.getSegments()) {
            byId.computeIfAbsent(s.getOwnerProcess() + "/" + s.getSegmentId(), _ -> new ArrayDeque<>()).add(s);
        }
        Segment[] matched = new Segment[states.size()];
        for (int i = 0; i < states.size(); i++) {
            ClusterState.Segment s = states.get(i);
            ArrayDeque<Segment> candidates = byId.get(s.ownerProcess() + "/" + s.segmentId());
            matched[i] = candidates == null ? null : candidates.poll();
        }
        // phase 2: what is left, by owner, controller and size (a bound segment that got its id)
        Map<String, ArrayDeque<Segment>> byShape = new HashMap<>();
        for (ArrayDeque<Segment> rest : byId.values()) {
            for (Segment s : rest) {
                byShape.computeIfAbsent(s.getOwnerProcess() + "/" + s.getController() + "/" + s.getSize(),
                        _ -> new ArrayDeque<>()).add(s);
            }
        }
        List<Segment> result = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            ClusterState.Segment s = states.get(i);
            Segment segment = matched[i];
            if (segment == null) {
                ArrayDeque<Segment> candidates = byShape.get(s.ownerProcess() + "/" + s.controller() + "/" + s.size());
                segment = candidates == null ? null : candidates.poll();
            }
            if (segment == null) {
                segment = LIVE.createSegment();
            }
            update(segment, s, processes.get(s.ownerProcess()));
            result.add(segment);
            if (s.published()) {
                published.put(segmentKey(s.node(), s.segmentId()), segment);
            }
        }
        ECollections.setEList(node.getSegments(), result);
    }

    private static void update(Segment segment, ClusterState.Segment s, LiveProcess owner) {
        if (segment.getSegmentId() != s.segmentId()) {
            segment.setSegmentId(s.segmentId());
        }
        if (segment.getOwnerNode() != s.node()) {
            segment.setOwnerNode(s.node());
        }
        if (segment.getOwnerProcess() != s.ownerProcess()) {
            segment.setOwnerProcess(s.ownerProcess());
        }
        if (segment.getOwner() != owner) {
            segment.setOwner(owner);
        }
        if (!Objects.equals(segment.getController(), s.controller())) {
            segment.setController(s.controller());
        }
        if (segment.getSize() != s.size()) {
            segment.setSize(s.size());
        }
        SegmentState state = s.published() ? SegmentState.PUBLISHED : SegmentState.BOUND;
        if (segment.getState() != state) {
            segment.setState(state);
        }
        applyAcl(segment.getAcl(), s.acl());
        if (segment.getCreatorUid() != s.creatorUid()) {
            segment.setCreatorUid(s.creatorUid());
        }
        if (segment.getCreatorGid() != s.creatorGid()) {
            segment.setCreatorGid(s.creatorGid());
        }
        if (segment.getMode() != s.mode()) {
            segment.setMode(s.mode());
        }
        if (segment.getPublishCount() != s.publishCount()) {
            segment.setPublishCount(s.publishCount());
        }
    }

    private static void applyAcl(EList<AccessEntry> acl, List<org.rsmworkbench.rsmapi.AccessEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            AccessEntry entry;
            if (i < acl.size()) {
                entry = acl.get(i);
            } else {
                entry = ClusterFactory.eINSTANCE.createAccessEntry();
                acl.add(entry);
            }
            if (entry.getNode() != e.node()) {
                entry.setNode(e.node());
            }
            if (entry.getPermission() != e.permission()) {
                entry.setPermission(e.permission());
            }
        }
        while (acl.size() > entries.size()) {
            acl.remove(acl.size() - 1);
        }
    }

    private static void applyConnections(LiveNode node, List<ClusterState.Connection> states,
            Map<Integer, LiveProcess> processes, Map<Long, Segment> published) {
        Map<Integer, Connection> old = new HashMap<>();
        for (Connection c : node.getConnections()) {
            old.put(c.getSerial(), c);
        }
        List<Connection> result = new ArrayList<>(states.size());
        for (ClusterState.Connection s : states) {
            Connection c = old.remove(s.serial());
            if (c == null) {
                c = LIVE.createConnection();
                c.setSerial(s.serial());
            }
            if (c.getImporterNode() != s.importerNode()) {
                c.setImporterNode(s.importerNode());
            }
            if (c.getImporterProcess() != s.importerProcess()) {
                c.setImporterProcess(s.importerProcess());
            }
            LiveProcess importer = processes.get(s.importerProcess());
            if (c.getImporter() != importer) {
                c.setImporter(importer);
            }
            if (c.getExporterNode() != s.exporterNode()) {
                c.setExporterNode(s.exporterNode());
            }
            if (c.getSegmentId() != s.segmentId()) {
                c.setSegmentId(s.segmentId());
            }
            Segment segment = s.aborted() ? null : published.get(segmentKey(s.exporterNode(), s.segmentId()));
            if (c.getSegment() != segment) {
                c.setSegment(segment);
            }
            if (c.getPermission() != s.permission()) {
                c.setPermission(s.permission());
            }
            if (c.getGranted() != s.granted()) {
                c.setGranted(s.granted());
            }
            if (c.isAborted() != s.aborted()) {
                c.setAborted(s.aborted());
            }
            if (c.isMapped() != s.mapped()) {
                c.setMapped(s.mapped());
            }
            BarrierMode mode = s.mode() == org.rsmworkbench.rsmapi.BarrierMode.EXPLICIT ? BarrierMode.EXPLICIT
                    : BarrierMode.IMPLICIT;
            if (c.getBarrierMode() != mode) {
                c.setBarrierMode(mode);
            }
            result.add(c);
        }
        ECollections.setEList(node.getConnections(), result);
    }

    private static long segmentKey(int node, int segmentId) {
        return ((long) node << 32) | Integer.toUnsignedLong(segmentId);
    }

    private static <T> Map<Integer, List<T>> group(List<T> items, java.util.function.ToIntFunction<T> key) {
        Map<Integer, List<T>> map = new HashMap<>();
        for (T item : items) {
            map.computeIfAbsent(key.applyAsInt(item), _ -> new ArrayList<>()).add(item);
        }
        return map;
    }
}
