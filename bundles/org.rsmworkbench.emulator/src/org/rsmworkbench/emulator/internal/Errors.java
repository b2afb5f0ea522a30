// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.util.List;
import java.util.Locale;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * Builds the exceptions of failing calls, and formats what their messages name. Public for the backend seam
 * ({@link org.rsmworkbench.emulator.backend.ConnectChecks}), whose failures must run the same check before they are thrown.
 */
public final class Errors {
    /** Runs before a call fails: a node JVM ends there if its node was killed. */
    private static volatile Runnable beforeFailure = () -> { };
    /** How much later than its timeout a wait returns before its message says how long it took. */
    private static final long LATE_MILLIS = 1000;

    private Errors() {
    }

    static void beforeFailure(Runnable check) {
        beforeFailure = check;
    }

    public static RsmException error(RsmError error, String format, Object... args) {
        beforeFailure.run();
        return new RsmException(error, args.length == 0 ? format : String.format(format, args));
    }

    /**
     * How long a wait that timed out waited: "within 100 ms", or, when the call returned much later than its
     * timeout (its thread was held up, e.g. suspended in a debugger), also the time the call really took.
     */
    static String waitedFor(int timeoutMillis, long startNanos) {
        long tookMillis = (System.nanoTime() - startNanos) / 1_000_000;
        return tookMillis - timeoutMillis >= LATE_MILLIS
                ? String.format(Locale.ROOT, "within its timeout of %d ms (the call returned after %.1f s)", timeoutMillis,
                        tookMillis / 1000.0)
                : "within " + timeoutMillis + " ms";
    }

    /** A segment id as the unsigned hex number RSMAPI programs print. */
    public static String id(int segmentId) {
        return "0x" + Integer.toHexString(segmentId);
    }

    public static String perm(int permission) {
        return "0" + Integer.toOctalString(permission);
    }

    static String acl(List<AccessEntry> acl) {
        return acl.isEmpty() ? "[] (every node, umask mode)" : acl.toString();
    }
}
