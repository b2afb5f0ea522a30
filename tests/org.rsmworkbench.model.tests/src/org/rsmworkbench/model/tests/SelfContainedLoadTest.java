// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.model.ClusterFileException;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.internal.RsmClusterFileReader;
import org.rsmworkbench.tests.support.Fifos;

/**
 * A .rsmcluster file loads only itself (issue 13, item 11): a reference to another document is refused with its
 * line and column, nothing but the file itself is opened, and only when it is a regular file of a sane size; a
 * load never blocks. What another document would be is a FIFO here: opening it would block the test.
 */
class SelfContainedLoadTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String NS = "http://www.rsmworkbench.org/model/cluster/1.0";

    @TempDir
    Path dir;
    private Path fifo;

    @BeforeEach
    void makeAFifo() throws Exception {
        fifo = dir.resolve("other.rsmcluster");
        Fifos.make(fifo);
    }

    @AfterEach
    void unblockAnyReader() {
        Fifos.unblockReaders(fifo);
    }

    /** Two nodes and, on line 9, {@code link} (one element on one line). */
    private Path cluster(String link) throws IOException {
        return write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rsmcluster:Cluster xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:rsmcluster="%s" name="c">
                  <nodes id="1" hostname="a">
                    <controllers name="emu0"/>
                  </nodes>
                  <nodes id="2" hostname="b">
                    <controllers name="emu0"/>
                  </nodes>
                  %s
                </rsmcluster:Cluster>
                """.formatted(NS, link));
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("lab.rsmcluster");
        Files.writeString(file, content);
        return file;
    }

    private static ClusterFileException refused(Path file) {
        return assertTimeoutPreemptively(LIMIT, () -> assertThrows(ClusterFileException.class, () -> ClusterFiles.load(file)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"other.rsmcluster#//@nodes.0/@controllers.0", "file:/etc/passwd#/", "/dev/zero#//@nodes.0",
            "http://192.0.2.1/lab.rsmcluster#//@nodes.0/@controllers.0"})
    void anHrefToAnotherDocumentIsRefusedWithItsLineAndColumn(String target) throws IOException {
        Path file = cluster("<links controllerB=\"//@nodes.1/@controllers.0\"><controllerA href=\"" + target
                + "\"/></links>");
        ClusterFileException e = refused(file);
        assertEquals(9, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().contains(target) && e.getMessage().contains("another document"), e.getMessage());
    }

    @Test
    void aReferenceAttributeNamingAnotherDocumentIsRefused() throws IOException {
        Path file = cluster("<links controllerA=\"other.rsmcluster#//@nodes.0/@controllers.0\" "
                + "controllerB=\"//@nodes.1/@controllers.0\"/>");
        ClusterFileException e = refused(file);
        assertEquals(9, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
    }

    @Test
    void aReferenceWithinTheFileStillLoads() throws IOException {
        Path file = cluster("<links controllerA=\"//@nodes.0/@controllers.0\" controllerB=\"lab.rsmcluster#//@nodes.1/@controllers.0\"/>");
        assertNotNull(assertTimeoutPreemptively(LIMIT, () -> ClusterFiles.load(file)).getLinks().get(0).getControllerB());
        // and what another document would be is never opened, even for a reference that EMF resolves later
        Path other = cluster("<links controllerA=\"//@nodes.0/@controllers.0\" controllerB=\"" + fifo.toUri()
                + "#//@nodes.1/@controllers.0\"/>");
        refused(other);
    }

    @Test
    void aNamespaceThatIsNoRegisteredPackageIsNotOpened() throws IOException {
        Path file = write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <x:Cluster xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:x="%s" name="c"/>
                """.formatted(fifo.toUri()));
        ClusterFileException e = refused(file);
        assertEquals(2, e.line(), e.getMessage());
    }

    @Test
    void aSchemaLocationIsNotOpened() throws IOException {
        Path file = write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <x:Cluster xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:x="urn:nothing"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:nothing %s" name="c"/>
                """.formatted(fifo.toUri()));
        refused(file);
    }

    @Test
    void aDoctypeIsRefused() throws IOException {
        Path file = write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rsmcluster:Cluster [<!ENTITY e SYSTEM "%s">]>
                <rsmcluster:Cluster xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:rsmcluster="%s" name="c">&e;</rsmcluster:Cluster>
                """.formatted(fifo.toUri(), NS));
        ClusterFileException e = refused(file);
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void onlyARegularFileIsOpened() throws IOException {
        Path good = dir.resolve("good.rsmcluster");
        ClusterFiles.save(ClusterShapes.fullyConnected(2), good);
        Path link = Files.createSymbolicLink(dir.resolve("link.rsmcluster"), good);
        assertNotNull(assertTimeoutPreemptively(LIMIT, () -> ClusterFiles.load(link)), "a link to a cluster file loads it");

        assertTrue(refused(fifo).getMessage().contains("not a regular file"));
        Path zero = Files.createSymbolicLink(dir.resolve("zero.rsmcluster"), Path.of("/dev/zero"));
        assertTrue(refused(zero).getMessage().contains("not a regular file"));
        Path directory = Files.createDirectory(dir.resolve("folder.rsmcluster"));
        assertTrue(refused(directory).getMessage().contains("not a regular file"));
        Path linkToFifo = Files.createSymbolicLink(dir.resolve("pipe.rsmcluster"), fifo);
        refused(linkToFifo);
    }

    @Test
    void aFileBeyondTheSizeBoundIsRefusedUnread() throws IOException {
        Path huge = dir.resolve("huge.rsmcluster");
        try (FileChannel channel = FileChannel.open(huge, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'<'}), ClusterFiles.MAX_FILE_BYTES); // sparse
        }
        ClusterFileException e = refused(huge);
        assertTrue(e.getMessage().contains(ClusterFiles.MAX_FILE_BYTES + " bytes"), e.getMessage());
    }

    // ---------------------------------------------------------------- rsm-launch --cluster

    @Test
    void theLauncherRefusesAReferenceToAnotherDocumentWithoutOpeningIt() throws IOException {
        Path file = cluster("<links controllerB=\"//@nodes.1/@controllers.0\"><controllerA href=\"other.rsmcluster#//@nodes.0/@controllers.0\"/></links>");
        IOException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(IOException.class,
                () -> new RsmClusterFileReader().read(file)));
        assertTrue(e.getMessage().contains(":9:"), "line 9: " + e.getMessage());
    }

    @Test
    void theLauncherRefusesMoreLinksThanTheEmulatorHoldsBeforeExpandingThem() throws IOException {
        Path file = dir.resolve("switched.rsmcluster");
        ClusterFiles.save(ClusterShapes.singleSwitch(120), file); // 7140 links once the switch is expanded
        IOException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(IOException.class,
                () -> new RsmClusterFileReader().read(file)));
        assertTrue(e.getMessage().contains("links"), e.getMessage());
    }
}
