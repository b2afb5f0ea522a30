// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * RSMAPI.md §4: the two-level access check, verified exhaustively against an oracle written here from the
 * spec's formula (not from the implementation). One cluster and one set of processes serve every case; each
 * case is a connect (and a disconnect when it succeeds).
 */
@DisplayName("§4 access control")
class AccessControlTest {

    private static final int EXPORTER_UID = 100;
    private static final int EXPORTER_GID = 50;

    /** How the importing process relates to the exporter's creator uid/gid. */
    enum Relation {
        OWNER, GROUP_PRIMARY, GROUP_SUPPLEMENTARY, OTHER;

        Credentials credentials(boolean privileged) {
            return switch (this) {
            case OWNER -> new Credentials(EXPORTER_UID, 77, Set.of(78), 022, privileged);
            case GROUP_PRIMARY -> new Credentials(200, EXPORTER_GID, Set.of(), 022, privileged);
            case GROUP_SUPPLEMENTARY -> new Credentials(201, 78, Set.of(79, EXPORTER_GID), 022, privileged);
            case OTHER -> new Credentials(202, 79, Set.of(80, 81), 022, privileged);
            };
        }
    }

    private static final int[] REQUESTS = { Rsm.PERM_READ, Rsm.PERM_WRITE, Rsm.PERM_RDWR };

    private static EmulatedClusterExtension tc;
    /** Importer processes on node 2 (remote) and node 1 (local), keyed by relation and privilege. */
    private static final Map<String, RsmLibrary> IMPORTERS = new LinkedHashMap<>();
    private static RsmLibrary exporter;

    @BeforeAll
    static void setUp() throws RsmException {
        tc = EmulatedClusterExtension.start(3);
        exporter = tc.process(1, new Credentials(EXPORTER_UID, EXPORTER_GID, Set.of(), 022, false));
        for (int node : new int[] { 1, 2 }) {
            for (Relation r : Relation.values()) {
                for (boolean priv : new boolean[] { false, true }) {
                    IMPORTERS.put(key(node, r, priv), tc.process(node, r.credentials(priv)));
                }
            }
        }
    }

    @AfterAll
    static void tearDown() {
        IMPORTERS.clear();
        tc.close();
    }

    private static String key(int node, Relation r, boolean privileged) {
        return node + "/" + r + "/" + privileged;
    }

    // ---------------------------------------------------------------- the oracle

    /**
     * RSMAPI.md §4, level 2: {@code mode} is what level 1 answered (0666 & ACL entry, or 0666 & umask mode).
     * Returns true when the connect must succeed.
     */
    static boolean oracleAllows(int mode, Relation relation, boolean privileged, int request) {
        int access = ((request & Rsm.PERM_READ) != 0 ? 0444 : 0) | ((request & Rsm.PERM_WRITE) != 0 ? 0222 : 0);
        int granted = access & mode & 0666;
        int shift = switch (relation) {
        case OWNER -> 0;
        case GROUP_PRIMARY, GROUP_SUPPLEMENTARY -> 3;
        case OTHER -> 6;
        };
        int missing = request & ~(granted << shift);
        return missing == 0 || privileged;
    }

    @Test
    void oracleReproducesTheManPageExample0624() {
        // owner RDWR; group WRITE only; others READ only
        assertTrue(oracleAllows(0624, Relation.OWNER, false, Rsm.PERM_RDWR));
        assertTrue(oracleAllows(0624, Relation.GROUP_PRIMARY, false, Rsm.PERM_WRITE));
        assertTrue(!oracleAllows(0624, Relation.GROUP_PRIMARY, false, Rsm.PERM_READ));
        assertTrue(oracleAllows(0624, Relation.OTHER, false, Rsm.PERM_READ));
        assertTrue(!oracleAllows(0624, Relation.OTHER, false, Rsm.PERM_WRITE));
        assertTrue(oracleAllows(0, Relation.OTHER, true, Rsm.PERM_RDWR));
    }

    /** Connects once and compares to the oracle; returns a description of a mismatch, or null. */
    private static String check(Exported e, int node, int mode, String modeSource, Relation r, boolean priv,
            int request) {
        RsmLibrary importer = IMPORTERS.get(key(node, r, priv));
        boolean expected = oracleAllows(mode, r, priv, request);
        String what = String.format("%s=0%o, importer node %d %s%s, request 0%o: expected %s", modeSource, mode, node,
                r, priv ? " privileged" : "", request, expected ? "success" : "PERM_DENIED");
        try {
            ImportSegment im = importer.getController("emu0").connect(e.node(), e.id(), request);
            im.disconnect();
            return expected ? null : what + ", got success";
        } catch (RsmException ex) {
            if (!expected && ex.error() == RsmError.PERM_DENIED) {
                return null;
            }
            return what + ", got " + ex.error() + " (" + ex.getMessage() + ")";
        }
    }

