// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.dialogs.SaveAsDialog;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.model.ClusterFileException;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.cluster.provider.ClusterItemProviderAdapterFactory;
import org.rsmworkbench.model.cluster.util.ClusterResourceFactoryImpl;
import org.rsmworkbench.model.editor.ClusterEditorIds;
import org.rsmworkbench.model.editor.internal.properties.ClusterPropertySourceProvider;

/**
 * The editor of {@code .rsmcluster} files: a tree of the cluster (nodes with their controllers and default
 * credentials, links, switches, ACL templates) over the emf.edit item providers, the Properties view for
 * the selected element, a context menu to add and delete elements. Every edit is a command on the editing
 * domain's command stack: Undo/Redo, the dirty marker and Save follow it. Validation runs when the file is
 * opened and saved, and its problems become markers on the file; going to a marker selects its element.
 * A file that cannot be read opens on an error page that says where and why; the file is not touched.
 */
public class ClusterEditor extends EditorPart implements IEditingDomainProvider, IGotoMarker {
    /** The family of the jobs that write this editor's problem markers (to join them). */
    public static final Object MARKER_JOB_FAMILY = ClusterEditorIds.PROBLEM_MARKER;
    /** The widget data key that marks the banner composite. */
    public static final String BANNER_KEY = "org.rsmworkbench.fileChangedBanner";

    private ComposedAdapterFactory adapterFactory;
    private AdapterFactoryEditingDomain domain;
    private Cluster cluster;
    /** The cluster as it starts ({@link #startingCluster}) since the model last changed; null: not computed since. */
    private Starting starting;
    private String errorMessage;
    private Composite container;
    private TreeViewer viewer;
    /** The tree's labels, which mark the elements with validation errors. */
    private ItemLabelProvider labelProvider;
    /** The Properties view's labels of objects (a reference's value), without the errors. */
    private ItemLabelProvider propertyLabels;
    private PropertySheetPage propertySheetPage;
    private ClusterPropertySourceProvider propertySourceProvider;

    private final UndoAction undoAction = new UndoAction();
    private final RedoAction redoAction = new RedoAction();
    private final CommandAction deleteAction = new CommandAction(ClusterCommands.DELETE,
            s -> ClusterCommands.delete(domain, s.toList()));

    /** The banner over the tree when the file changed or went away under unsaved changes, or null. */
    private Composite banner;
    /** The modification stamp of the file as this editor last read or wrote it: other stamps are others' changes. */
    private long knownStamp = IResource.NULL_STAMP;

    /** Follows the file in the workspace: moved or renamed, deleted, or changed by another editor or tool. */
    private final IResourceChangeListener workspaceListener = event -> {
        IFile file = file();
        IResourceDelta delta = file == null || event.getDelta() == null ? null : event.getDelta().findMember(file.getFullPath());
        Control control = container;
        if (delta == null || control == null || control.isDisposed()) {
            return;
        }
        // a delta is valid only during the notification: take what is needed now
        int kind = delta.getKind();
        int flags = delta.getFlags();
        IPath movedTo = delta.getMovedToPath();
        control.getDisplay().asyncExec(() -> fileChanged(kind, flags, movedTo));
    };

