// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.rsmworkbench.core.inspect.Offsets;

/** Export or import of a range: file, raw binary or hex dump, offset (and length for an export). */
public final class RangeDialog extends TitleAreaDialog {
    private final boolean export;
    private final long segmentSize;
    private long offset;
    private long length;
    private boolean hexDump;
    private Path file;
    private Text offsetText;
    private Text lengthText;
    private Text fileText;
    private Button hexButton;

    public RangeDialog(Shell shell, boolean export, long segmentSize, long offset, long length) {
        super(shell);
        this.export = export;
        this.segmentSize = segmentSize;
        this.offset = offset;
        this.length = length;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(export ? "Export Range" : "Import Range");
        setMessage(export ? "Save bytes of the segment to a file, raw or as a hex dump."
                : "Write a file's bytes into the segment (as RSM puts with the inspector's credentials; undoable). "
                        + "A hex dump carries its own offset.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayout(new GridLayout(3, false));
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(body, SWT.NONE).setText("&Offset (0x hex or decimal):");
        offsetText = new Text(body, SWT.BORDER);
        offsetText.setText("0x" + Long.toHexString(offset));
        offsetText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        if (export) {
            new Label(body, SWT.NONE).setText("&Length:");
            lengthText = new Text(body, SWT.BORDER);
            lengthText.setText("0x" + Long.toHexString(length));
            lengthText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        }
        new Label(body, SWT.NONE).setText("&File:");
        fileText = new Text(body, SWT.BORDER);
        fileText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button browse = new Button(body, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, _ -> {
            FileDialog dialog = new FileDialog(getShell(), export ? SWT.SAVE : SWT.OPEN);
            dialog.setFilterExtensions(new String[] {"*.bin;*.txt;*.hex", "*.*"});
            String chosen = dialog.open();
            if (chosen != null) {
                fileText.setText(chosen);
                hexButton.setSelection(chosen.endsWith(".txt") || chosen.endsWith(".hex"));
            }
        });
        new Label(body, SWT.NONE).setText("Format:");
        Composite formats = new Composite(body, SWT.NONE);
        formats.setLayout(new GridLayout(2, false));
        Button raw = new Button(formats, SWT.RADIO);
        raw.setText("&Raw binary");
        raw.setSelection(true);
        hexButton = new Button(formats, SWT.RADIO);
        hexButton.setText("&Hex dump (offset: bytes |text|)");
        return area;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            try {
                offset = Offsets.parse(offsetText.getText());
                if (export) {
                    length = Offsets.parse(lengthText.getText());
                    if (offset < 0 || length <= 0 || offset + length > segmentSize) {
                        setErrorMessage("The range must lie inside the segment (0x0 to 0x" + Long.toHexString(segmentSize) + ")");
                        return;
                    }
                }
                if (fileText.getText().isBlank()) {
                    setErrorMessage("Choose a file");
                    return;
                }
                file = Path.of(fileText.getText().trim());
                hexDump = hexButton.getSelection();
            } catch (IllegalArgumentException e) {
                setErrorMessage(e.getMessage());
                return;
            }
        }
        super.buttonPressed(buttonId);
    }

    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }

    public boolean hexDump() {
        return hexDump;
    }

    public Path file() {
        return file;
    }
}
