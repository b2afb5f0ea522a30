// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.inspect.RowChangeTracker;
import org.rsmworkbench.core.inspect.SegmentRows;
import org.rsmworkbench.core.inspect.SegmentRows.Row;

/** Which rows a refresh posts to the UI, how posts merge, and the ages the UI keeps. */
class RowChangeTrackerTest {
    private static final int FADE = 3;
    private static final int NEVER = SegmentRows.NEVER_CHANGED;

    private static Row row(long offset, int value, int... ages) {
        byte[] bytes = new byte[ages.length];
        java.util.Arrays.fill(bytes, (byte) value);
        return new Row(offset, bytes, ages);
    }

    private static Map<Long, Row> refresh(RowChangeTracker tracker, Row... rows) {
        return tracker.refreshed(tracker.generation(), List.of(rows), 0, Long.MAX_VALUE, rows.length);
    }

    @Test
    void theFirstRefreshPostsEveryRowThenOnlyChangedOnes() {
        RowChangeTracker tracker = new RowChangeTracker(FADE);
        assertEquals(Set.of(0L, 4L), refresh(tracker, row(0, 1, NEVER, NEVER), row(4, 1, NEVER, NEVER)).keySet());
        assertTrue(refresh(tracker, row(0, 1, NEVER, NEVER), row(4, 1, NEVER, NEVER)).isEmpty(), "nothing changed");
        assertEquals(Set.of(4L), refresh(tracker, row(0, 1, NEVER, NEVER), row(4, 2, 0, 0)).keySet(), "bytes of row 4");
    }

    @Test
    void agesPastTheLastFadeStepLookAlike() {
        RowChangeTracker tracker = new RowChangeTracker(FADE);
        refresh(tracker, row(0, 1, 0, NEVER));
        assertEquals(Set.of(0L), refresh(tracker, row(0, 1, 1, NEVER)).keySet(), "one step faded");
        refresh(tracker, row(0, 1, 2, NEVER));
        assertEquals(Set.of(0L), refresh(tracker, row(0, 1, FADE, NEVER)).keySet(), "faded out");
        assertTrue(refresh(tracker, row(0, 1, FADE + 1, NEVER)).isEmpty(), "an older age looks the same");
        assertTrue(refresh(tracker, row(0, 1, NEVER, NEVER)).isEmpty());
    }

    @Test
    void aNewGenerationPostsEveryRowAgainAndDropsWhatWaits() {
        RowChangeTracker tracker = new RowChangeTracker(FADE);
        assertTrue(tracker.post(refresh(tracker, row(0, 1, NEVER))));
        long gen = tracker.newGeneration();
        assertEquals(gen, tracker.generation());
        assertNull(tracker.takePending(), "posted for the old layout");
        assertEquals(Set.of(0L), refresh(tracker, row(0, 1, NEVER)).keySet(), "posted again for the new one");
    }

    @Test
    void postsMergeUntilTheUiTakesThem() {
        RowChangeTracker tracker = new RowChangeTracker(FADE);
        assertFalse(tracker.post(Map.of()), "nothing to post");
        Row first = row(0, 1, 0);
        Row second = row(0, 2, 0);
        assertTrue(tracker.post(Map.of(0L, first)), "the first post asks for the UI");
        assertFalse(tracker.post(Map.of(0L, second, 4L, row(4, 1, 0))), "the UI is asked already");
        Map<Long, Row> taken = tracker.takePending();
        assertEquals(Set.of(0L, 4L), taken.keySet());
        assertSame(second, taken.get(0L), "the latest bytes win");
        assertNull(tracker.takePending());
        assertTrue(tracker.post(Map.of(0L, first)), "asks again once taken");
    }

    @Test
    void theUiKeepsTheAgesItShowed() {
        RowChangeTracker tracker = new RowChangeTracker(FADE);
        assertArrayEquals(new int[] { NEVER, NEVER }, tracker.ages(0, 2), "never shown");
        tracker.shown(List.of(row(0, 1, 0, 2)));
        assertArrayEquals(new int[] { 0, 2 }, tracker.ages(0, 2));
        assertArrayEquals(new int[] { NEVER }, tracker.ages(0, 1), "another row width");
        tracker.forgetAges();
        assertArrayEquals(new int[] { NEVER, NEVER }, tracker.ages(0, 2));
    }

    @Test
    void rowsOutOfSightAreForgottenOnceManyAreRemembered() {
        RowChangeTracker tracker = new RowChangeTracker(FADE);
        Row[] rows = new Row[300];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(i, 1, NEVER);
        }
        tracker.refreshed(tracker.generation(), List.of(rows), 0, 300, 10);
        assertSame(rows[299], tracker.lastPosted(299), "more than four screens of at least 64 rows, but all in sight");
        tracker.refreshed(tracker.generation(), List.of(rows).subList(0, 10), 0, 10, 10);
        assertSame(rows[5], tracker.lastPosted(5));
        assertNull(tracker.lastPosted(200), "out of sight, forgotten");
    }
}
