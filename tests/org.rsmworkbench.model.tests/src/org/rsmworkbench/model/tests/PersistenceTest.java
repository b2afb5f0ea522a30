// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rsmworkbench.model.ClusterFileException;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterFactory;

/** .rsmcluster files: round trip, what the file looks like, malformed and truncated files. */
class PersistenceTest {
    @TempDir
    Path dir;

    private static Cluster sample() {
        Cluster c = ClusterShapes.twoSwitches(5);
        c.setName("lab");
        c.getLinks().get(0).setUp(false);
        c.getNodes().get(1).getControllers().get(0).setMaxExportSegments(12);
        c.getNodes().get(2).getDefaultCredentials().setUmask(027);
        c.getNodes().get(2).getDefaultCredentials().getGroups().add(44);
        c.getNodes().get(2).getDefaultCredentials().setPrivileged(true);
        AclTemplate t = ClusterFactory.eINSTANCE.createAclTemplate();
        t.setName("readers");
        AccessEntry e = ClusterFactory.eINSTANCE.createAccessEntry();
        e.setNode(2);
        e.setPermission(0640);
        t.getEntries().add(e);
        c.getAclTemplates().add(t);
        return c;
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        Cluster original = sample();
        Path file = dir.resolve("lab.rsmcluster");
        ClusterFiles.save(EcoreUtil.copy(original), file);
        Cluster loaded = ClusterFiles.load(file);
        assertTrue(EcoreUtil.equals(original, loaded), "loaded model equals the saved one");
        assertEquals(ClusterSpecs.toSpec(original), ClusterSpecs.toSpec(loaded));
        assertSame(loaded.getNodes().get(3).getControllers().get(0), loaded.getSwitches().get(1).getPorts().get(0));
        String text = Files.readString(file);
        assertTrue(text.contains("permission=\"0640\""), text);
        assertTrue(text.contains("umask=\"0027\""), text);
        assertFalse(text.contains("maxImportSegments"), "default values are not written");
        assertFalse(Files.exists(dir.resolve(".lab.rsmcluster.tmp")), "no temporary file left");
    }

    @Test
    void savingAgainReplacesTheFile() throws IOException {
        Path file = dir.resolve("c.rsmcluster");
        Cluster c = sample();
        ClusterFiles.save(c, file);
        c.setName("renamed");
        ClusterFiles.save(c, file);
        assertEquals("renamed", ClusterFiles.load(file).getName());
    }

    @Test
    void aFailedSaveKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("keep.rsmcluster");
        ClusterFiles.save(sample(), file);
        byte[] before = Files.readAllBytes(file);
        Cluster other = ClusterShapes.twoSwitches(2);
        // a port wired to a controller of a cluster in no file: EMF refuses the reference once it has written the rest
        other.getSwitches().get(0).getPorts().set(0, ClusterShapes.twoSwitches(2).getNodes().get(0).getControllers().get(0));
        assertThrows(IOException.class, () -> ClusterFiles.save(other, file));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file left");
        }
    }

    /** A link another user planted at the file, or at the temporary name saves used to take, is not written through. */
    @Test
    void aSaveReplacesALinkAtTheFileOrAtItsOldTemporaryNameAndWritesNothingThroughIt() throws IOException {
        Path precious = Files.writeString(dir.resolve("precious.txt"), "precious");
        Path file = dir.resolve("ring.rsmcluster");
        Files.createSymbolicLink(dir.resolve(".ring.rsmcluster.tmp"), precious);
        Files.createSymbolicLink(file, precious);
        ClusterFiles.save(sample(), file);
        assertEquals("precious", Files.readString(precious), "the links' target was not written");
        assertFalse(Files.isSymbolicLink(file), "the link at the file was replaced");
        assertEquals("lab", ClusterFiles.load(file).getName());
    }

    private ClusterFileException loadFails(String content) throws IOException {
        Path file = dir.resolve("bad.rsmcluster");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        ClusterFileException e = assertThrows(ClusterFileException.class, () -> ClusterFiles.load(file));
        assertEquals(content, Files.readString(file), "a file that fails to load is left as it was");
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    private String saved() throws IOException {
        Path file = dir.resolve("good.rsmcluster");
        ClusterFiles.save(sample(), file);
        return Files.readString(file);
    }

    @Test
    void truncatedFileGivesLineAndCause() throws IOException {
        String good = saved();
        String truncated = good.substring(0, good.indexOf("<links"));
        ClusterFileException e = loadFails(truncated);
        int lines = (int) truncated.lines().count();
        assertTrue(e.line() >= lines - 1 && e.line() <= lines + 1, "line " + e.line() + " near the end (" + lines + ")");
        assertTrue(e.getMessage().contains(":" + e.line()), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        ClusterFileException e = loadFails("");
        assertEquals(1, e.line());
    }

    @Test
    void notXml() throws IOException {
        ClusterFileException e = loadFails("<?xml version=\"1.0\"?>\n<rsmcluster:Cluster name=\"x\"\n  <nodes/>\n");
        assertTrue(e.line() >= 2, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<nodes id=\"1\" hostname=\"a\"/>|<nodes id=\"one\" hostname=\"a\"/>|one",
            "<nodes id=\"1\" hostname=\"a\"/>|<nodes id=\"1\" hostname=\"a\" colour=\"red\"/>|colour",
            "<nodes id=\"1\" hostname=\"a\"/>|<nodez id=\"1\"/>|nodez",
            "<aclTemplates name=\"t\"/>|<aclTemplates name=\"t\"><entries node=\"1\" permission=\"0689\"/></aclTemplates>|0689",
            "<links controllerA=\"//@nodes.0/@controllers.0\" controllerB=\"//@nodes.1/@controllers.0\"/>|<links controllerA=\"//@nodes.0/@controllers.0\" controllerB=\"//@nodes.9/@controllers.0\"/>|nodes.9" })
    void wrongContentGivesTheLineOfTheElement(String good, String bad, String named) throws IOException {
        String template = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rsmcluster:Cluster xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:rsmcluster="http://www.rsmworkbench.org/model/cluster/1.0" name="c">
                  <nodes id="0" hostname="z">
                    <controllers name="emu0"/>
                  </nodes>
                  <nodes id="2" hostname="y">
                    <controllers name="emu0"/>
                  </nodes>
                  %s
                </rsmcluster:Cluster>
                """;
        Path ok = dir.resolve("ok.rsmcluster");
        Files.writeString(ok, template.formatted(good));
        assertNotNull(ClusterFiles.load(ok), "the unbroken variant loads");
        ClusterFileException e = loadFails(template.formatted(bad));
        assertEquals(9, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void aFileOfAnotherModel() throws IOException {
        ClusterFileException e = loadFails("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ecore:EPackage xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:ecore="http://www.eclipse.org/emf/2002/Ecore" name="p"/>
                """);
        assertTrue(e.getMessage().contains("not a Cluster") || e.line() == 2, e.getMessage());
    }

    @Test
    void missingFile() {
        ClusterFileException e = assertThrows(ClusterFileException.class, () -> ClusterFiles.load(dir.resolve("none.rsmcluster")));
        assertTrue(e.getMessage().contains("none.rsmcluster"), e.getMessage());
    }
}
