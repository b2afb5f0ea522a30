// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.function.Executable;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.Signalable;

/**
 * Assertions shared by the conformance tests. Every failing RSMAPI call must throw an {@link RsmException}
 * carrying the error that RSMAPI.md names, with a message a person can act on; any other exception (or none)
 * is a conformance failure.
 */
public final class RsmAssertions {

    /** The shortest message detail (after the "RSMERR_X: " prefix) accepted as "saying why". */
    private static final int MIN_DETAIL = 8;

    private RsmAssertions() {
    }

    /** Asserts that {@code call} throws an RsmException with {@code expected} and a useful message. */
    public static RsmException assertRsmError(RsmError expected, Executable call) {
        return assertRsmError(expected, call, new String[0]);
    }

    /**
     * Asserts that {@code call} throws an RsmException with {@code expected}, and that its message mentions
     * each of {@code mentions} (case-insensitive): e.g. the segment id in hex or the node id.
     */
    public static RsmException assertRsmError(RsmError expected, Executable call, String... mentions) {
        RsmException e = catchRsm(call, "RSMERR_" + expected);
        assertEquals(expected, e.error(), () -> "wrong error; message: " + e.getMessage());
        assertEquals(expected.code(), e.code(), "code() must be error().code()");
        checkMessage(e, mentions);
        return e;
    }

    /** For inputs where RSMAPI.md allows more than one answer: any of {@code allowed}, never another exception. */
    public static RsmException assertRsmErrorIn(Set<RsmError> allowed, Executable call) {
        RsmException e = catchRsm(call, "one of " + allowed);
        assertTrue(allowed.contains(e.error()),
                () -> "expected one of " + allowed + " but got " + e.error() + ": " + e.getMessage());
        checkMessage(e);
        return e;
    }

    /** Runs {@code call} and fails with the RSM error if it throws one (more readable than a raw stack trace). */
    public static void assertRsmOk(Executable call) {
        try {
            call.execute();
        } catch (RsmException e) {
            fail("expected success but got " + e.error() + ": " + e.getMessage(), e);
        } catch (Throwable t) {
            fail("expected success but got " + t, t);
        }
    }

    private static RsmException catchRsm(Executable call, String expectation) {
        try {
            call.execute();
        } catch (RsmException e) {
            return e;
        } catch (Throwable t) {
            fail("expected RsmException " + expectation + " but got " + t, t);
        }
        fail("expected RsmException " + expectation + " but the call succeeded");
        return null; // unreachable
    }

    private static void checkMessage(RsmException e, String... mentions) {
        String message = e.getMessage();
        assertNotNull(message, "an RsmException must carry a message");
        String prefix = "RSMERR_" + e.error() + ": ";
        String detail = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        assertTrue(detail.strip().length() >= MIN_DETAIL,
                () -> "the message must say why the call failed, got: \"" + message + "\"");
        String lower = message.toLowerCase(Locale.ROOT);
        for (String m : mentions) {
            assertTrue(lower.contains(m.toLowerCase(Locale.ROOT)),
                    () -> "the message should mention " + m + " (one of " + Arrays.toString(mentions) + "): "
                            + message);
        }
    }

    /** Exactly {@code events} events are pending on {@code segment}: each is taken by a wait that does not wait, then none is. */
    public static void assertEventsPending(Signalable segment, int events) {
        for (int event = 0; event < events; event++) {
            assertRsmOk(() -> segment.signalWait(0));
        }
        assertRsmError(RsmError.TIMEOUT, () -> segment.signalWait(0));
    }
}
