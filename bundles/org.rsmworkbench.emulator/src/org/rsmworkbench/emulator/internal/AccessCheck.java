package org.rsmworkbench.emulator.internal;

import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;

/**
 * The kernel agent's second-level access check ({@code rsm_access}, RSMAPI §4): the node-level mode
 * of a segment, its creator's uid and gid, and the importer's credentials decide a connect request.
 */
public final class AccessCheck {
    private AccessCheck() {
    }

    /** The mode bits that a request for {@code permission} (0400/0200/0600) asks of {@code mode}. */
    public static int granted(int mode, int permission) {
        int access = ((permission & Rsm.PERM_READ) != 0 ? 0444 : 0) | ((permission & Rsm.PERM_WRITE) != 0 ? 0222 : 0);
        return access & mode;
    }

    /** 0 when the importer is the owner uid, 3 when a member of the owner gid, else 6. */
    public static int shift(int ownerUid, int ownerGid, Credentials importer) {
        return importer.uid() == ownerUid ? 0 : importer.isMemberOf(ownerGid) ? 3 : 6;
    }

    /** The requested bits that the digit of the importer's class does not give (0 = allowed). */
    public static int missing(int mode, int ownerUid, int ownerGid, int permission, Credentials importer) {
        return permission & ~(granted(mode, permission) << shift(ownerUid, ownerGid, importer));
    }

    /** Whether a connect asking {@code permission} is allowed, privilege included. */
    public static boolean permits(int mode, int ownerUid, int ownerGid, int permission, Credentials importer) {
        return missing(mode, ownerUid, ownerGid, permission, importer) == 0 || importer.privileged();
    }

    /** "owner", "group" or "other": the digit of the mode that applies to the importer. */
    public static String relation(int ownerUid, int ownerGid, Credentials importer) {
        return switch (shift(ownerUid, ownerGid, importer)) {
            case 0 -> "owner";
            case 3 -> "group";
            default -> "other";
        };
    }
}
