// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;
import org.rsmworkbench.core.launching.RsmProjects.Example;

/**
 * File &gt; New &gt; RSM Project: a Java project (JavaSE-25) with the RSM API container, an example program, a
 * fully connected {@code cluster.rsmcluster} and a launch configuration that runs the example on it.
 */
public final class NewRsmProjectWizard extends Wizard implements INewWizard {
    private IWorkbench workbench;
    private Page page;
    private RsmProjects.Created created;

    public NewRsmProjectWizard() {
        setWindowTitle("New RSM Project");
        setNeedsProgressMonitor(true);
        setDefaultPageImageDescriptor(Images.descriptor("icons/newrsmprj_wiz.png"));
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
    }

    @Override
    public void addPages() {
        page = new Page();
        addPage(page);
    }

    /** The page (for tests). */
    public Page page() {
        return page;
    }

    /** What the last finish made, or null. */
    public RsmProjects.Created created() {
        return created;
    }

    @Override
    public boolean performFinish() {
        String name = page.name.getText().strip();
        Example example = page.example();
        int nodes = page.nodes.getSelection();
        try {
            getContainer().run(true, false, monitor -> {
                try {
                    created = RsmProjects.create(name, example, nodes, monitor);
                } catch (CoreException e) {
                    throw new InvocationTargetException(e);
                }
            });
        } catch (InvocationTargetException e) {
            String message = e.getCause() instanceof CoreException c ? c.getStatus().getMessage() : String.valueOf(e.getCause());
            page.setErrorMessage(message);
            MessageDialog.openError(getShell(), "New RSM Project", "Cannot create the project " + name + ": " + message);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (workbench != null) {
            IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
            if (window != null) {
                BasicNewResourceWizard.selectAndReveal(created.project(), window);
                IWorkbenchPage active = window.getActivePage();
                if (active != null) {
                    try {
                        IDE.openEditor(active, created.mainSource());
                    } catch (PartInitException e) {
                        // the project is made; not opening the editor is no failure
                    }
                }
            }
        }
        return true;
    }

    /** Project name, example and node count. */
    public static final class Page extends WizardPage {
        Text name;
        Combo examples;
        Spinner nodes;
        private Label description;

        Page() {
            super("rsmProject");
            setTitle("RSM Project");
            setDescription("A Java project that runs an RSMAPI program on every node of an emulated cluster.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite top = new Composite(parent, SWT.NONE);
            GridLayoutFactory.swtDefaults().numColumns(2).applyTo(top);
            Widgets.label(top, "&Project name:");
            name = Widgets.text(top, 1);
            Widgets.label(top, "&Example program:");
            examples = new Combo(top, SWT.READ_ONLY);
            for (Example example : Example.values()) {
                examples.add(example.className());
            }
            examples.select(0);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(examples);
            Widgets.label(top, "");
            description = Widgets.hint(top, "", 1);
            Widgets.label(top, "&Nodes (fully connected):");
            nodes = new Spinner(top, SWT.BORDER);
            nodes.setMinimum(1);
            nodes.setMaximum(63);
            nodes.setSelection(RsmLaunching.DEFAULT_NODE_COUNT);
            Widgets.hint(top, "The project gets the RSM API on its build path (JavaSE-25), the example with its NodeGroup "
                    + "helper, cluster.rsmcluster and a launch configuration (Run As > RSM Cluster Application) that runs "
                    + "the example in one JVM per node.", 2);
            name.addListener(SWT.Modify, _ -> validate());
            examples.addListener(SWT.Selection, _ -> validate());
            nodes.addListener(SWT.Modify, _ -> validate());
            setControl(top);
            validate();
            setErrorMessage(null); // no error before the user typed anything
        }

        Example example() {
            return Example.values()[Math.max(0, examples.getSelectionIndex())];
        }

        /** Sets the fields (for tests and callers that fill the page). */
        public void fill(String projectName, Example example, int nodeCount) {
            name.setText(projectName);
            examples.select(example.ordinal());
            nodes.setSelection(nodeCount);
            validate();
        }

        void validate() {
            Example example = example();
            description.setText(example.description() + (example.arguments().isEmpty() ? "" : " (arguments: " + example.arguments() + ")"));
            String problem = RsmProjects.checkName(name.getText().strip());
            if (problem == null && nodes.getSelection() < example.minimumNodes()) {
                problem = example.className() + " needs at least " + example.minimumNodes() + " nodes.";
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }
    }
}
