// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.model.ClusterFileException;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.ClusterFactory;
import org.rsmworkbench.model.editor.ClusterEditorIds;
import org.rsmworkbench.model.editor.internal.ClusterLabels;
import org.rsmworkbench.model.editor.internal.ClusterProblems;
import org.rsmworkbench.model.editor.internal.ClusterProblems.Problem;

/** Markers computed from diagnostics and from files that cannot be read, without a workspace. */
class ClusterProblemsTest {

    @Test
    void aValidClusterHasNoProblems() {
        Models m = Models.ring(3);
        assertEquals(List.of(), ClusterProblems.of(ClusterValidation.validate(m.cluster)));
    }

    @Test
    void everyBrokenRuleIsAProblemOnItsObject() {
        Models m = Models.nodes(3);
        m.cluster.getNodes().get(2).setId(1); // duplicate id
        AclTemplate template = ClusterFactory.eINSTANCE.createAclTemplate();
        template.setName("shared");
        AccessEntry entry = ClusterFactory.eINSTANCE.createAccessEntry();
        entry.setNode(2);
        entry.setPermission(0777);
        template.getEntries().add(entry);
        m.cluster.getAclTemplates().add(template);

        List<Problem> problems = ClusterProblems.of(ClusterValidation.validate(m.cluster));

        Problem permission = problems.stream().filter(p -> p.message().contains("0777")).findFirst().orElseThrow();
        assertEquals(IMarker.SEVERITY_ERROR, permission.severity());
        assertEquals("ACL template shared (1 entry) > Node 2: 0777: permission", permission.location());
        assertSame(entry, m.cluster.eResource().getEObject(permission.uriFragment()));
        assertEquals(permission.uriFragment(), permission.attributes().get(ClusterEditorIds.URI_ATTRIBUTE));
        assertEquals(permission.message(), permission.attributes().get(IMarker.MESSAGE));

        Problem duplicate = problems.stream().filter(p -> p.message().contains("same id")).findFirst().orElseThrow();
        assertEquals(IMarker.SEVERITY_ERROR, duplicate.severity());
        assertEquals("Node 1 (node3): id", duplicate.location());
        assertSame(m.cluster.getNodes().get(2), m.cluster.eResource().getEObject(duplicate.uriFragment()));
    }

    @Test
    void severitiesMap() {
        assertEquals(IMarker.SEVERITY_ERROR, ClusterProblems.markerSeverity(Diagnostic.ERROR));
        assertEquals(IMarker.SEVERITY_WARNING, ClusterProblems.markerSeverity(Diagnostic.WARNING));
        assertEquals(IMarker.SEVERITY_INFO, ClusterProblems.markerSeverity(Diagnostic.INFO));
        BasicDiagnostic root = new BasicDiagnostic();
        root.add(new BasicDiagnostic(Diagnostic.WARNING, "x", 1, "too many nodes", new Object[0]));
        Problem p = ClusterProblems.of(root).get(0);
        assertEquals(IMarker.SEVERITY_WARNING, p.severity());
        assertEquals("file", p.location());
        assertNull(p.uriFragment());
    }

    @Test
    void anUnreadableFileIsOneErrorAtItsLine() {
        ClusterFileException e = new ClusterFileException("/p/c.rsmcluster", 7, 3, "XML document structures must end", null);
        Problem p = ClusterProblems.of(e);
        assertEquals(IMarker.SEVERITY_ERROR, p.severity());
        assertEquals(7, p.line());
        assertEquals(7, p.attributes().get(IMarker.LINE_NUMBER));
        assertEquals("line 7, column 3", p.location());
        assertEquals("Cannot read the cluster file: XML document structures must end", p.message());
    }

    @Test
    void labelsSayWhatMatters() {
        Models m = Models.ring(3);
        assertEquals("Node 1 (node1)", ClusterLabels.text(m.cluster.getNodes().get(0)));
        assertEquals("Link 1:emu0 \u2013 2:emu0", ClusterLabels.text(m.cluster.getLinks().get(0)));
        assertEquals("Node 2 (node2) > Controller emu0", ClusterLabels.path(m.cluster.getNodes().get(1).getControllers().get(0)));
        assertEquals("Default credentials: uid 1000, gid 1000, umask 0022",
                ClusterLabels.text(m.cluster.getNodes().get(0).getDefaultCredentials()));
    }
}
