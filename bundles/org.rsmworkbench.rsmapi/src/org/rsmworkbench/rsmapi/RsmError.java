// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

/**
 * Every {@code RSMERR_*} code of RSMAPI (rsm_common.h), with the same names less the prefix and
 * the same numbers, plus the two driver-level codes that reach RSMAPI callers.
 */
public enum RsmError {
    BAD_LIBRARY_VERSION(1),
    BAD_TOPOLOGY_PTR(2),
    BAD_CTLR_HNDL(3),
    CTLR_NOT_PRESENT(4),
    BAD_SEG_HNDL(5),
    SEG_ALREADY_PUBLISHED(6),
    SEG_NOT_PUBLISHED(7),
    SEG_NOT_PUBLISHED_TO_NODE(8),
    SEG_ALREADY_MAPPED(9),
    SEG_STILL_MAPPED(10),
    SEG_NOT_MAPPED(11),
    NOT_CREATOR(12),
    BAD_BARRIER_PTR(13),
    BAD_SGIO(14),
    BAD_LOCALMEM_HNDL(15),
    BAD_ADDR(16),
    BAD_MEM_ALIGNMENT(17),
    BAD_OFFSET(18),
    MISALIGNED_OFFSET(19),
    BAD_LENGTH(20),
    BAD_ACL(21),
    BAD_SEGID(22),
    RESERVED_SEGID(23),
    SEGID_IN_USE(24),
    BAD_MODE(25),
    BAD_PERMS(26),
    PERM_DENIED(27),
    LOCKS_NOT_SUPPORTED(28),
    LOCKS_NOT_ENABLED(29),
    REBIND_NOT_ALLOWED(30),
    INSUFFICIENT_RESOURCES(31),
    INSUFFICIENT_MEM(32),
    MAP_FAILED(33),
    POLLFD_IN_USE(34),
    BARRIER_UNINITIALIZED(35),
    BARRIER_OPEN_FAILED(36),
    BARRIER_NOT_OPENED(37),
    BARRIER_FAILURE(38),
    REMOTE_NODE_UNREACHABLE(39),
    CONN_ABORTED(40),
    INTERRUPTED(41),
    TIMEOUT(42),
    BAD_APPID(43),
    BAD_CONF(44),
    SEG_NOT_CONNECTED(45),
    INTERNAL_ERROR(100),
    BAD_ARGS_ERRORS(117);

    private final int code;

    RsmError(int code) {
        this.code = code;
    }

    /** The RSMERR_* number. */
    public int code() {
        return code;
    }

    /**
     * The error with that RSMERR_* number.
     *
     * @throws IllegalArgumentException for a number that is not an RSMAPI error code
     */
    public static RsmError of(int code) {
        for (RsmError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("not an RSMAPI error code: " + code);
    }
}
