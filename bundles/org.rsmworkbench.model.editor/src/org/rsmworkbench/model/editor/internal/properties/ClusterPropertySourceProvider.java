// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal.properties;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.IPropertySourceProvider;

/**
 * The Properties view's source of property sources (what EMF Edit UI's AdapterFactoryContentProvider
 * does as IPropertySourceProvider): an {@link ItemPropertySource} over the object's
 * {@link IItemPropertySource} item provider.
 */
public class ClusterPropertySourceProvider implements IPropertySourceProvider {
    private final AdapterFactory adapterFactory;
    private final ILabelProvider objectLabels;

    /** objectLabels names the model objects that are values of references (a link's controllers). */
    public ClusterPropertySourceProvider(AdapterFactory adapterFactory, ILabelProvider objectLabels) {
        this.adapterFactory = adapterFactory;
        this.objectLabels = objectLabels;
    }

    @Override
    public IPropertySource getPropertySource(Object object) {
        if (object instanceof IPropertySource source) {
            return source;
        }
        Object adapter = adapterFactory.adapt(object, IItemPropertySource.class);
        return adapter instanceof IItemPropertySource itemSource ? new ItemPropertySource(object, itemSource, objectLabels) : null;
    }
}
