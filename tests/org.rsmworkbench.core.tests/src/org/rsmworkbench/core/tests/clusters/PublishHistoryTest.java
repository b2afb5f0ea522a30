// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.clusters.PublishHistory;
import org.rsmworkbench.core.clusters.PublishHistory.Event;
import org.rsmworkbench.core.clusters.PublishHistory.Kind;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** The publish history found by diffing snapshots of a real cluster. */
class PublishHistoryTest {
    private static final Credentials OWNER = new Credentials(100, 10, Set.of(), 022, false);
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    private RsmLibrary exporter;
    private PublishHistory history;

    @BeforeEach
    void start() throws Exception {
        exporter = tc.process(1, OWNER);
        history = new PublishHistory();
    }

    private ExportSegment export() throws Exception {
        MemorySegment memory = exporter.allocate(4096);
        return exporter.getController("emu0").createExportSegment(memory, 0);
    }

    @Test
    void publishRepublishUnpublishDestroy() throws Exception {
        assertEquals(List.of(), history.observe(tc.cluster().state()));
        ExportSegment segment = export();
        assertEquals(List.of(), history.observe(tc.cluster().state()), "bound, not published: nothing to tell");

        segment.publish(0x40002a, List.of(new AccessEntry(2, 0600)));
        List<Event> published = history.observe(tc.cluster().state());
        assertEquals(1, published.size());
        Event p = published.get(0);
        assertEquals(Kind.PUBLISHED, p.kind());
        assertEquals(1, p.node());
        assertEquals(0x40002a, p.segmentId());
        assertNull(p.oldAcl());
        assertEquals(List.of(new AccessEntry(2, 0600)), p.newAcl());
        assertTrue(p.describe().startsWith("node 1 segment 0x40002a published: ACL [2:0600]"), p.describe());

        assertEquals(List.of(), history.observe(tc.cluster().state()), "same version: no event");

        segment.republish(List.of(new AccessEntry(2, 0640), new AccessEntry(3, 0604)));
        Event r = history.observe(tc.cluster().state()).get(0);
        assertEquals(Kind.REPUBLISHED, r.kind());
        assertEquals(List.of(new AccessEntry(2, 0600)), r.oldAcl());
        assertEquals(List.of(new AccessEntry(2, 0640), new AccessEntry(3, 0604)), r.newAcl());
        assertTrue(r.detail().contains("[2:0600] -> [2:0640, 3:0604]"), r.detail());

        segment.republish(List.of(new AccessEntry(2, 0640), new AccessEntry(3, 0604)));
        assertEquals(Kind.REPUBLISHED, history.observe(tc.cluster().state()).get(0).kind(), "same ACL republished is still seen");

        segment.unpublish();
        Event u = history.observe(tc.cluster().state()).get(0);
        assertEquals(Kind.UNPUBLISHED, u.kind());
        assertNull(u.newAcl());

        segment.publish(0x40002a, List.of());
        Event again = history.observe(tc.cluster().state()).get(0);
        assertEquals(Kind.PUBLISHED, again.kind());
        assertTrue(again.detail().contains("again after an unpublish"), again.detail());

        segment.destroy();
        Event d = history.observe(tc.cluster().state()).get(0);
        assertEquals(Kind.DESTROYED, d.kind());
        assertTrue(d.detail().contains("destroyed"), d.detail());

        assertEquals(List.of(Kind.PUBLISHED, Kind.REPUBLISHED, Kind.REPUBLISHED, Kind.UNPUBLISHED, Kind.PUBLISHED,
                Kind.DESTROYED), history.events(1, 0x40002a).stream().map(Event::kind).toList());
    }

    @Test
    void nodeDownEndsItsPublications() throws Exception {
        RsmLibrary other = tc.process(2, OWNER);
        MemorySegment memory = other.allocate(4096);
        other.getController("emu0").createExportSegment(memory, 0).publish(0x400077, List.of());
        history.observe(tc.cluster().state());
        tc.cluster().killNode(2);
        Event gone = history.observe(tc.cluster().state()).get(0);
        assertEquals(Kind.DESTROYED, gone.kind());
        assertTrue(gone.detail().contains("node 2 went down"), gone.detail());
    }

    @Test
    void segmentsAlreadyPublishedWhenWatchingBeginsAreRecorded() throws Exception {
        export().publish(0x400010, List.of());
        List<Event> first = history.observe(tc.cluster().state());
        assertEquals(1, first.size());
        assertTrue(first.get(0).detail().contains("already published"), first.get(0).detail());
    }

    @Test
    void callsBetweenTwoLooksAreCounted() throws Exception {
        ExportSegment segment = export();
        segment.publish(0x400011, List.of(new AccessEntry(2, 0600)));
        history.observe(tc.cluster().state());
        segment.republish(List.of(new AccessEntry(3, 0600)));
        segment.republish(List.of(new AccessEntry(2, 0600)));
        Event r = history.observe(tc.cluster().state()).get(0);
        assertEquals(Kind.REPUBLISHED, r.kind());
        assertTrue(r.detail().contains("2 publishes and republishes"), r.detail());
    }
}
