// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal.properties;

import java.util.List;

import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;

/**
 * An {@link IPropertySource} over an emf.edit {@link IItemPropertySource}. Values are the features' own values
 * (Integer, String, Boolean, model objects, lists); setting one goes through the item property
 * descriptor, which executes a SetCommand on the command stack of the object's editing domain (so it
 * undoes like any edit).
 */
public class ItemPropertySource implements IPropertySource {
    private final Object object;
    private final IItemPropertySource itemSource;
    private final ILabelProvider objectLabels;

    public ItemPropertySource(Object object, IItemPropertySource itemSource, ILabelProvider objectLabels) {
        this.object = object;
        this.itemSource = itemSource;
        this.objectLabels = objectLabels;
    }

    @Override
    public Object getEditableValue() {
        return object;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        List<IItemPropertyDescriptor> descriptors = itemSource.getPropertyDescriptors(object);
        IPropertyDescriptor[] result = new IPropertyDescriptor[descriptors.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = new ItemPropertyDescriptorBridge(object, descriptors.get(i), objectLabels);
        }
        return result;
    }

    @Override
    public Object getPropertyValue(Object id) {
        IItemPropertyDescriptor descriptor = descriptor(id);
        if (descriptor == null) {
            return null;
        }
        Object value = descriptor.getPropertyValue(object);
        // ItemPropertyDescriptor wraps values in a PropertyValueWrapper (an IItemPropertySource)
        return value instanceof IItemPropertySource wrapper ? wrapper.getEditableValue(object) : value;
    }

    @Override
    public boolean isPropertySet(Object id) {
        IItemPropertyDescriptor descriptor = descriptor(id);
        return descriptor != null && descriptor.isPropertySet(object);
    }

    @Override
    public void resetPropertyValue(Object id) {
        IItemPropertyDescriptor descriptor = descriptor(id);
        if (descriptor != null && descriptor.canSetProperty(object)) {
            descriptor.resetPropertyValue(object);
        }
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        IItemPropertyDescriptor descriptor = descriptor(id);
        if (descriptor != null && descriptor.canSetProperty(object)) {
            descriptor.setPropertyValue(object, value);
        }
    }

    private IItemPropertyDescriptor descriptor(Object id) {
        return itemSource.getPropertyDescriptor(object, id);
    }
}
