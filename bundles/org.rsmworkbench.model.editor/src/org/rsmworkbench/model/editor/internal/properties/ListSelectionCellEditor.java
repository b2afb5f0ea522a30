// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.DialogCellEditor;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.dialogs.ListSelectionDialog;

/** A many-valued reference (a switch's ports) chosen in a dialog with a check box per candidate. */
public class ListSelectionCellEditor extends DialogCellEditor {
    private final List<Object> choices;
    private final ILabelProvider labels;
    private final String title;

    public ListSelectionCellEditor(Composite parent, List<Object> choices, ILabelProvider labels, String title) {
        super(parent);
        this.choices = choices;
        this.labels = labels;
        this.title = title;
    }

    @Override
    protected Object openDialogBox(Control cellEditorWindow) {
        ListSelectionDialog dialog = ListSelectionDialog.of(choices).contentProvider(ArrayContentProvider.getInstance())
                .labelProvider(labels).message("Select the " + title.toLowerCase() + ":").create(cellEditorWindow.getShell());
        dialog.setTitle(title);
        Object current = getValue();
        if (current instanceof List<?> list) {
            dialog.setInitialElementSelections(new ArrayList<>(list));
        }
        if (dialog.open() != Window.OK) {
            return null;
        }
        return new ArrayList<>(Arrays.asList(dialog.getResult()));
    }

    @Override
    protected void updateContents(Object value) {
        if (getDefaultLabel() == null) {
            return;
        }
        StringBuilder b = new StringBuilder();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                b.append(b.isEmpty() ? "" : ", ").append(labels.getText(o));
            }
        }
        getDefaultLabel().setText(b.toString());
    }
}
