// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.tests;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.provider.ClusterItemProviderAdapterFactory;
import org.rsmworkbench.model.cluster.util.ClusterResourceFactoryImpl;

/** An editing domain holding a cluster in a resource, as the editor has it, without a display. */
final class Models {
    final ComposedAdapterFactory adapterFactory = new ComposedAdapterFactory();
    final BasicCommandStack stack = new BasicCommandStack();
    final AdapterFactoryEditingDomain domain;
    final Cluster cluster;

    Models(Cluster cluster) {
        adapterFactory.addAdapterFactory(new ClusterItemProviderAdapterFactory());
        adapterFactory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
        domain = new AdapterFactoryEditingDomain(adapterFactory, stack);
        Resource resource = new ClusterResourceFactoryImpl().createResource(URI.createFileURI("/tmp/test.rsmcluster"));
        domain.getResourceSet().getResources().add(resource);
        resource.getContents().add(cluster);
        this.cluster = cluster;
    }

    static Models ring(int n) {
        return new Models(ClusterShapes.ring(n));
    }

    static Models nodes(int n) {
        return new Models(ClusterShapes.nodes(n));
    }
}
