// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultSyntaxTest {

    @Test
    void everyKindIsReadAsWritten() {
        assertEquals(new ScheduledFault(Duration.ofMillis(500), new Fault.KillNode(2)), ScheduledFault.parse("kill:2@500ms"));
        assertEquals(new ScheduledFault(Duration.ofSeconds(2), new Fault.RestartNode(2)), ScheduledFault.parse("restart:2@2s"));
        assertEquals(new ScheduledFault(Duration.ofMillis(200), new Fault.SetLink(1, "emu0", 2, "emu1", false)),
                ScheduledFault.parse("link-down:1/emu0-2/emu1@200ms"));
        assertEquals(new Fault.SetLink(3, "wrsm2", 1, "emu0", true), Fault.parse("link-up:3/wrsm2-1/emu0"));
        assertEquals(new ScheduledFault(Duration.ofMillis(100), new Fault.FailTransfers(1, 2, 3)),
                ScheduledFault.parse("fail:1->2x3@100ms"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "kill:2@500ms", "restart:12@0ms", "link-down:1/emu0-2/emu0@200ms", "link-up:1/emu0-2/emu0@2000ms",
            "fail:1->2x3@100ms" })
    void toStringGivesTheSyntaxBack(String text) {
        assertEquals(text, ScheduledFault.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "kill:2", "kill:2@", "kill:2@5m", "kill:@1s", "kill:-1@1s", "link-down:1/emu0@1s",
            "link-down:1-2@1s", "fail:1->2@1s", "fail:1-2x3@1s", "fail:1->2x0@1s", "kill:99999999999@1s", "@1s" })
    void badSyntaxIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> ScheduledFault.parse(text));
    }
}
