// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;

import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.ClusterFactory;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.editor.internal.properties.ClusterPropertySourceProvider;

/** The Properties bridge over the item providers: values, labels, and edits that go to the command stack. */
class PropertySourceTest {

    private static IPropertyDescriptor descriptor(IPropertySource source, String name) {
        return Arrays.stream(source.getPropertyDescriptors()).filter(d -> d.getDisplayName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no property " + name));
    }

    @Test
    void settingAPropertyIsAnUndoableCommand() {
        Models m = Models.nodes(2);
        Node node = m.cluster.getNodes().get(0);
        IPropertySource source = new ClusterPropertySourceProvider(m.adapterFactory, new LabelProvider()).getPropertySource(node);
        IPropertyDescriptor hostname = descriptor(source, "Hostname");
        assertEquals("node1", source.getPropertyValue(hostname.getId()));
        source.setPropertyValue(hostname.getId(), "alpha");
        assertEquals("alpha", node.getHostname());
        assertTrue(m.stack.canUndo(), "the edit went through the command stack");
        m.stack.undo();
        assertEquals("node1", node.getHostname());
        m.stack.redo();
        assertEquals("alpha", node.getHostname());
    }

    @Test
    void modesShowAndAreSetInOctal() {
        Models m = Models.nodes(1);
        Credentials credentials = m.cluster.getNodes().get(0).getDefaultCredentials();
        IPropertySource source = new ClusterPropertySourceProvider(m.adapterFactory, new LabelProvider()).getPropertySource(credentials);
        IPropertyDescriptor umask = descriptor(source, "Umask");
        Object value = source.getPropertyValue(umask.getId());
        assertEquals(022, value);
        assertEquals("0022", umask.getLabelProvider().getText(value));
        assertTrue(umask.getDescription().contains("octal"));
        source.setPropertyValue(umask.getId(), 077);
        assertEquals(077, credentials.getUmask());

        AccessEntry entry = ClusterFactory.eINSTANCE.createAccessEntry();
        var template = ClusterFactory.eINSTANCE.createAclTemplate();
        template.setName("t");
        template.getEntries().add(entry);
        m.cluster.getAclTemplates().add(template);
        IPropertySource entrySource = new ClusterPropertySourceProvider(m.adapterFactory, new LabelProvider()).getPropertySource(entry);
        IPropertyDescriptor permission = descriptor(entrySource, "Permission");
        assertEquals("0600", permission.getLabelProvider().getText(entrySource.getPropertyValue(permission.getId())));
    }
}
