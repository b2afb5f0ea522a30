// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;

/** Asks which transfers fail next: importer node, exporter node, how many. */
public final class FailTransfersDialog extends TitleAreaDialog {
    private final List<Integer> nodes;
    private int importer;
    private int exporter;
    private int count = 1;
    private Combo importerCombo;
    private Combo exporterCombo;
    private Spinner countSpinner;

    public FailTransfersDialog(Shell shell, List<Integer> nodes, int importer, int exporter) {
        super(shell);
        this.nodes = nodes;
        this.importer = importer;
        this.exporter = exporter;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Fail Next Transfers");
        setMessage("The next transfers (put, get, barrier close) from a process on the importer node to a segment of "
                + "the exporter node fail, as on a flaky interconnect.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        importerCombo = nodeCombo(body, "&Importer node:", importer);
        exporterCombo = nodeCombo(body, "&Exporter node:", exporter);
        new Label(body, SWT.NONE).setText("&Transfers to fail:");
        countSpinner = new Spinner(body, SWT.BORDER);
        countSpinner.setValues(count, 1, 1_000_000, 0, 1, 10);
        return area;
    }

    private Combo nodeCombo(Composite body, String label, int selected) {
        new Label(body, SWT.NONE).setText(label);
        Combo combo = new Combo(body, SWT.READ_ONLY);
        for (int node : nodes) {
            combo.add("node " + node);
        }
        combo.select(Math.max(0, nodes.indexOf(selected)));
        return combo;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            importer = nodes.get(importerCombo.getSelectionIndex());
            exporter = nodes.get(exporterCombo.getSelectionIndex());
            count = countSpinner.getSelection();
        }
        super.buttonPressed(buttonId);
    }

    public int importer() {
        return importer;
    }

    public int exporter() {
        return exporter;
    }

    public int count() {
        return count;
    }
}
