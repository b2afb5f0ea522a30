// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault and when to inject it, counted from the moment every node JVM has joined the cluster
 * (see {@link FaultScheduler}). The text form is
 * {@code FAULT@TIME} with TIME in {@code ms} or {@code s}, e.g. {@code kill:2@500ms} (see {@link Fault}).
 */
public record ScheduledFault(Duration at, Fault fault) {
    private static final Pattern TEXT = Pattern.compile("(.+)@([0-9]{1,9})(ms|s)");

    public ScheduledFault {
        Objects.requireNonNull(fault, "fault");
        if (at.isNegative()) {
            throw new IllegalArgumentException("fault " + fault + " is scheduled at a negative time " + at);
        }
    }

    /** Reads {@code FAULT@TIME}, e.g. {@code link-down:1/emu0-2/emu0@200ms} or {@code kill:3@2s}. */
    public static ScheduledFault parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("fault \"" + text + "\" is not FAULT@TIME (TIME like 500ms or 2s), FAULT one of "
                    + Fault.SYNTAX);
        }
        long amount = Long.parseLong(m.group(2));
        Duration at = m.group(3).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
        return new ScheduledFault(at, Fault.parse(m.group(1)));
    }

    @Override
    public String toString() {
        return fault + "@" + at.toMillis() + "ms";
    }
}
