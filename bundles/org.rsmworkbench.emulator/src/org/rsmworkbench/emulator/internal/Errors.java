package org.rsmworkbench.emulator.internal;

import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/** Builds the exceptions of failing calls, and formats what their messages name. */
final class Errors {
    /** Runs before a call fails: a node JVM ends there if its node was killed. */
    private static volatile Runnable beforeFailure = () -> { };

    private Errors() {
    }

    static void beforeFailure(Runnable check) {
        beforeFailure = check;
    }

    static RsmException error(RsmError error, String format, Object... args) {
        beforeFailure.run();
        return new RsmException(error, args.length == 0 ? format : String.format(format, args));
    }

    /** A segment id as the unsigned hex number RSMAPI programs print. */
    static String id(int segmentId) {
        return "0x" + Integer.toHexString(segmentId);
    }

    static String perm(int permission) {
        return "0" + Integer.toOctalString(permission);
    }

    static String acl(List<AccessEntry> acl) {
        return acl.isEmpty() ? "[] (every node, umask mode)" : acl.toString();
    }
}
