// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import java.util.function.Supplier;

import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.rsmworkbench.core.inspect.ChangeList;
import org.rsmworkbench.core.inspect.RowColumns;
import org.rsmworkbench.core.inspect.SegmentRows;

/**
 * The texts and colours of the inspector's rows: a byte or value that changed lately has the colour of its age
 * (fading to the background over {@code fadeColors}), one that changed since the snapshot the diff colour.
 */
final class RowLabelProvider extends LabelProvider implements ITableLabelProvider, ITableColorProvider {
    private final RowColumns columns;
    private final Color[] fadeColors;
    private final Color diffColor;
    private final Supplier<ChangeList> changes;

    RowLabelProvider(RowColumns columns, Color[] fadeColors, Color diffColor, Supplier<ChangeList> changes) {
        this.columns = columns;
        this.fadeColors = fadeColors;
        this.diffColor = diffColor;
        this.changes = changes;
    }

    @Override
    public Image getColumnImage(Object element, int column) {
        return null;
    }

    @Override
    public String getColumnText(Object element, int column) {
        return columns.text((SegmentRows.Row) element, column);
    }

    @Override
    public Color getForeground(Object element, int column) {
        return null;
    }

    @Override
    public Color getBackground(Object element, int column) {
        RowColumns.Field field = columns.field(column);
        if (field == null) {
            return null;
        }
        SegmentRows.Row row = (SegmentRows.Row) element;
        int youngest = field.youngestAge(row);
        if (youngest < fadeColors.length) {
            return fadeColors[youngest];
        }
        return changes.get().overlaps(field.offsetIn(row), field.width()) ? diffColor : null;
    }
}
