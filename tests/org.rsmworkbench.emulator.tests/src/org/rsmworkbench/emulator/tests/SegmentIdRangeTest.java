// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.SegmentIdRange;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** RSMAPI.md §2.2 rsm_get_segmentid_range, read from segmentid.conf in the cluster directory (binding). */
@DisplayName("§2.2 segment-id ranges")
class SegmentIdRangeTest {

    private static EmulatedClusterExtension tc;
    private static Path conf;
    private RsmLibrary p;

    @BeforeAll
    static void startCluster() {
        tc = EmulatedClusterExtension.start(2);
        conf = tc.cluster().directory().resolve("segmentid.conf");
    }

    @AfterAll
    static void stopCluster() {
        tc.close();
    }

    @BeforeEach
    void process() throws Exception {
        Files.deleteIfExists(conf);
        p = tc.process(2);
    }

    @AfterEach
    void cleanUp() throws IOException {
        tc.closeProcesses();
        Files.deleteIfExists(conf);
    }

    private static void write(String text) throws IOException {
        Files.writeString(conf, text);
    }

    @Test
    void noFileIsBadConf() {
        assertRsmError(RsmError.BAD_CONF, () -> p.getSegmentIdRange("app"));
    }

    @Test
    void readsTheReservedLine() throws Exception {
        write("""
                # application segment ids
                reserved sunw.rsm.test 400000 1024

                reserved other 500000 16
                """);
        assertEquals(new SegmentIdRange(0x400000, 1024), p.getSegmentIdRange("sunw.rsm.test"));
        assertEquals(new SegmentIdRange(0x500000, 16), p.getSegmentIdRange("other"));
    }

    @Test
    void everyNodeReadsTheSameFile() throws Exception {
        write("reserved shared 600000 10\n");
        assertEquals(new SegmentIdRange(0x600000, 10), tc.process(1).getSegmentIdRange("shared"));
        assertEquals(new SegmentIdRange(0x600000, 10), p.getSegmentIdRange("shared"));
    }

    @Test
    void firstMatchingLineWins() throws Exception {
        write("reserved app 400000 10\nreserved app 700000 20\n");
        assertEquals(new SegmentIdRange(0x400000, 10), p.getSegmentIdRange("app"));
    }

    @Test
    void trailingCommentIsIgnored() throws Exception {
        write("reserved app 4abcde 33   # the test range\n");
        assertEquals(new SegmentIdRange(0x4ABCDE, 33), p.getSegmentIdRange("app"));
    }

    @Test
    void baseAboveTwoToThe31IsPositive() throws Exception {
        write("reserved high 80000000 5\n");
        assertEquals(new SegmentIdRange(0x80000000L, 5), p.getSegmentIdRange("high"));
    }

    @Test
    void absentAppIdIsBadAppId() throws Exception {
        write("reserved app 400000 10\n# reserved missing 500000 1\n");
        assertRsmError(RsmError.BAD_APPID, () -> p.getSegmentIdRange("missing"), "missing");
        assertRsmError(RsmError.BAD_APPID, () -> p.getSegmentIdRange("APP"));
    }

    @Test
    void emptyFileIsBadAppId() throws Exception {
        write("");
        assertRsmError(RsmError.BAD_APPID, () -> p.getSegmentIdRange("app"));
    }

    @Test
    void nullAppIdIsBadAddr() throws Exception {
        write("reserved app 400000 10\n");
        assertRsmError(RsmError.BAD_ADDR, () -> p.getSegmentIdRange(null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "reserved app 400000\n", "reserved app zz 10\n", "reserved app 400000 ten\n",
            "garbage\n", "reserve app 400000 10\n", "reserved app 400000 10 extra\n" })
    void malformedLineBeforeTheMatchIsBadConf(String bad) throws Exception {
        write(bad + "reserved wanted 400000 10\n");
        assertRsmError(RsmError.BAD_CONF, () -> p.getSegmentIdRange("wanted"));
    }
}
