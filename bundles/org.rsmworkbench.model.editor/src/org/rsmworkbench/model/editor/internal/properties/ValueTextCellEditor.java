// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal.properties;

import org.eclipse.emf.ecore.EDataType;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.widgets.Composite;

/**
 * A text cell editor for values of a data type: shows {@link ValueText#format} (octal for modes), takes
 * what {@link ValueText#parse} accepts, and refuses anything else with its message (shown in the status
 * line; the value is not applied).
 */
public class ValueTextCellEditor extends TextCellEditor {
    private final EDataType type;
    private final boolean many;
    private Object lastValue;

    public ValueTextCellEditor(Composite parent, EDataType type, boolean many) {
        super(parent);
        this.type = type;
        this.many = many;
        // called with the typed text while editing, and with the model value by setValue
        setValidator(value -> value instanceof String text ? ValueText.check(type, many, text) : null);
    }

    @Override
    protected Object doGetValue() {
        String text = (String) super.doGetValue();
        try {
            return many ? ValueText.parseList(type, text) : ValueText.parse(type, text);
        } catch (IllegalArgumentException e) {
            return lastValue;
        }
    }

    @Override
    protected void doSetValue(Object value) {
        lastValue = value;
        super.doSetValue(ValueText.format(type, value));
    }
}
