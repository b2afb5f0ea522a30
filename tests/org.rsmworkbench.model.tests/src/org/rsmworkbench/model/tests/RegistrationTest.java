// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.ITreeItemContentProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.cluster.util.ClusterResourceFactoryImpl;
import org.rsmworkbench.model.cluster.util.ClusterValidator;
import org.rsmworkbench.model.live.LivePackage;

/** What plugin.xml registers, seen from a running Eclipse (OSGi): packages, factory, content type, validator, item providers. */
class RegistrationTest {
    @TempDir
    Path dir;

    @Test
    void packagesAreRegistered() {
        assertSame(ClusterPackage.eINSTANCE, EPackage.Registry.INSTANCE.getEPackage(ClusterPackage.eNS_URI));
        assertSame(LivePackage.eINSTANCE, EPackage.Registry.INSTANCE.getEPackage(LivePackage.eNS_URI));
    }

    @Test
    void validatorIsRegistered() {
        ClusterPackage.eINSTANCE.eClass();
        assertSame(ClusterValidator.INSTANCE, EValidator.Registry.INSTANCE.getEValidator(ClusterPackage.eINSTANCE));
    }

    @Test
    void extensionParserIsRegistered() {
        Object factory = Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap().get(ClusterFiles.FILE_EXTENSION);
        if (factory instanceof Resource.Factory.Descriptor descriptor) {
            factory = descriptor.createFactory();
        }
        assertInstanceOf(ClusterResourceFactoryImpl.class, factory);
    }

    @Test
    void aPlainResourceSetLoadsAClusterFile() throws Exception {
        Path file = dir.resolve("plain.rsmcluster");
        ClusterFiles.save(ClusterShapes.fullyConnected(3), file);
        Resource resource = new ResourceSetImpl().getResource(URI.createFileURI(file.toString()), true);
        assertEquals(3, ((Cluster) resource.getContents().get(0)).getNodes().size());
    }

    @Test
    void contentTypeIsRegisteredAndRecognisesClusterFiles() throws Exception {
        IContentType type = Platform.getContentTypeManager().getContentType(ClusterFiles.CONTENT_TYPE);
        assertNotNull(type, "content type " + ClusterFiles.CONTENT_TYPE);
        assertTrue(type.isAssociatedWith("x.rsmcluster"));
        Path file = dir.resolve("x.rsmcluster");
        ClusterFiles.save(ClusterShapes.ring(3), file);
        try (var in = Files.newInputStream(file)) {
            IContentType found = Platform.getContentTypeManager().findContentTypeFor(in, "x.rsmcluster");
            assertEquals(ClusterFiles.CONTENT_TYPE, found.getId());
        }
        assertEquals("org.eclipse.emf.ecore.xmi", type.getBaseType().getId());
    }

    @Test
    void itemProvidersComeFromTheRegistry() {
        ComposedAdapterFactory factory = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
        try {
            Cluster cluster = ClusterShapes.singleSwitch(4);
            ITreeItemContentProvider tree = (ITreeItemContentProvider) factory.adapt(cluster, ITreeItemContentProvider.class);
            assertNotNull(tree);
            assertEquals(4 + 1, tree.getChildren(cluster).size(), "nodes and the switch");
            IItemLabelProvider label = (IItemLabelProvider) factory.adapt(cluster.getNodes().get(0), IItemLabelProvider.class);
            assertEquals("Node 1", label.getText(cluster.getNodes().get(0)));
            assertNotNull(label.getImage(cluster.getNodes().get(0)));
            var live = org.rsmworkbench.model.LiveClusterRefresher.createLiveCluster();
            assertNotNull(factory.adapt(live, ITreeItemContentProvider.class));
        } finally {
            factory.dispose();
        }
    }
}
