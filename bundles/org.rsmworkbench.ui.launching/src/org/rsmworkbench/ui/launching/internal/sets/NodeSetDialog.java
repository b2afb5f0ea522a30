// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.sets;

import java.util.Collection;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.rsmworkbench.core.debug.sets.NodeSet;

/** Asks for a node set: its name and its nodes ({@code 1,3-5}), checked against the cluster's nodes as they are typed. */
public final class NodeSetDialog extends Dialog {
    private final String title;
    private final Collection<Integer> clusterNodes;
    private final String initialName;
    private final String initialNodes;
    private Text name;
    private Text nodes;
    private Label problem;
    private NodeSet set;

    public NodeSetDialog(Shell parent, String title, Collection<Integer> clusterNodes, String initialName, String initialNodes) {
        super(parent);
        this.title = title;
        this.clusterNodes = clusterNodes;
        this.initialName = initialName;
        this.initialNodes = initialNodes;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
        new Label(fields, SWT.NONE).setText("&Name:");
        name = new Text(fields, SWT.BORDER);
        name.setText(initialName);
        new Label(fields, SWT.NONE).setText("N&odes:");
        nodes = new Text(fields, SWT.BORDER);
        nodes.setText(initialNodes);
        nodes.setMessage("e.g. 1,3-5");
        GridDataFactory.fillDefaults().grab(true, false).hint(convertWidthInCharsToPixels(40), SWT.DEFAULT).applyTo(name);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(nodes);
        problem = new Label(fields, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(convertWidthInCharsToPixels(50), SWT.DEFAULT).applyTo(problem);
        name.addModifyListener(_ -> check());
        nodes.addModifyListener(_ -> check());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    private void check() {
        String message = null;
        try {
            set = NodeSet.define(name.getText(), nodes.getText());
            set.requireIn(clusterNodes);
        } catch (IllegalArgumentException e) {
            set = null;
            message = e.getMessage();
        }
        problem.setText(message == null ? "" : message);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(message == null);
        }
    }

    /** Fills the fields as a user would (for tests). */
    public void fill(String setName, String nodeList) {
        name.setText(setName);
        nodes.setText(nodeList);
    }

    /** The problem shown, empty when the set is valid (for tests). */
    public String problem() {
        return problem.getText();
    }

    /** The set defined, once OK was pressed. */
    public NodeSet set() {
        return set;
    }
}
