// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.rsmapi.RsmError;

/**
 * Checks {@link RsmError} against the return-code table of the RSMAPI specification
 * (/work/shared/spec/RSMAPI.md, section 2.1, taken from rsm_common.h), written out here
 * independently of the enum.
 */
class RsmErrorTest {

    /** RSMERR_* name (without the prefix) to value, as listed in RSMAPI.md section 2.1. */
    private static final Map<String, Integer> SPEC = new LinkedHashMap<>();

    static {
        String[] rsmapiCodes = {
            "BAD_LIBRARY_VERSION", "BAD_TOPOLOGY_PTR", "BAD_CTLR_HNDL", "CTLR_NOT_PRESENT",
            "BAD_SEG_HNDL", "SEG_ALREADY_PUBLISHED", "SEG_NOT_PUBLISHED", "SEG_NOT_PUBLISHED_TO_NODE",
            "SEG_ALREADY_MAPPED", "SEG_STILL_MAPPED", "SEG_NOT_MAPPED", "NOT_CREATOR",
            "BAD_BARRIER_PTR", "BAD_SGIO", "BAD_LOCALMEM_HNDL", "BAD_ADDR",
            "BAD_MEM_ALIGNMENT", "BAD_OFFSET", "MISALIGNED_OFFSET", "BAD_LENGTH",
            "BAD_ACL", "BAD_SEGID", "RESERVED_SEGID", "SEGID_IN_USE",
            "BAD_MODE", "BAD_PERMS", "PERM_DENIED", "LOCKS_NOT_SUPPORTED",
            "LOCKS_NOT_ENABLED", "REBIND_NOT_ALLOWED", "INSUFFICIENT_RESOURCES", "INSUFFICIENT_MEM",
            "MAP_FAILED", "POLLFD_IN_USE", "BARRIER_UNINITIALIZED", "BARRIER_OPEN_FAILED",
            "BARRIER_NOT_OPENED", "BARRIER_FAILURE", "REMOTE_NODE_UNREACHABLE", "CONN_ABORTED",
            "INTERRUPTED", "TIMEOUT", "BAD_APPID", "BAD_CONF",
            "SEG_NOT_CONNECTED",
        };
        // the table numbers them 1..45 in this order
        for (int i = 0; i < rsmapiCodes.length; i++) {
            SPEC.put(rsmapiCodes[i], i + 1);
        }
        // the two RSMPI (driver-level) codes that reach RSMAPI callers
        SPEC.put("INTERNAL_ERROR", 100);
        SPEC.put("BAD_ARGS_ERRORS", 117);
    }

    @Test
    void specTableIsComplete() {
        assertEquals(47, SPEC.size());
        assertEquals(45, SPEC.get("SEG_NOT_CONNECTED"));
    }

    @Test
    void enumHasExactlyTheSpecifiedCodes() {
        Set<String> names = Arrays.stream(RsmError.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(SPEC.keySet()), names);
    }

    @ParameterizedTest
    @EnumSource(RsmError.class)
    void codeMatchesSpec(RsmError error) {
        assertEquals(SPEC.get(error.name()), error.code(), () -> "RSMERR_" + error.name());
    }

    @ParameterizedTest
    @EnumSource(RsmError.class)
    void everyCodeRoundTripsThroughOf(RsmError error) {
        assertSame(error, RsmError.of(error.code()));
    }

    @Test
    void codesAreUnique() {
        Set<Integer> seen = new HashSet<>();
        for (RsmError e : RsmError.values()) {
            assertEquals(true, seen.add(e.code()), () -> "duplicate code " + e.code());
        }
    }

    @Test
    void someExactValues() {
        assertEquals(1, RsmError.BAD_LIBRARY_VERSION.code());
        assertEquals(22, RsmError.BAD_SEGID.code());
        assertEquals(23, RsmError.RESERVED_SEGID.code());
        assertEquals(24, RsmError.SEGID_IN_USE.code());
        assertEquals(31, RsmError.INSUFFICIENT_RESOURCES.code());
        assertEquals(40, RsmError.CONN_ABORTED.code());
        assertEquals(45, RsmError.SEG_NOT_CONNECTED.code());
        assertEquals(100, RsmError.INTERNAL_ERROR.code());
        assertEquals(117, RsmError.BAD_ARGS_ERRORS.code());
        assertSame(RsmError.PERM_DENIED, RsmError.of(27));
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 0, -1, 46, 99, 101, 116, 118, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void unknownCodesAreRejected(int code) {
        assertThrows(IllegalArgumentException.class, () -> RsmError.of(code));
    }
}
