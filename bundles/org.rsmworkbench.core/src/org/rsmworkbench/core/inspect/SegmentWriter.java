// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.lang.foreign.MemorySegment;

import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * Writes into a segment the way a program would: an emulated process with the credentials the user
 * picked, on the node the user picked, connects for writing and puts. The ACL and the access check
 * apply, so a forbidden write fails with the RSMAPI error and its reason.
 */
public final class SegmentWriter implements AutoCloseable {
    private final RsmLibrary process;
    private final ImportSegment connection;

    private SegmentWriter(RsmLibrary process, ImportSegment connection) {
        this.process = process;
        this.connection = connection;
    }

    /**
     * Connects a new process on {@code fromNode} with {@code credentials} to the segment for writing.
     *
     * @throws RsmException why the ACL or the cluster refuses it (PERM_DENIED, SEG_NOT_PUBLISHED_TO_NODE, ...)
     */
    public static SegmentWriter open(EmulatedCluster cluster, int fromNode, Credentials credentials, int exporterNode,
            int segmentId) throws RsmException {
        RsmLibrary process = cluster.process(fromNode, credentials);
        try {
            RsmController controller = process.getController(controllerFor(cluster, fromNode, exporterNode));
            ImportSegment connection = controller.connect(exporterNode, segmentId, Rsm.PERM_WRITE);
            connection.setMode(BarrierMode.EXPLICIT);
            return new SegmentWriter(process, connection);
        } catch (RsmException | RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** Loopback for the local node, else the first controller of the writing node. */
    private static String controllerFor(EmulatedCluster cluster, int fromNode, int exporterNode) {
        var node = cluster.spec().node(fromNode);
        return fromNode == exporterNode || node.controllers().isEmpty() ? null : node.controllers().get(0).name();
    }

    /**
     * What the user can do about a write refused with {@code error} ({@code writeAs}: the action that picks the writer),
     * or null: only a refusal of the writer itself (its node down, the ACL) has one, another writer.
     */
    public static String remedy(RsmError error, String writeAs) {
        return switch (error) {
            case CTLR_NOT_PRESENT -> "restart that node, or pick another with " + writeAs;
            case PERM_DENIED, SEG_NOT_PUBLISHED_TO_NODE -> "pick a node and credentials that the segment's ACL lets write with "
                    + writeAs;
            default -> null;
        };
    }

    public void write(long offset, byte[] bytes) throws RsmException {
        connection.put(offset, MemorySegment.ofArray(bytes));
    }

    @Override
    public void close() {
        process.close();
    }
}
