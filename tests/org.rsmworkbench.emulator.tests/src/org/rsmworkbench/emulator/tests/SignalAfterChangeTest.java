// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * Signal post and wait keep every check of RSMAPI.md §3.6 and §5.3-5.4 after earlier signals: the emulator reads the
 * registry words they check only when a mutation of the registry ran since they last passed, and each change of the
 * cluster between two signals must reach the next one. Each test signals first, then changes one thing.
 */
@DisplayName("§3.6 signals after a change of the cluster")
@Timeout(30)
class SignalAfterChangeTest {

    /** A cluster per test: the tests kill nodes and cut links. */
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);

    /** A segment of node 1 imported by node 2, which has posted to it and consumed the exporter's post. */
    private record Signalled(Exported exported, ImportSegment importer) {
    }

    private Signalled signalled() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        im.signalPost(0);
        assertRsmOk(() -> e.segment().signalWait(0));
        e.segment().signalPost(0);
        assertRsmOk(() -> im.signalWait(0));
        return new Signalled(e, im);
    }

    @Test
    void aPostAfterTheLinkWentDownIsUnreachable() throws Exception {
        Signalled s = signalled();
        tc.cluster().setLink(1, "emu0", 2, "emu0", false);
        assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> s.importer().signalPost(0));
    }

    @Test
    void aPostAfterTheExportingNodeWasKilledIsUnreachable() throws Exception {
        Signalled s = signalled();
        tc.cluster().killNode(1);
        assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> s.importer().signalPost(0));
    }

    @Test
    void aPostAfterAnUnpublishIsDropped() throws Exception {
        Signalled s = signalled();
        s.exported().segment().unpublish();
        assertRsmOk(() -> s.importer().signalPost(0));
        assertRsmError(RsmError.TIMEOUT, () -> s.exported().segment().signalWait(0));
    }

    @Test
    void postAndWaitAfterADisconnectAreBadSegHndl() throws Exception {
        Signalled s = signalled();
        s.importer().disconnect();
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.importer().signalPost(0));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.importer().signalWait(0));
    }

    @Test
    void postAndWaitAfterADestroyAreBadSegHndl() throws Exception {
        Signalled s = signalled();
        s.importer().disconnect();
        s.exported().segment().unpublish();
        s.exported().segment().destroy();
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.exported().segment().signalPost(0));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.exported().segment().signalWait(0));
    }

    @Test
    void anExporterPostReachesAnImporterThatConnectedSince() throws Exception {
        Signalled s = signalled();
        ImportSegment later = connect(tc.process(3), "emu0", s.exported(), Rsm.PERM_READ);
        s.exported().segment().signalPost(0);
        assertRsmOk(() -> later.signalWait(0));
        assertRsmOk(() -> s.importer().signalWait(0));
    }

    @Test
    void anExporterPostSkipsAConnectionCutSinceAndReachesTheOneInItsRecord() throws Exception {
        Signalled s = signalled();
        s.importer().disconnect();
        // the freed connection record is taken by the next connect: only posts made after it reach its importer
        ImportSegment next = connect(tc.process(3), "emu0", s.exported(), Rsm.PERM_READ);
        assertRsmError(RsmError.TIMEOUT, () -> next.signalWait(0));
        s.exported().segment().signalPost(0);
        assertRsmOk(() -> next.signalWait(0));
        assertRsmError(RsmError.TIMEOUT, () -> next.signalWait(0));
    }

    @Test
    void waitsAfterTheImportingNodeWasKilledAreBadSegHndl() throws Exception {
        Signalled s = signalled();
        tc.cluster().killNode(2);
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.importer().signalWait(0));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.importer().signalPost(0));
        assertRsmOk(() -> s.exported().segment().signalPost(0));
    }
}
