// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Small widget factories shared by the tabs and the wizard page. */
final class Widgets {
    private Widgets() {
    }

    /** The area of a launch configuration tab: one column, filling the tab. */
    static Composite tabArea(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setFont(parent.getFont());
        GridLayoutFactory.swtDefaults().applyTo(area);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(area);
        return area;
    }

    static Group group(Composite parent, String title, int columns) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        group.setFont(parent.getFont());
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        return group;
    }

    static Label label(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setFont(parent.getFont());
        return label;
    }

    /** A wrapping hint spanning {@code span} columns. */
    static Label hint(Composite parent, String text, int span) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        label.setFont(parent.getFont());
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).hint(400, SWT.DEFAULT).applyTo(label);
        return label;
    }

    static Text text(Composite parent, int span) {
        Text text = new Text(parent, SWT.SINGLE | SWT.BORDER);
        text.setFont(parent.getFont());
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(text);
        return text;
    }

    static Text area(Composite parent, int span, int lines) {
        Text text = new Text(parent, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(parent.getFont());
        GridDataFactory.fillDefaults().grab(true, true).span(span, 1).hint(SWT.DEFAULT, text.getLineHeight() * lines).applyTo(text);
        return text;
    }

    static Button button(Composite parent, int style, String text) {
        Button button = new Button(parent, style);
        button.setText(text);
        button.setFont(parent.getFont());
        return button;
    }
}
