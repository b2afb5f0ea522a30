// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Link;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.editor.internal.ClusterCommands;
import org.eclipse.emf.common.util.Diagnostic;

/** The editor's structural edits, as commands on an editing domain, done, undone and redone. */
class ClusterCommandsTest {

    @Test
    void newNodeTakesTheSmallestFreeIdAndIsComplete() {
        Models m = Models.nodes(3);
        m.cluster.getNodes().remove(1); // ids 1, 3 left
        Command command = ClusterCommands.newNode(m.domain, m.cluster);
        assertEquals(ClusterCommands.NEW_NODE, command.getLabel());
        m.stack.execute(command);
        Node added = m.cluster.getNodes().get(2);
        assertEquals(2, added.getId());
        assertEquals("node2", added.getHostname());
        assertEquals("emu0", added.getControllers().get(0).getName());
        assertNotNull(added.getDefaultCredentials());
        assertEquals(Diagnostic.OK, ClusterValidation.validate(m.cluster).getSeverity());
        assertTrue(m.stack.isSaveNeeded());
        m.stack.undo();
        assertEquals(2, m.cluster.getNodes().size());
        m.stack.redo();
        assertSame(added, m.cluster.getNodes().get(2));
    }

    @Test
    void newControllerTakesAFreeUnit() {
        Models m = Models.nodes(1);
        Node node = m.cluster.getNodes().get(0);
        m.stack.execute(ClusterCommands.newController(m.domain, node));
        assertEquals(List.of("emu0", "emu1"), node.getControllers().stream().map(Controller::getName).toList());
        assertSame(node, node.getControllers().get(1).getNode());
    }

    @Test
    void newLinkJoinsTheSelectedNodesOrTheFirstUnlinkedPair() {
        Models m = Models.nodes(3);
        Node n1 = m.cluster.getNodes().get(0), n2 = m.cluster.getNodes().get(1), n3 = m.cluster.getNodes().get(2);
        m.stack.execute(ClusterCommands.newLink(m.domain, m.cluster, List.of(n1, n3)));
        Link first = m.cluster.getLinks().get(0);
        assertSame(n1, first.getControllerA().getNode());
        assertSame(n3, first.getControllerB().getNode());
        m.stack.execute(ClusterCommands.newLink(m.domain, m.cluster, List.of()));
        m.stack.execute(ClusterCommands.newLink(m.domain, m.cluster, List.of()));
        assertEquals(3, m.cluster.getLinks().size());
        Link second = m.cluster.getLinks().get(1);
        assertSame(n1, second.getControllerA().getNode());
        assertSame(n2, second.getControllerB().getNode());
        // every pair linked: nothing left to add
        assertFalse(ClusterCommands.newLink(m.domain, m.cluster, List.of()).canExecute());
        // a node with itself is no link
        assertFalse(ClusterCommands.newLink(m.domain, m.cluster, List.of(n1, n1.getControllers().get(0))).canExecute());
    }

    @Test
    void newAclTemplateHasAUniqueNameAndAnEntryPerNode() {
        Models m = Models.nodes(2);
        m.stack.execute(ClusterCommands.newAclTemplate(m.domain, m.cluster));
        m.stack.execute(ClusterCommands.newAclTemplate(m.domain, m.cluster));
        List<AclTemplate> templates = m.cluster.getAclTemplates();
        assertEquals(List.of("acl0", "acl1"), templates.stream().map(AclTemplate::getName).toList());
        assertEquals(2, templates.get(0).getEntries().size());
        assertEquals(0600, templates.get(0).getEntries().get(0).getPermission());
        assertEquals(Diagnostic.OK, ClusterValidation.validate(m.cluster).getSeverity());
    }

    @Test
    void deletingANodeDeletesItsLinksAndUndoRestoresThem() {
        Models m = Models.ring(4);
        Node n2 = m.cluster.getNodes().get(1);
        assertEquals(4, m.cluster.getLinks().size());
        Command delete = ClusterCommands.delete(m.domain, List.of(n2));
        assertTrue(delete.canExecute());
        m.stack.execute(delete);
        assertEquals(3, m.cluster.getNodes().size());
        assertEquals(2, m.cluster.getLinks().size(), "the links 1-2 and 2-3 go with node 2");
        assertEquals(Diagnostic.OK, ClusterValidation.validate(m.cluster).getSeverity());
        m.stack.undo();
        assertEquals(4, m.cluster.getNodes().size());
        assertEquals(4, m.cluster.getLinks().size());
        assertSame(n2, m.cluster.getNodes().get(1));
        assertSame(n2, m.cluster.getLinks().get(0).getControllerB().getNode());
    }

    @Test
    void theClusterItselfCannotBeDeleted() {
        Models m = Models.nodes(1);
        assertFalse(ClusterCommands.delete(m.domain, List.of(m.cluster)).canExecute());
        assertFalse(ClusterCommands.delete(m.domain, List.of()).canExecute());
    }
}
