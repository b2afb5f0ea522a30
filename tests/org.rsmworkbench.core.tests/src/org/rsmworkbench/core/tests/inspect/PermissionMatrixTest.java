// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.core.inspect.PermissionMatrix;
import org.rsmworkbench.core.inspect.PermissionMatrix.Access;
import org.rsmworkbench.core.inspect.PermissionMatrix.Cell;
import org.rsmworkbench.core.inspect.PermissionMatrix.Relation;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * The permission matrix against the emulator itself: every cell's verdict and error must be what a
 * real connect with those credentials from that node gives.
 */
class PermissionMatrixTest {
    private static final Credentials CREATOR = new Credentials(500, 50, java.util.Set.of(), 027, false);
    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(4);

    @ParameterizedTest
    @ValueSource(ints = {0624, 0640, 0604, 0666, 0000, 0246})
    void everyCellIsWhatAConnectGives(int permission) throws Exception {
        RsmLibrary exporter = tc.process(1, CREATOR);
        try {
            int id = publish(exporter, List.of(new AccessEntry(1, 0600), new AccessEntry(2, permission)));
            checkAgainstConnects(id);
        } finally {
            exporter.close();
        }
    }

    @Test
    void emptyAclUsesTheCreatorsUmaskMode() throws Exception {
        RsmLibrary exporter = tc.process(1, CREATOR);
        try {
            int id = publish(exporter, List.of());
            PermissionMatrix matrix = matrixOf(id);
            assertEquals(0640, PermissionMatrix.nodeMode(matrix.segment(), 3), "0777 & ~027 & 0666");
            assertTrue(matrix.cell(3, Relation.GROUP, Access.READ).reason().contains("umask mode"));
            checkAgainstConnects(id);
        } finally {
            exporter.close();
        }
    }

    @Test
    void reasonsNameTheDigitAndTheError() throws Exception {
        RsmLibrary exporter = tc.process(1, CREATOR);
        try {
            int id = publish(exporter, List.of(new AccessEntry(2, 0624)));
            PermissionMatrix matrix = matrixOf(id);
            Cell groupRead = matrix.cell(2, Relation.GROUP, Access.READ);
            assertFalse(groupRead.allowed());
            assertEquals(org.rsmworkbench.rsmapi.RsmError.PERM_DENIED, groupRead.error());
            assertTrue(groupRead.reason().contains("group digit 2 lacks read"), groupRead.reason());
            Cell notListed = matrix.cell(3, Relation.OWNER, Access.READ);
            assertEquals(org.rsmworkbench.rsmapi.RsmError.SEG_NOT_PUBLISHED_TO_NODE, notListed.error());
            assertTrue(notListed.reason().contains("not in the ACL"), notListed.reason());
            Cell privileged = matrix.cell(2, Relation.PRIVILEGED, Access.WRITE);
            assertTrue(privileged.allowed());
            assertNull(privileged.error());
            assertTrue(privileged.reason().contains("privileged process overrides"), privileged.reason());
        } finally {
            exporter.close();
        }
    }

    @Test
    void downNodesAndUnpublishedSegmentsAreExplained() throws Exception {
        RsmLibrary exporter = tc.process(1, CREATOR);
        try {
            int id = publish(exporter, List.of());
            tc.cluster().killNode(4);
            try {
                Cell down = matrixOf(id).cell(4, Relation.OWNER, Access.READ);
                assertEquals(org.rsmworkbench.rsmapi.RsmError.REMOTE_NODE_UNREACHABLE, down.error());
            } finally {
                tc.cluster().restartNode(4);
            }
            ClusterState.Segment segment = segmentOf(id);
            exporter.close();
            ClusterState.Segment unpublished = new ClusterState.Segment(segment.node(), segment.controller(),
                    segment.ownerProcess(), id, segment.size(), false, List.of(), segment.creatorUid(),
                    segment.creatorGid(), segment.mode(), segment.publishCount());
            Cell cell = PermissionMatrix.of(tc.cluster().state(), unpublished).cell(2, Relation.OWNER, Access.READ);
            assertEquals(org.rsmworkbench.rsmapi.RsmError.SEG_NOT_PUBLISHED, cell.error());
        } finally {
            exporter.close();
        }
    }

    private static int publish(RsmLibrary exporter, List<AccessEntry> acl) throws RsmException {
        MemorySegment memory = exporter.allocate(4096);
        ExportSegment segment = exporter.getController("emu0").createExportSegment(memory, 0);
        return segment.publish(0, acl);
    }

    private static PermissionMatrix matrixOf(int id) {
        return PermissionMatrix.of(tc.cluster().state(), segmentOf(id));
    }

    private static ClusterState.Segment segmentOf(int id) {
        return tc.cluster().state().segments().stream().filter(s -> s.segmentId() == id).findFirst().orElseThrow();
    }

    /** The oracle is the emulator: a connect with the cell's credentials, from the cell's node. */
    private static void checkAgainstConnects(int id) throws RsmException {
        PermissionMatrix matrix = matrixOf(id);
        assertEquals(4 * Relation.values().length * Access.values().length, matrix.cells().size());
        for (Cell cell : matrix.cells()) {
            RsmLibrary importer = tc.process(cell.node(),
                    PermissionMatrix.credentialsFor(matrix.segment(), cell.relation()));
            try {
                String controller = cell.node() == 1 ? null : "emu0";
                importer.getController(controller).connect(1, id, cell.access().permission()).disconnect();
                assertTrue(cell.allowed(), "the matrix denies what a connect allows: " + cell);
            } catch (RsmException e) {
                assertFalse(cell.allowed(), "the matrix allows what a connect denies (" + e.getMessage() + "): " + cell);
                assertEquals(e.error(), cell.error(), cell.toString());
            } finally {
                importer.close();
            }
        }
    }
}
