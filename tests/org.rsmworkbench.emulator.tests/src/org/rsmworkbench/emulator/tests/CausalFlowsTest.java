// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Flow;
import org.rsmworkbench.emulator.trace.LogLimit;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.rsmapi.RsmError;

/**
 * The links that order calls of different processes ({@link Recording#causalFlows}), on events made here: a cause (a
 * publish, a cut) is seen by another process from its start, so a call that ends before the cause returns may follow
 * it. On a loaded machine a connect often returns before the publish that admitted it does.
 */
class CausalFlowsTest {
    private static final int EXPORTER = 1;
    private static final int IMPORTER = 2;

    private static TraceEvent event(int node, long start, long end, EventKind kind, int error) {
        return new TraceEvent(start, end - start, node, 100 + node, 1, "main", start, kind, error, EXPORTER, 0x400100, 0, 0, 0,
                null, PayloadForm.NONE, null);
    }

    @Test
    void aConnectThatReturnsBeforeTheRepublishThatAdmittedItFollowsThatRepublish() {
        TraceEvent firstPublish = event(EXPORTER, 10, 20, EventKind.EXPORT_PUBLISH, 0);
        TraceEvent unpublish = event(EXPORTER, 30, 40, EventKind.EXPORT_UNPUBLISH, 0);
        TraceEvent republish = event(EXPORTER, 50, 90, EventKind.EXPORT_PUBLISH, 0);
        TraceEvent connect = event(IMPORTER, 60, 70, EventKind.CONNECT, 0);

        List<Flow> flows = Recording.causalFlows(Stream.of(firstPublish, unpublish, republish, connect));

        assertEquals(List.of(new Flow(Flow.Kind.PUBLISH, republish, connect)), flows);
    }

    @Test
    void aCallCutOffBeforeTheUnpublishReturnsFollowsThatUnpublish() {
        TraceEvent publish = event(EXPORTER, 10, 20, EventKind.EXPORT_PUBLISH, 0);
        TraceEvent connect = event(IMPORTER, 25, 28, EventKind.CONNECT, 0);
        TraceEvent unpublish = event(EXPORTER, 30, 80, EventKind.EXPORT_UNPUBLISH, 0);
        TraceEvent cutPut = event(IMPORTER, 40, 50, EventKind.PUT, RsmError.CONN_ABORTED.code());

        List<Flow> flows = Recording.causalFlows(Stream.of(publish, connect, unpublish, cutPut));

        assertEquals(List.of(new Flow(Flow.Kind.PUBLISH, publish, connect), new Flow(Flow.Kind.FORCED_DISCONNECT, unpublish, cutPut)),
                flows);
    }

    /**
     * The importer posts every 10 ns and the exporter's wait consumes each post 5 ns later; the exporter's log is a ring
     * that kept its events from 50 ns on. A wait is linked to its own post, none to a post whose wait the ring lost
     * (before, the first wait kept took the first post, and every later one the post 50 ns before its own); and nothing
     * is linked after where a stopped log ends.
     */
    @Test
    void postsAndWaitsAreLinkedOnlyWhereEveryLogHasItsEvents() {
        List<TraceEvent> posts = new ArrayList<>();
        List<TraceEvent> waits = new ArrayList<>();
        for (long t = 10; t <= 100; t += 10) {
            posts.add(event(IMPORTER, t, t + 1, EventKind.SIGNAL_POST, 0));
            if (t >= 50) { // what the exporter's ring kept
                waits.add(new TraceEvent(t, 5, EXPORTER, 100 + EXPORTER, 1, "main", t, EventKind.SIGNAL_WAIT, 0, EXPORTER,
                        0x400100, 0, 0, 1 | TraceEvent.EXPORT_SIDE, null, PayloadForm.NONE, null));
            }
        }
        LogLimit ring = new LogLimit(EXPORTER, 100 + EXPORTER, 1 << 20, true, true, 0, true, 50, Long.MAX_VALUE);

        List<Flow> flows = Recording.causalFlows(Stream.concat(posts.stream(), waits.stream()), List.of(ring));

        List<Flow> ownPosts = new ArrayList<>();
        for (int i = 0; i < waits.size(); i++) {
            ownPosts.add(new Flow(Flow.Kind.SIGNAL, posts.get(i + 4), waits.get(i)));
        }
        assertEquals(ownPosts, flows);

        LogLimit stopped = new LogLimit(IMPORTER, 100 + IMPORTER, 1 << 20, false, true, 3, false, Long.MIN_VALUE, 71);
        assertEquals(ownPosts.subList(0, 2), Recording.causalFlows(Stream.concat(posts.stream(), waits.stream()), List.of(ring, stopped)),
                "the importer's log stopped after its post at 70: the waits that end after are not linked");
    }

    /** A connect after a ring's gap still follows the last publish before it: a gap does not shift such a link. */
    @Test
    void aConnectAfterARingsGapFollowsThePublishBeforeIt() {
        TraceEvent publish = event(EXPORTER, 10, 20, EventKind.EXPORT_PUBLISH, 0);
        TraceEvent connect = event(IMPORTER, 60, 70, EventKind.CONNECT, 0);
        LogLimit ring = new LogLimit(IMPORTER, 100 + IMPORTER, 1 << 20, true, true, 0, true, 50, Long.MAX_VALUE);

        assertEquals(List.of(new Flow(Flow.Kind.PUBLISH, publish, connect)), Recording.causalFlows(Stream.of(publish, connect),
                List.of(ring)));
    }
}