    private final CommandStackListener commandStackListener = _ -> {
        starting = null; // before anyone hears of the change
        Control control = container;
        if (control != null && !control.isDisposed()) {
            // always later: the Properties view may be in the middle of applying the value that caused this,
            // and refreshing it now would apply it again (endlessly)
            control.getDisplay().asyncExec(this::commandStackChanged);
        }
    };

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IFileEditorInput) && !(input instanceof IURIEditorInput)) {
            throw new PartInitException("The cluster editor opens files, not " + input.getClass().getSimpleName());
        }
        setSite(site);
        setInputWithNotify(input);
        setPartName(input.getName());
        adapterFactory = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
        adapterFactory.addAdapterFactory(new ResourceItemProviderAdapterFactory());
        adapterFactory.addAdapterFactory(new ClusterItemProviderAdapterFactory());
        adapterFactory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
        BasicCommandStack commandStack = new BasicCommandStack();
        commandStack.addCommandStackListener(commandStackListener);
        domain = new AdapterFactoryEditingDomain(adapterFactory, commandStack);
        ResourceSet set = domain.getResourceSet();
        set.getPackageRegistry().put(ClusterPackage.eNS_URI, ClusterPackage.eINSTANCE);
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(ClusterFiles.FILE_EXTENSION,
                new ClusterResourceFactoryImpl());
        set.getLoadOptions().putAll(ClusterFiles.loadOptions());
        load();
        ResourcesPlugin.getWorkspace().addResourceChangeListener(workspaceListener, IResourceChangeEvent.POST_CHANGE);
    }

    /** Reads the file into the editing domain; on failure keeps the message for the error page and a marker. */
    private void load() {
        cluster = null;
        starting = null;
        errorMessage = null;
        for (Resource r : new ArrayList<>(domain.getResourceSet().getResources())) {
            r.unload();
        }
        domain.getResourceSet().getResources().clear();
        Path path = path();
        if (path == null) {
            errorMessage = "The file " + getEditorInput().getName() + " is not on the local file system.";
            return;
        }
        rememberStamp();
        try {
            cluster = ClusterFiles.load(domain.getResourceSet(), URI.createFileURI(path.toString()));
            scheduleMarkers(ClusterProblems.of(ClusterValidation.validate(cluster)));
        } catch (ClusterFileException e) {
            ClusterProblems.Problem problem = ClusterProblems.of(e);
            errorMessage = describe(e);
            scheduleMarkers(List.of(problem));
        } catch (IOException | RuntimeException e) {
            errorMessage = "The file cannot be read: " + (e.getMessage() != null ? e.getMessage() : e.toString());
        }
        ((BasicCommandStack) domain.getCommandStack()).flush();
    }

    /** The error page's text for a file that does not load: line, column and cause. */
    public static String describe(ClusterFileException e) {
        ClusterProblems.Problem problem = ClusterProblems.of(e);
        String where = e.line() > 0 ? "Line " + e.line() + (e.column() > 0 ? ", column " + e.column() : "") + ": " : "";
        String cause = problem.message().substring("Cannot read the cluster file: ".length());
        return where + cause;
    }

    private void rememberStamp() {
        IFile file = file();
        knownStamp = file == null ? IResource.NULL_STAMP : file.getModificationStamp();
    }

    @Override
    public void createPartControl(Composite parent) {
        container = new Composite(parent, SWT.NONE);
        container.setLayout(GridLayoutFactory.fillDefaults().spacing(0, 0).create());
        fillContainer();
    }

    private void fillContainer() {
        for (Control c : container.getChildren()) {
            c.dispose();
        }
        banner = null;
        viewer = null;
        if (cluster == null) {
            createErrorPage(container);
        } else {
            createTree(container);
        }
        container.getChildren()[0].setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        container.layout(true, true);
        updateActions();
    }

    // ---- the file changing under the editor

    private void fileChanged(int kind, int flags, IPath movedTo) {
        if (container == null || container.isDisposed()) {
            return;
        }
        if (kind == IResourceDelta.REMOVED && (flags & IResourceDelta.MOVED_TO) != 0 && movedTo != null) {
            IFile moved = ResourcesPlugin.getWorkspace().getRoot().getFile(movedTo);
            setInputWithNotify(new FileEditorInput(moved));
            setPartName(moved.getName());
            if (cluster != null && moved.getLocation() != null) {
                cluster.eResource().setURI(URI.createFileURI(moved.getLocation().toString()));
            }
        } else if (kind == IResourceDelta.REMOVED) {
            if (isDirty()) {
                showBanner("The file " + getEditorInput().getName() + " was deleted. Save to write it again, or close"
                        + " the editor.", false);
            } else {
                getSite().getPage().closeEditor(this, false);
            }
        } else if (kind == IResourceDelta.CHANGED && (flags & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0
                && file() != null && file().getModificationStamp() != knownStamp) {
            if (isDirty()) {
                showBanner("The file " + getEditorInput().getName() + " was changed outside this editor, which has"
                        + " unsaved changes.", true);
            } else {
                reload();
            }
        }
    }

    /** A non-modal notice over the tree; with {@code offerReload}, buttons to reload or keep this editor's version. */
    private void showBanner(String text, boolean offerReload) {
        if (banner != null) {
            banner.dispose();
        }
        banner = new Composite(container, SWT.NONE);
        banner.setData(BANNER_KEY, Boolean.TRUE);
        banner.setLayout(GridLayoutFactory.swtDefaults().numColumns(offerReload ? 4 : 2).create());
        banner.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, true, false));
        banner.moveAbove(null);
        Label icon = new Label(banner, SWT.NONE);
        icon.setImage(container.getDisplay().getSystemImage(SWT.ICON_WARNING));
        Label message = new Label(banner, SWT.WRAP);
        message.setText(text);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (offerReload) {
            Button reload = new Button(banner, SWT.PUSH);
            reload.setText("Reload (discard my changes)");
            reload.addListener(SWT.Selection, _ -> reload());
            Button keep = new Button(banner, SWT.PUSH);
            keep.setText("Keep my changes");
            keep.addListener(SWT.Selection, _ -> {
                // the next save writes this editor's version over the other one
                rememberStamp();
                banner.dispose();
                banner = null;
                container.layout(true, true);
            });
        }
        container.layout(true, true);
    }

    /** The banner shown when the file changed or went away under unsaved changes (for tests), or null. */
    public Composite getBanner() {
        return banner;
    }

    private void createTree(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        // F1: the help bundle's contexts_editor.xml
        PlatformUI.getWorkbench().getHelpSystem().setHelp(viewer.getControl(), "org.rsmworkbench.model.editor.clusterEditor");
        labelProvider = new ItemLabelProvider(adapterFactory);
        viewer.setContentProvider(new ItemContentProvider(adapterFactory));
        viewer.setLabelProvider(labelProvider);
        viewer.setInput(cluster.eResource());
        viewer.expandToLevel(2);
        viewer.setSelection(new StructuredSelection(cluster));
        viewer.addSelectionChangedListener(_ -> updateActions());
        getSite().setSelectionProvider(viewer);

        MenuManager menu = new MenuManager("#PopUp");
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillContextMenu);
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
        showErrors();
    }

    private void createErrorPage(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setData("org.rsmworkbench.errorPage", Boolean.TRUE);
        page.setLayout(new GridLayout(2, false));
        Label icon = new Label(page, SWT.NONE);
        icon.setImage(parent.getDisplay().getSystemImage(SWT.ICON_ERROR));
        icon.setLayoutData(new GridData(SWT.BEGINNING, SWT.BEGINNING, false, false, 1, 2));
        Label heading = new Label(page, SWT.WRAP);
        heading.setText("Cannot open " + getEditorInput().getName() + " as a cluster");
        heading.setFont(JFaceResources.getBannerFont());
        heading.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, true, false));
        Text message = new Text(page, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
        message.setText(errorMessage + "\n\nThe file was left as it is. Fix it with a text editor (Open With > Text Editor),"
                + " then press Reopen.");
        message.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, true, false));
        new Label(page, SWT.NONE);
        Button reopen = new Button(page, SWT.PUSH);
        reopen.setText("Reopen");
        reopen.addListener(SWT.Selection, _ -> reload());
    }

    /** Reads the file again (the error page's Reopen button). */
    public void reload() {
        load();
        fillContainer();
        firePropertyChange(PROP_DIRTY);
    }

    private void fillContextMenu(IMenuManager menu) {
        IStructuredSelection selection = selection();
        Object first = selection.getFirstElement();
        Node node = first instanceof Node n ? n : first instanceof Controller c ? c.getNode() : null;
        AclTemplate template = first instanceof AclTemplate t ? t
                : first instanceof AccessEntry e && e.eContainer() instanceof AclTemplate t ? t : null;
        menu.add(new CommandAction(ClusterCommands.NEW_NODE, _ -> ClusterCommands.newNode(domain, cluster)));
        CommandAction newController = new CommandAction(ClusterCommands.NEW_CONTROLLER,
                _ -> node == null ? org.eclipse.emf.common.command.UnexecutableCommand.INSTANCE
                        : ClusterCommands.newController(domain, node));
        menu.add(newController);
        menu.add(new CommandAction(ClusterCommands.NEW_LINK, s -> ClusterCommands.newLink(domain, cluster, s.toList())));
        menu.add(new CommandAction(ClusterCommands.NEW_SWITCH, _ -> ClusterCommands.newSwitch(domain, cluster)));
        menu.add(new CommandAction(ClusterCommands.NEW_ACL_TEMPLATE, _ -> ClusterCommands.newAclTemplate(domain, cluster)));
        menu.add(new CommandAction(ClusterCommands.NEW_ACCESS_ENTRY,
                _ -> template == null ? org.eclipse.emf.common.command.UnexecutableCommand.INSTANCE
                        : ClusterCommands.newAccessEntry(domain, template)));
        menu.add(new Separator());
        menu.add(undoAction);
        menu.add(redoAction);
        menu.add(new Separator());
        deleteAction.update();
        menu.add(deleteAction);
        menu.add(new Separator());
        menu.add(new Action("Validate") {
            @Override
            public void run() {
                validate();
            }
        });
        menu.add(new Separator(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
        for (var item : menu.getItems()) {
            if (item instanceof org.eclipse.jface.action.ActionContributionItem a && a.getAction() instanceof CommandAction ca) {
                ca.update();
            }
        }
    }

    private IStructuredSelection selection() {
        return viewer == null ? StructuredSelection.EMPTY : viewer.getStructuredSelection();
    }

    private void commandStackChanged() {
        if (container == null || container.isDisposed()) {
            return;
        }
        firePropertyChange(PROP_DIRTY);
        updateActions();
        Command last = domain.getCommandStack().getMostRecentCommand();
        if (viewer != null && last != null) {
            Collection<?> affected = last.getAffectedObjects();
            List<Object> shown = new ArrayList<>();
            for (Object o : affected) {
                if (o instanceof EObject e && e.eResource() != null) {
                    shown.add(o);
                }
            }
            if (!shown.isEmpty()) {
                viewer.setSelection(new StructuredSelection(shown), true);
            }
        }
        if (propertySheetPage != null && !propertySheetPage.getControl().isDisposed()) {
            propertySheetPage.refresh();
        }
        showErrors();
    }

    private void updateActions() {
        undoAction.update();
        redoAction.update();
        deleteAction.update();
    }

    // ---- validation and markers

    /** Validates the cluster now and replaces the file's problem markers (in a job). */
    public void validate() {
        if (cluster != null) {
            scheduleMarkers(ClusterProblems.of(ClusterValidation.validate(cluster)));
        }
    }

    /**
     * Marks the tree's elements that the validator finds errors in, and says the first error on the status line: at
     * each change, not only in the Problems view after a save (which a cluster with errors is still allowed, as work in
     * progress).
     */
    private void showErrors() {
        if (viewer == null) {
            return;
        }
        Map<EObject, String> errors = ClusterProblems.errorsByObject(ClusterValidation.validate(cluster));
        labelProvider.setErrors(errors);
        viewer.refresh(true);
        String first = errors.values().stream().findFirst().orElse(null);
        getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(first == null || errors.size() == 1 ? first
                : first + " (and " + (errors.size() - 1) + " more elements with errors, marked in the tree)");
    }

    private void scheduleMarkers(List<ClusterProblems.Problem> problems) {
        IFile file = file();
        if (file == null) {
            return;
        }
        WorkspaceJob job = new WorkspaceJob("Updating the problems of " + file.getName()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                ClusterProblems.replace(file, problems);
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == MARKER_JOB_FAMILY;
            }
        };
        job.setRule(file.getWorkspace().getRuleFactory().markerRule(file));
        job.setSystem(true);
        job.schedule();
    }

    @Override
    public void gotoMarker(IMarker marker) {
        String fragment = marker.getAttribute(ClusterEditorIds.URI_ATTRIBUTE, null);
        if (fragment == null || cluster == null || viewer == null) {
            return;
        }
        EObject target = cluster.eResource().getEObject(fragment);
        if (target != null) {
            viewer.setSelection(new StructuredSelection(target), true);
            viewer.getControl().setFocus();
        }
    }

    // ---- save

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (cluster == null) {
            return; // never write over a file that did not load
        }
        Path path = path();
        try {
            ClusterFiles.save(cluster, path);
        } catch (IOException | RuntimeException e) {
            ErrorDialog.openError(getSite().getShell(), "Save Failed", "Could not save " + getEditorInput().getName(),
                    new Status(IStatus.ERROR, EditorPlugin.ID, "Could not write " + path + ": " + e.getMessage(), e));
            if (monitor != null) {
                monitor.setCanceled(true);
            }
            return;
        }
        ((BasicCommandStack) domain.getCommandStack()).saveIsDone();
        firePropertyChange(PROP_DIRTY);
        IFile file = file();
        if (file != null) {
            try {
                file.refreshLocal(IResource.DEPTH_ZERO, monitor);
            } catch (CoreException e) {
                EditorPlugin.log("Could not refresh " + file, e);
            }
        }
        rememberStamp();
        if (banner != null) {
            banner.dispose();
            banner = null;
            container.layout(true, true);
        }
        validate();
    }

    @Override
    public void doSaveAs() {
        IFile original = file();
        if (cluster == null || original == null) {
            return;
        }
        SaveAsDialog dialog = new SaveAsDialog(getSite().getShell());
        dialog.setOriginalFile(original);
        if (dialog.open() != Window.OK || dialog.getResult() == null) {
            return;
        }
        IPath target = dialog.getResult();
        if (target.getFileExtension() == null) {
            target = target.addFileExtension(ClusterFiles.FILE_EXTENSION);
        }
        IFile newFile = ResourcesPlugin.getWorkspace().getRoot().getFile(target);
        cluster.eResource().setURI(URI.createFileURI(newFile.getLocation().toString()));
        setInputWithNotify(new FileEditorInput(newFile));
        setPartName(newFile.getName());
        doSave(null);
    }

    @Override
    public boolean isSaveAsAllowed() {
        return cluster != null && file() != null;
    }

    @Override
    public boolean isDirty() {
        return domain != null && ((BasicCommandStack) domain.getCommandStack()).isSaveNeeded();
    }

    // ---- access

    @Override
    public EditingDomain getEditingDomain() {
        return domain;
    }

    /** The cluster being edited, or null if the file did not load. */
    public Cluster getCluster() {
        return cluster;
    }

    /** Why the file did not load (what the error page says), or null if it did. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The composite holding the tree or the error page. */
    public Composite getViewerParent() {
        return container;
    }

    /** The tree, or null while the error page is shown. */
    public TreeViewer getViewer() {
        return viewer;
    }

    /** The workspace file being edited, or null for a file outside the workspace. */
    public IFile file() {
        return getEditorInput() instanceof IFileEditorInput f ? f.getFile() : null;
    }

    private Path path() {
        IEditorInput input = getEditorInput();
        if (input instanceof IFileEditorInput f) {
            IPath location = f.getFile().getLocation();
            return location == null ? null : location.toPath();
        }
        if (input instanceof IURIEditorInput u && "file".equals(u.getURI().getScheme())) {
            return Path.of(u.getURI());
        }
        return null;
    }

    /** The source of the Properties view's property sources for the tree's elements. */
    public ClusterPropertySourceProvider propertySourceProvider() {
        if (propertySourceProvider == null) {
            propertyLabels = new ItemLabelProvider(adapterFactory);
            propertySourceProvider = new ClusterPropertySourceProvider(adapterFactory, propertyLabels);
        }
        return propertySourceProvider;
    }

    IAction undoAction() {
        return undoAction;
    }

    IAction redoAction() {
        return redoAction;
    }

    IAction deleteAction() {
        return deleteAction;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IPropertySheetPage.class) {
            return adapter.cast(propertySheetPage());
        }
        if (adapter == IGotoMarker.class) {
            return adapter.cast(this);
        }
        if (adapter == ClusterSpec.class) {
            return adapter.cast(startingCluster().spec());
        }
        if (adapter == ClusterState.class) {
            return adapter.cast(startingCluster().state());
        }
        return super.getAdapter(adapter);
    }

    /** The spec and the state of a cluster as it starts; both null when it cannot start. */
    private record Starting(ClusterSpec spec, ClusterState state) {
        static final Starting NONE = new Starting(null, null);
    }

    /**
     * The cluster of the file as it starts when run, which the Topology view draws while this editor is chosen, once per
     * change of the model (the view asks at each selection); none while the model has errors or is beyond what the
     * emulator runs (the Problems view says which): a switch may claim millions of links, not expanded on the UI thread.
     */
    private Starting startingCluster() {
        if (starting == null) {
            starting = Starting.NONE;
            if (cluster != null) {
                Diagnostic diagnostic = ClusterValidation.validate(cluster);
                if (diagnostic.getSeverity() < Diagnostic.ERROR && diagnostic.getChildren().stream().noneMatch(
                        d -> d.getCode() == ClusterValidation.TOO_MANY_LINKS || d.getCode() == ClusterValidation.NODE_ID_BEYOND_EMULATOR)) {
                    starting = new Starting(ClusterSpecs.toSpec(cluster), ClusterSpecs.startingState(cluster));
                }
            }
        }
        return starting;
    }

    private PropertySheetPage propertySheetPage() {
        if (propertySheetPage == null || propertySheetPage.getControl() == null || propertySheetPage.getControl().isDisposed()) {
            propertySheetPage = new PropertySheetPage() {
                @Override
                public void setActionBars(IActionBars actionBars) {
                    super.setActionBars(actionBars);
                    actionBars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undoAction);
                    actionBars.setGlobalActionHandler(ActionFactory.REDO.getId(), redoAction);
                }
            };
            propertySheetPage.setPropertySourceProvider(propertySourceProvider());
        }
        return propertySheetPage;
    }

    @Override
    public void setFocus() {
        if (viewer != null) {
            viewer.getControl().setFocus();
        } else if (container != null) {
            container.setFocus();
        }
    }

    @Override
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(workspaceListener);
        if (domain != null) {
            domain.getCommandStack().removeCommandStackListener(commandStackListener);
        }
        if (propertySheetPage != null) {
            propertySheetPage.dispose();
        }
        if (labelProvider != null) {
            labelProvider.dispose();
        }
        if (propertyLabels != null) {
            propertyLabels.dispose();
        }
        if (adapterFactory != null) {
            adapterFactory.dispose();
        }
        super.dispose();
    }

    // ---- actions

    /** Runs the command its factory makes for the tree's selection; enabled when that command can execute. */
    final class CommandAction extends Action {
        private final Function<IStructuredSelection, Command> factory;

        CommandAction(String label, Function<IStructuredSelection, Command> factory) {
            super(label);
            this.factory = factory;
        }

        void update() {
            setEnabled(cluster != null && factory.apply(selection()).canExecute());
        }

        @Override
        public void run() {
            if (cluster == null) {
                return;
            }
            Command command = factory.apply(selection());
            if (command.canExecute()) {
                domain.getCommandStack().execute(command);
            }
        }
    }

    final class UndoAction extends Action {
        UndoAction() {
            super("&Undo");
            setActionDefinitionId("org.eclipse.ui.edit.undo");
        }

        void update() {
            CommandStack stack = domain == null ? null : domain.getCommandStack();
            setEnabled(stack != null && stack.canUndo());
            Command c = stack == null ? null : stack.getUndoCommand();
            setText(c != null && c.getLabel() != null ? "&Undo " + c.getLabel() : "&Undo");
        }

        @Override
        public void run() {
            domain.getCommandStack().undo();
        }
    }

    final class RedoAction extends Action {
        RedoAction() {
            super("&Redo");
            setActionDefinitionId("org.eclipse.ui.edit.redo");
        }

        void update() {
            CommandStack stack = domain == null ? null : domain.getCommandStack();
            setEnabled(stack != null && stack.canRedo());
            Command c = stack == null ? null : stack.getRedoCommand();
            setText(c != null && c.getLabel() != null ? "&Redo " + c.getLabel() : "&Redo");
        }

        @Override
        public void run() {
            domain.getCommandStack().redo();
        }
    }
}
