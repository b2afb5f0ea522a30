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
        Matcher m = matchTime(text, Fault.SYNTAX);
        return new ScheduledFault(time(m), Fault.parse(m.group(1)));
    }

    /**
     * {@code text} matched as FAULT@TIME: group 1 is the fault, {@link #time} the time.
     *
     * @param syntax the faults there are, for the message when it does not match
     */
    static Matcher matchTime(String text, String syntax) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("fault \"" + text + "\" is not FAULT@TIME (TIME like 500ms or 2s), FAULT one of "
                    + syntax);
        }
        return m;
    }

    /** The TIME of a {@link #matchTime} match. */
    static Duration time(Matcher m) {
        long amount = Long.parseLong(m.group(2));
        return m.group(3).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
    }

    @Override
    public String toString() {
        return fault + "@" + at.toMillis() + "ms";
    }
}
