// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.inspect.Progress;
import org.rsmworkbench.core.inspect.Search;

/** Find after the selected row, wrapping to the start as an editor's Find does. */
class SearchWrappingTest {
    private final MemorySegment memory = MemorySegment.ofArray("..RSM!....RSM!..".getBytes(StandardCharsets.US_ASCII));
    private final byte[] rsm = Search.text("RSM!");

    @Test
    void findsTheNextOccurrenceAfterTheStart() {
        assertEquals(new Search.Found(2, false), Search.findWrapping(memory, rsm, 0, Progress.NONE));
        assertEquals(new Search.Found(10, false), Search.findWrapping(memory, rsm, 3, Progress.NONE));
    }

    @Test
    void wrapsToTheStartWhenNothingFollows() {
        assertEquals(new Search.Found(2, true), Search.findWrapping(memory, rsm, 11, Progress.NONE));
    }

    @Test
    void findsNothingThatIsNotThere() {
        assertNull(Search.findWrapping(memory, Search.text("RSMAPI"), 5, Progress.NONE));
        assertNull(Search.findWrapping(memory, Search.text("RSMAPI"), 0, Progress.NONE));
    }
}
