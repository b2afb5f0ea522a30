// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support.conformance;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ControllerAttributes;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * The scenario helpers of the conformance tests: segments created, published and connected, ACLs, fresh segment
 * ids, clusters of other controller attributes. The cluster itself, where a test's processes come from, is a
 * {@link ConformanceCluster}: mostly an {@link EmulatedClusterExtension}, an in-JVM {@link EmulatedCluster}.
 */
public final class TestCluster {

    public static final long PAGE = 4096;

    /** An ordinary user: uid 1000, gid 1000, umask 022, not privileged. */
    public static final Credentials USER = EmulatedClusterExtension.USER;

    private static final AtomicInteger NEXT_ID = new AtomicInteger(0x400100);

    private TestCluster() {
    }

    /** A cluster of {@code nodes} nodes, each with one controller "emu0" with these attributes, all linked. */
    public static ClusterSpec specWithAttributes(int nodes, ControllerAttributes attributes) {
        List<NodeSpec> ns = new ArrayList<>();
        List<LinkSpec> links = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            ns.add(new NodeSpec(i, "node" + i, List.of(new ControllerSpec("emu0", attributes))));
            for (int j = i + 1; j <= nodes; j++) {
                links.add(new LinkSpec(i, "emu0", j, "emu0"));
            }
        }
        return new ClusterSpec("small-" + nodes, PAGE, ns, links);
    }

    public static Credentials user(int uid, int gid, Integer... groups) {
        return new Credentials(uid, gid, Set.of(groups), 022, false);
    }

    /** A fresh usable application segment id (0x400000..0x7FFFFFFF), different on every call. */
    public static int nextSegmentId() {
        return NEXT_ID.getAndIncrement();
    }

    /** "0x..." of the uint32 bits of a segment id, the way messages are expected to print them. */
    public static String hex(int segmentId) {
        return "0x" + Integer.toHexString(segmentId);
    }

    // ---- scenario helpers ----

    /** An export segment, published or not, with its memory and the process that made it. */
    public record Exported(RsmLibrary process, RsmController controller, MemorySegment memory, ExportSegment segment,
            int id) {
        public int node() {
            return process.localNodeId();
        }
    }

    /** Creates (not publishes) an export segment of {@code size} bytes through {@code controllerName}. */
    public static Exported create(RsmLibrary exporter, String controllerName, long size, int flags)
            throws RsmException {
        RsmController c = exporter.getController(controllerName);
        MemorySegment memory = exporter.allocate(size);
        ExportSegment seg = c.createExportSegment(memory, flags);
        return new Exported(exporter, c, memory, seg, 0);
    }

    /** Creates and publishes a segment through "emu0" under a fresh id with {@code acl} (null = empty). */
    public static Exported publish(RsmLibrary exporter, long size, List<AccessEntry> acl) throws RsmException {
        return publish(exporter, "emu0", size, acl);
    }

    public static Exported publish(RsmLibrary exporter, String controllerName, long size, List<AccessEntry> acl)
            throws RsmException {
        Exported e = create(exporter, controllerName, size, 0);
        int id = e.segment().publish(nextSegmentId(), acl);
        return new Exported(exporter, e.controller(), e.memory(), e.segment(), id);
    }

    /** ACL that gives every listed node 0666. */
    public static List<AccessEntry> openTo(int... nodes) {
        List<AccessEntry> acl = new ArrayList<>();
        for (int n : nodes) {
            acl.add(new AccessEntry(n, 0666));
        }
        return acl;
    }

    /** Connects {@code importer} through {@code controllerName} to the exported segment. */
    public static ImportSegment connect(RsmLibrary importer, String controllerName, Exported e, int perm)
            throws RsmException {
        return importer.getController(controllerName).connect(e.node(), e.id(), perm);
    }

    /** Connects through "emu0" and initialises a barrier, so that IMPLICIT-mode put/get work at once. */
    public static ImportSegment connectReady(RsmLibrary importer, Exported e, int perm) throws RsmException {
        ImportSegment im = connect(importer, "emu0", e, perm);
        im.initBarrier(org.rsmworkbench.rsmapi.BarrierType.SEGMENT);
        return im;
    }

    public static final int RDWR = Rsm.PERM_RDWR;
}