    static IntStream everyEvenPermission() {
        int[] digits = { 0, 2, 4, 6 };
        List<Integer> perms = new ArrayList<>();
        for (int o : digits) {
            for (int g : digits) {
                for (int t : digits) {
                    perms.add(o << 6 | g << 3 | t);
                }
            }
        }
        return perms.stream().mapToInt(Integer::intValue);
    }

    @ParameterizedTest(name = "ACL perm 0{0}")
    @MethodSource("everyEvenPermission")
    void aclPermissionAgainstTheOracle(int perm) throws Exception {
        Exported e = publish(exporter, PAGE, List.of(new AccessEntry(1, perm), new AccessEntry(2, perm)));
        try {
            List<String> mismatches = new ArrayList<>();
            for (int node : new int[] { 2, 1 }) {
                for (Relation r : Relation.values()) {
                    for (boolean priv : new boolean[] { false, true }) {
                        for (int request : REQUESTS) {
                            String m = check(e, node, perm, "ACL perm", r, priv, request);
                            if (m != null) {
                                mismatches.add(m);
                            }
                        }
                    }
                }
            }
            assertEquals(List.of(), mismatches, mismatches.size() + " cases differ from RSMAPI.md §4");
        } finally {
            e.segment().destroy();
        }
    }

    @ParameterizedTest(name = "umask 0{0}")
    @ValueSource(ints = { 0, 022, 027, 077, 0222, 0444, 0777, 0002, 0020, 0200, 0137 })
    void emptyAclUsesTheUmaskMode(int umask) throws Exception {
        RsmLibrary ex = tc.process(1, new Credentials(EXPORTER_UID, EXPORTER_GID, Set.of(), umask, false));
        int mode = 0777 & ~umask & 0666;
        Exported e = publish(ex, PAGE, List.of());
        List<String> mismatches = new ArrayList<>();
        for (int node : new int[] { 2, 1 }) {
            for (Relation r : Relation.values()) {
                for (boolean priv : new boolean[] { false, true }) {
                    for (int request : REQUESTS) {
                        String m = check(e, node, mode, "umask mode", r, priv, request);
                        if (m != null) {
                            mismatches.add(m);
                        }
                    }
                }
            }
        }
        ex.close();
        assertEquals(List.of(), mismatches, mismatches.size() + " cases differ from RSMAPI.md §4");
    }

    @Test
    void nodeMissingFromANonEmptyAclIsNotPublishedToNodeEvenForPrivileged() throws Exception {
        Exported e = publish(exporter, PAGE, List.of(new AccessEntry(1, 0666)));
        try {
            for (boolean priv : new boolean[] { false, true }) {
                RsmLibrary owner = IMPORTERS.get(key(2, Relation.OWNER, priv));
                assertRsmError(RsmError.SEG_NOT_PUBLISHED_TO_NODE, () -> connect(owner, "emu0", e, Rsm.PERM_READ));
            }
            assertRsmOk(() -> connect(IMPORTERS.get(key(1, Relation.OTHER, false)), "emu0", e, Rsm.PERM_RDWR)
                    .disconnect());
        } finally {
            e.segment().destroy();
        }
    }

    @ParameterizedTest(name = "request 0{0}")
    @ValueSource(ints = { 0700, 0640, 0060, 0006, 0001, 0100, 01000 })
    void requestWithBitsOutside0600IsPermDeniedEvenWhenPrivileged(int request) throws Exception {
        Exported e = publish(exporter, PAGE, List.of(new AccessEntry(2, 0666)));
        try {
            RsmLibrary privOwner = IMPORTERS.get(key(2, Relation.OWNER, true));
            assertRsmError(RsmError.PERM_DENIED, () -> connect(privOwner, "emu0", e, request));
        } finally {
            e.segment().destroy();
        }
    }

    @Test
    void firstMatchingAclEntryWins() throws Exception {
        Exported e = publish(exporter, PAGE, List.of(new AccessEntry(2, 0400), new AccessEntry(2, 0600)));
        try {
            RsmLibrary owner = IMPORTERS.get(key(2, Relation.OWNER, false));
            assertRsmOk(() -> connect(owner, "emu0", e, Rsm.PERM_READ).disconnect());
            assertRsmError(RsmError.PERM_DENIED, () -> connect(owner, "emu0", e, Rsm.PERM_RDWR));
        } finally {
            e.segment().destroy();
        }
    }

