// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal.properties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.properties.IPropertyDescriptor;

/**
 * An {@link IPropertyDescriptor} over an emf.edit {@link IItemPropertyDescriptor}: name, category and
 * description from the item descriptor, and a cell editor by the feature's type: a drop-down for booleans,
 * enums and single references, a dialog for many references (a switch's ports), a checked text field
 * for strings, numbers, octal modes and lists of numbers. Read-only features get no editor.
 */
public class ItemPropertyDescriptorBridge implements IPropertyDescriptor {
    private final Object object;
    private final IItemPropertyDescriptor itemDescriptor;
    private final ILabelProvider objectLabels;

    public ItemPropertyDescriptorBridge(Object object, IItemPropertyDescriptor itemDescriptor, ILabelProvider objectLabels) {
        this.object = object;
        this.itemDescriptor = itemDescriptor;
        this.objectLabels = objectLabels;
    }

    /** The feature this descriptor edits, or null. */
    public EStructuralFeature feature() {
        return itemDescriptor.getFeature(object) instanceof EStructuralFeature f ? f : null;
    }

    @Override
    public CellEditor createPropertyEditor(Composite parent) {
        if (!itemDescriptor.canSetProperty(object)) {
            return null;
        }
        EStructuralFeature feature = feature();
        if (feature instanceof EReference reference) {
            List<Object> choices = new ArrayList<>();
            Collection<?> offered = itemDescriptor.getChoiceOfValues(object);
            if (offered != null) {
                for (Object o : offered) {
                    if (o != null) {
                        choices.add(o);
                    }
                }
            }
            if (reference.isMany()) {
                return new ListSelectionCellEditor(parent, choices, objectLabels, getDisplayName());
            }
            List<String> labels = new ArrayList<>();
            for (Object o : choices) {
                labels.add(objectLabels.getText(o));
            }
            return new ChoiceCellEditor(parent, choices, labels);
        }
        if (feature instanceof EAttribute attribute) {
            EDataType type = attribute.getEAttributeType();
            Class<?> c = type.getInstanceClass();
            if (!attribute.isMany() && (c == boolean.class || c == Boolean.class)) {
                return new ChoiceCellEditor(parent, List.of(Boolean.FALSE, Boolean.TRUE), List.of("false", "true"));
            }
            if (!attribute.isMany() && type instanceof EEnum eenum) {
                List<Object> values = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                for (EEnumLiteral literal : eenum.getELiterals()) {
                    values.add(literal.getInstance());
                    labels.add(literal.getLiteral());
                }
                return new ChoiceCellEditor(parent, values, labels);
            }
            return new ValueTextCellEditor(parent, type, attribute.isMany());
        }
        return null;
    }

    @Override
    public String getCategory() {
        return itemDescriptor.getCategory(object);
    }

    @Override
    public String getDescription() {
        String description = itemDescriptor.getDescription(object);
        EStructuralFeature feature = feature();
        if (feature instanceof EAttribute a && ValueText.isOctal(a.getEAttributeType())) {
            description += " (octal, e.g. 0640)";
        }
        return description;
    }

    @Override
    public String getDisplayName() {
        return itemDescriptor.getDisplayName(object);
    }

    @Override
    public String[] getFilterFlags() {
        return itemDescriptor.getFilterFlags(object);
    }

    @Override
    public Object getHelpContextIds() {
        return null;
    }

    @Override
    public Object getId() {
        return itemDescriptor.getId(object);
    }

    @Override
    public ILabelProvider getLabelProvider() {
        EStructuralFeature feature = feature();
        return new LabelProvider() {
            @Override
            public String getText(Object value) {
                return ItemPropertyDescriptorBridge.this.text(feature, value);
            }

            @Override
            public Image getImage(Object value) {
                return value instanceof org.eclipse.emf.ecore.EObject ? objectLabels.getImage(value) : null;
            }
        };
    }

    /** The text the Properties view shows for a value of the feature. */
    String text(EStructuralFeature feature, Object value) {
        if (value == null) {
            return "";
        }
        if (feature instanceof EAttribute attribute) {
            return ValueText.format(attribute.getEAttributeType(), value);
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(objectLabels.getText(o));
            }
            return String.join(", ", parts);
        }
        return objectLabels.getText(value);
    }

    @Override
    public boolean isCompatibleWith(IPropertyDescriptor anotherProperty) {
        return false;
    }
}
