// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal.wizard;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.ContainerSelectionDialog;
import org.rsmworkbench.model.ClusterShapes.Shape;
import org.rsmworkbench.model.editor.internal.wizard.NewClusterSettings.Field;
import org.rsmworkbench.model.editor.internal.wizard.NewClusterSettings.Message;

/**
 * The page of the "New RSM Cluster" wizard: folder and file name, cluster name, node count and shape, the
 * nodes' default credentials. Every wrong field gets an error decoration with its message; the page shows
 * the first error (or warning) and cannot finish while there is an error.
 */
public class NewClusterWizardPage extends WizardPage {
    private final NewClusterSettings settings = new NewClusterSettings();
    private final Map<Field, Text> texts = new EnumMap<>(Field.class);
    private final Map<Field, ControlDecoration> decorations = new EnumMap<>(Field.class);
    private Combo shapeCombo;
    private Button privilegedButton;
    private List<Message> messages = List.of();

    public NewClusterWizardPage(IStructuredSelection selection) {
        super("newCluster");
        setTitle("RSM Cluster");
        setDescription("Create a cluster file: the nodes of an emulated RSM cluster and what joins them.");
        IContainer container = initialContainer(selection);
        if (container != null) {
            settings.container = container.getFullPath().toString();
            settings.fileName = freeFileName(container);
            settings.clusterName = settings.fileName.substring(0, settings.fileName.lastIndexOf('.'));
        }
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));

        text(page, Field.CONTAINER, "&Folder:", settings.container, 1);
        Button browse = new Button(page, SWT.PUSH);
        browse.setText("B&rowse...");
        browse.addListener(SWT.Selection, _ -> browse());
        text(page, Field.FILE_NAME, "File &name:", settings.fileName, 2);
        text(page, Field.CLUSTER_NAME, "&Cluster name:", settings.clusterName, 2);
        text(page, Field.NODE_COUNT, "N&odes:", settings.nodeCount, 2);

        new Label(page, SWT.NONE).setText("&Shape:");
        shapeCombo = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (Shape shape : Shape.values()) {
            shapeCombo.add(shape.label());
        }
        shapeCombo.select(settings.shape.ordinal());
        shapeCombo.setLayoutData(fieldData(2));
        decorate(Field.SHAPE, shapeCombo);
        shapeCombo.addListener(SWT.Selection, _ -> changed());

        Group credentials = new Group(page, SWT.NONE);
        credentials.setText("Default credentials of every node");
        credentials.setLayout(new GridLayout(2, false));
        credentials.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, true, false, 3, 1));
        text(credentials, Field.UID, "&uid:", settings.uid, 1);
        text(credentials, Field.GID, "&gid:", settings.gid, 1);
        text(credentials, Field.UMASK, "u&mask (octal):", settings.umask, 1);
        new Label(credentials, SWT.NONE);
        privilegedButton = new Button(credentials, SWT.CHECK);
        privilegedButton.setText("&Privileged (may create segments for any node, bypass ACLs)");
        privilegedButton.setSelection(settings.privileged);
        privilegedButton.addListener(SWT.Selection, _ -> changed());

        PlatformUI.getWorkbench().getHelpSystem().setHelp(page, "org.rsmworkbench.model.editor.newClusterWizard");
        setControl(page);
        changed();
        setErrorMessage(null); // no error shown before the user typed (Eclipse convention); the page is still incomplete
        Message first = NewClusterSettings.firstError(messages);
        if (first != null) {
            setMessage(first.text(), IMessageProvider.INFORMATION);
        }
    }

    private void text(Composite parent, Field field, String label, String value, int span) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
        text.setText(value);
        text.setLayoutData(fieldData(span));
        texts.put(field, text);
        decorate(field, text);
        text.addListener(SWT.Modify, _ -> changed());
    }

    private GridData fieldData(int span) {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1);
        data.horizontalIndent = FieldDecorationRegistry.getDefault().getMaximumDecorationWidth();
        data.widthHint = 250;
        return data;
    }

    private void decorate(Field field, Control control) {
        ControlDecoration decoration = new ControlDecoration(control, SWT.LEFT | SWT.CENTER);
        decoration.hide();
        decorations.put(field, decoration);
    }

    private void changed() {
        if (texts.size() < Field.values().length - 1 || privilegedButton == null) {
            return; // still building the page
        }
        settings.container = texts.get(Field.CONTAINER).getText();
        settings.fileName = texts.get(Field.FILE_NAME).getText();
        settings.clusterName = texts.get(Field.CLUSTER_NAME).getText();
        settings.nodeCount = texts.get(Field.NODE_COUNT).getText();
        settings.shape = Shape.values()[Math.max(0, shapeCombo.getSelectionIndex())];
        settings.uid = texts.get(Field.UID).getText();
        settings.gid = texts.get(Field.GID).getText();
        settings.umask = texts.get(Field.UMASK).getText();
        settings.privileged = privilegedButton.getSelection();
        messages = settings.validate(new WorkspaceChecks());

        FieldDecorationRegistry registry = FieldDecorationRegistry.getDefault();
        for (Map.Entry<Field, ControlDecoration> e : decorations.entrySet()) {
            Message message = messages.stream().filter(m -> m.field() == e.getKey()).findFirst().orElse(null);
            ControlDecoration decoration = e.getValue();
            if (message == null) {
                decoration.hide();
            } else {
                decoration.setImage(registry.getFieldDecoration(message.error() ? FieldDecorationRegistry.DEC_ERROR
                        : FieldDecorationRegistry.DEC_WARNING).getImage());
                decoration.setDescriptionText(message.text());
                decoration.show();
            }
        }
        Message error = NewClusterSettings.firstError(messages);
        Message warning = messages.stream().filter(m -> !m.error()).findFirst().orElse(null);
        setErrorMessage(error == null ? null : error.text());
        setMessage(warning == null ? null : warning.text(), warning == null ? IMessageProvider.NONE : IMessageProvider.WARNING);
        setPageComplete(error == null);
    }

    private void browse() {
        ContainerSelectionDialog dialog = new ContainerSelectionDialog(getShell(),
                ResourcesPlugin.getWorkspace().getRoot().findMember(texts.get(Field.CONTAINER).getText().strip()) instanceof IContainer c
                        ? c : null,
                false, "Select the folder for the new cluster file:");
        if (dialog.open() == Window.OK && dialog.getResult() != null && dialog.getResult().length == 1) {
            texts.get(Field.CONTAINER).setText(((IPath) dialog.getResult()[0]).toString());
        }
    }

    /** The settings as the fields say. */
    public NewClusterSettings settings() {
        return settings;
    }

    /** The messages of the last check of the fields. */
    public List<Message> messages() {
        return messages;
    }

    /** The text field of a field (not SHAPE). */
    public Text text(Field field) {
        return texts.get(field);
    }

    /** The shape drop-down. */
    public Combo shapeCombo() {
        return shapeCombo;
    }

    /** The privileged check box. */
    public Button privilegedButton() {
        return privilegedButton;
    }

    /** The decoration of a field (shown when the field is wrong). */
    public ControlDecoration decoration(Field field) {
        return decorations.get(field);
    }

    private static IContainer initialContainer(IStructuredSelection selection) {
        if (selection == null) {
            return null;
        }
        for (Object o : selection.toList()) {
            IResource resource = o instanceof IResource r ? r : org.eclipse.core.runtime.Adapters.adapt(o, IResource.class);
            if (resource instanceof IContainer c && c.isAccessible()) {
                return c;
            }
            if (resource != null && resource.getParent() != null && resource.getParent().isAccessible()) {
                return resource.getParent();
            }
        }
        return null;
    }

    private static String freeFileName(IContainer container) {
        String name = "cluster." + org.rsmworkbench.model.ClusterFiles.FILE_EXTENSION;
        for (int i = 2; container.findMember(name) != null; i++) {
            name = "cluster" + i + "." + org.rsmworkbench.model.ClusterFiles.FILE_EXTENSION;
        }
        return name;
    }

    /** The workspace's answers to the settings' questions. */
    static final class WorkspaceChecks implements NewClusterSettings.Workspace {
        private final IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();

        @Override
        public String checkContainer(String containerPath) {
            IPath path = IPath.fromPortableString(containerPath);
            IResource member = path.segmentCount() == 0 ? null : root.findMember(path);
            if (member == null || !(member instanceof IContainer)) {
                return "The folder '" + containerPath + "' does not exist: choose one with Browse.";
            }
            if (!member.getProject().isOpen()) {
                return "The project '" + member.getProject().getName() + "' is closed: open it first.";
            }
            return null;
        }

        @Override
        public String checkFileName(String fileName) {
            IStatus status = ResourcesPlugin.getWorkspace().validateName(fileName, IResource.FILE);
            return status.isOK() ? null : status.getMessage();
        }

        @Override
        public boolean exists(String containerPath, String fileName) {
            IResource member = root.findMember(IPath.fromPortableString(containerPath));
            return member instanceof IContainer c && c.findMember(fileName) != null;
        }
    }
}
