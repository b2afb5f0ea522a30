// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal.properties;

import java.util.List;

import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** A read-only drop-down whose value is one of the given objects (not an index, as ComboBoxCellEditor's). */
public class ChoiceCellEditor extends ComboBoxCellEditor {
    private final List<?> values;

    public ChoiceCellEditor(Composite parent, List<?> values, List<String> labels) {
        super(parent, labels.toArray(new String[0]), SWT.READ_ONLY);
        this.values = values;
    }

    @Override
    protected Object doGetValue() {
        int index = (Integer) super.doGetValue();
        return index >= 0 && index < values.size() ? values.get(index) : null;
    }

    @Override
    protected void doSetValue(Object value) {
        super.doSetValue(values.indexOf(value));
    }
}
