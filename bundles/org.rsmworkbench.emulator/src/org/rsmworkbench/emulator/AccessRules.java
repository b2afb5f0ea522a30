// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;

/**
 * The kernel agent's second-level access check ({@code rsm_access}, RSMAPI §4) as the emulator applies it to a
 * connect request: the node-level mode of a segment (from its ACL, or the creator's umask mode), its creator's uid
 * and gid, and the importer's credentials decide. Permissions are {@link Rsm#PERM_READ}, {@link Rsm#PERM_WRITE} or
 * {@link Rsm#PERM_RDWR} (0400/0200/0600, the owner digit's bits); modes are the nine permission bits of a file
 * mode. Public so that tools explain a decision with the rules that made it.
 */
public final class AccessRules {
    private AccessRules() {
    }

    /** The bits of {@code mode}, in every digit, that a request for {@code permission} asks for. */
    public static int granted(int mode, int permission) {
        int access = ((permission & Rsm.PERM_READ) != 0 ? 0444 : 0) | ((permission & Rsm.PERM_WRITE) != 0 ? 0222 : 0);
        return access & mode;
    }

    /**
     * How far the digit of the mode that applies to {@code importer} sits below the owner digit, in bits: 0 when
     * the importer is the owner uid, 3 when a member of the owner gid, else 6. That digit is
     * {@code (mode >> (6 - shift)) & 7}.
     */
    public static int shift(int ownerUid, int ownerGid, Credentials importer) {
        return importer.uid() == ownerUid ? 0 : importer.isMemberOf(ownerGid) ? 3 : 6;
    }

    /** The requested bits that the digit of the importer's class does not give (0 = allowed), privilege ignored. */
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
