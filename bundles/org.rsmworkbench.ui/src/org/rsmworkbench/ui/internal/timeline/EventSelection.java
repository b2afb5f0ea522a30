// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.timeline;

import java.util.Map;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.trace.TraceEvent;

/** The event selected in the timeline; the Properties view shows its fields (read-only). */
public record EventSelection(TraceEvent event, TimelineModel model) implements IAdaptable {

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter == IPropertySource.class ? adapter.cast(new Properties(model.properties(event))) : null;
    }

    /** Every field by name, under the category "Event". */
    private record Properties(Map<String, String> values) implements IPropertySource {
        @Override
        public Object getEditableValue() {
            return null;
        }

        @Override
        public IPropertyDescriptor[] getPropertyDescriptors() {
            return values.keySet().stream().map(name -> {
                PropertyDescriptor descriptor = new PropertyDescriptor(name, name);
                descriptor.setCategory("Event");
                return descriptor;
            }).toArray(IPropertyDescriptor[]::new);
        }

        @Override
        public Object getPropertyValue(Object id) {
            return values.get(id);
        }

        @Override
        public boolean isPropertySet(Object id) {
            return false;
        }

        @Override
        public void resetPropertyValue(Object id) {
        }

        @Override
        public void setPropertyValue(Object id, Object value) {
        }
    }
}