    @Test
    void zeroPermissionEntryAdmitsOnlyPrivilegedProcesses() throws Exception {
        Exported e = publish(exporter, PAGE, List.of(new AccessEntry(2, 0)));
        try {
            RsmLibrary owner = IMPORTERS.get(key(2, Relation.OWNER, false));
            RsmLibrary privOther = IMPORTERS.get(key(2, Relation.OTHER, true));
            assertRsmError(RsmError.PERM_DENIED, () -> connect(owner, "emu0", e, Rsm.PERM_READ));
            assertRsmOk(() -> connect(privOther, "emu0", e, Rsm.PERM_RDWR).disconnect());
        } finally {
            e.segment().destroy();
        }
    }

    @Test
    void uidZeroIsNotSpecial() throws Exception {
        Exported e = publish(exporter, PAGE, List.of(new AccessEntry(2, 0600)));
        try {
            RsmLibrary root = tc.process(2, new Credentials(0, 0, Set.of(), 022, false));
            assertRsmError(RsmError.PERM_DENIED, () -> connect(root, "emu0", e, Rsm.PERM_READ));
            root.close();
        } finally {
            e.segment().destroy();
        }
    }

    // ---------------------------------------------------------------- republish

    @Test
    void republishKeepsExistingConnectionsAndChecksNewOnes() throws Exception {
        Exported e = publish(exporter, PAGE, List.of(new AccessEntry(2, 0660), new AccessEntry(3, 0660)));
        try {
            RsmLibrary owner = IMPORTERS.get(key(2, Relation.OWNER, false));
            RsmLibrary group = IMPORTERS.get(key(2, Relation.GROUP_PRIMARY, false));
            ImportSegment kept = connect(owner, "emu0", e, Rsm.PERM_RDWR);
            kept.initBarrier(BarrierType.SEGMENT);

            e.segment().republish(List.of(new AccessEntry(2, 0400), new AccessEntry(3, 0660)));
            // the existing connection keeps its access
            assertRsmOk(() -> kept.put32(0, new int[] { 5 }, 1));
            assertRsmOk(() -> kept.get32(0, new int[1], 1));
            // new connects see the new ACL, even on the node that still has a connection
            assertRsmError(RsmError.PERM_DENIED, () -> connect(owner, "emu0", e, Rsm.PERM_RDWR));
            assertRsmError(RsmError.PERM_DENIED, () -> connect(group, "emu0", e, Rsm.PERM_READ));
            assertRsmOk(() -> connect(owner, "emu0", e, Rsm.PERM_READ).disconnect());

            e.segment().republish(List.of(new AccessEntry(3, 0666)));
            assertRsmError(RsmError.SEG_NOT_PUBLISHED_TO_NODE, () -> connect(owner, "emu0", e, Rsm.PERM_READ));
            assertRsmOk(() -> kept.put32(4, new int[] { 6 }, 1));

            // an empty ACL: every node, exporter umask 022 gives 0644
            e.segment().republish(List.of());
            assertRsmOk(() -> connect(owner, "emu0", e, Rsm.PERM_RDWR).disconnect());
            assertRsmOk(() -> connect(group, "emu0", e, Rsm.PERM_READ).disconnect());
            assertRsmError(RsmError.PERM_DENIED, () -> connect(group, "emu0", e, Rsm.PERM_WRITE));
            assertRsmOk(kept::disconnect);
        } finally {
            e.segment().destroy();
        }
    }

    @Test
    void republishWideningAppliesToNewConnects() throws Exception {
        Exported e = publish(exporter, PAGE, List.of(new AccessEntry(2, 0400)));
        try {
            RsmLibrary owner = IMPORTERS.get(key(2, Relation.OWNER, false));
            ImportSegment ro = connect(owner, "emu0", e, Rsm.PERM_READ);
            e.segment().republish(List.of(new AccessEntry(2, 0600)));
            assertRsmOk(() -> connect(owner, "emu0", e, Rsm.PERM_RDWR).disconnect());
            // the old connection still has only what it asked for
            ro.initBarrier(BarrierType.SEGMENT);
            assertRsmError(RsmError.PERM_DENIED, () -> ro.put8(0, new byte[1], 1));
        } finally {
            e.segment().destroy();
        }
    }
}
