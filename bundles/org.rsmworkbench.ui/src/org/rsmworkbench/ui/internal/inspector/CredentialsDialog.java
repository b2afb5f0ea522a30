// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.rsmworkbench.rsmapi.Credentials;

/** Who writes the inspector's edits: the node of the writing process and its uid, gid, groups, privilege. */
public final class CredentialsDialog extends TitleAreaDialog {
    private final List<Integer> nodes;
    private int node;
    private Credentials credentials;
    private Combo nodeCombo;
    private Text uid;
    private Text gid;
    private Text groups;
    private Button privileged;

    public CredentialsDialog(Shell shell, List<Integer> nodes, int node, Credentials credentials) {
        super(shell);
        this.nodes = nodes;
        this.node = node;
        this.credentials = credentials;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Write As");
        setMessage("Edits are RSM puts by an emulated process with these credentials: the segment's ACL and mode apply.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(body, SWT.NONE).setText("&Node of the writing process:");
        nodeCombo = new Combo(body, SWT.READ_ONLY);
        nodes.forEach(n -> nodeCombo.add("node " + n));
        nodeCombo.select(Math.max(0, nodes.indexOf(node)));
        uid = field(body, "&uid:", Integer.toString(credentials.uid()));
        gid = field(body, "&gid:", Integer.toString(credentials.gid()));
        groups = field(body, "Supplementary &groups (comma separated):",
                String.join(",", credentials.groups().stream().sorted().map(String::valueOf).toList()));
        new Label(body, SWT.NONE);
        privileged = new Button(body, SWT.CHECK);
        privileged.setText("&Privileged (overrides the permission check, not the ACL's node list)");
        privileged.setSelection(credentials.privileged());
        return area;
    }

    private static Text field(Composite body, String label, String value) {
        new Label(body, SWT.NONE).setText(label);
        Text text = new Text(body, SWT.BORDER);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            try {
                Set<Integer> groupSet = new HashSet<>();
                for (String g : groups.getText().split("[,\\s]+")) {
                    if (!g.isBlank()) {
                        groupSet.add(Integer.parseInt(g.trim()));
                    }
                }
                credentials = new Credentials(Integer.parseInt(uid.getText().trim()), Integer.parseInt(gid.getText().trim()),
                        groupSet, credentials.umask(), privileged.getSelection());
                node = nodes.get(nodeCombo.getSelectionIndex());
            } catch (NumberFormatException e) {
                setErrorMessage("uid, gid and groups are whole numbers: " + e.getMessage());
                return;
            }
        }
        super.buttonPressed(buttonId);
    }

    public int node() {
        return node;
    }

    public Credentials credentials() {
        return credentials;
    }
}
