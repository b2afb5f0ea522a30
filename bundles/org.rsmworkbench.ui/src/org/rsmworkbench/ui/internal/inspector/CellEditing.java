// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TextCellEditor;
import org.rsmworkbench.core.inspect.RowColumns;
import org.rsmworkbench.core.inspect.SegmentRows;

/** Edits one field of the inspector's rows (a hex byte or a typed value) as text, written at once. */
final class CellEditing extends EditingSupport {
    /** Writes bytes at a segment offset. */
    interface Writer {
        void write(long offset, byte[] bytes);
    }

    private final TableViewer viewer;
    private final RowColumns.Field field;
    private final Writer writer;
    private final Consumer<String> error;
    private final BooleanSupplier editable;

    /**
     * Edits {@code field} while {@code editable} says so; a write goes to {@code writer}, text that is no such field to
     * {@code error}.
     */
    CellEditing(TableViewer viewer, RowColumns.Field field, Writer writer, Consumer<String> error, BooleanSupplier editable) {
        super(viewer);
        this.viewer = viewer;
        this.field = field;
        this.writer = writer;
        this.error = error;
        this.editable = editable;
    }

    @Override
    protected CellEditor getCellEditor(Object element) {
        return new TextCellEditor(viewer.getTable());
    }

    @Override
    protected boolean canEdit(Object element) {
        return editable.getAsBoolean() && field.fits((SegmentRows.Row) element);
    }

    @Override
    protected Object getValue(Object element) {
        return field.text((SegmentRows.Row) element);
    }

    @Override
    protected void setValue(Object element, Object value) {
        try {
            writer.write(field.offsetIn((SegmentRows.Row) element), field.parse(String.valueOf(value)));
        } catch (IllegalArgumentException e) {
            error.accept(e.getMessage());
        }
    }
}
