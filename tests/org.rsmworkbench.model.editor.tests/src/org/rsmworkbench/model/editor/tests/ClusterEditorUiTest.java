// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterShapes.Shape;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterFactory;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.editor.ClusterEditorIds;
import org.rsmworkbench.model.editor.internal.ClusterEditor;
import org.rsmworkbench.model.editor.internal.properties.ChoiceCellEditor;
import org.rsmworkbench.model.editor.internal.properties.ValueTextCellEditor;
import org.rsmworkbench.model.editor.internal.wizard.NewClusterSettings.Field;
import org.rsmworkbench.model.editor.internal.wizard.NewClusterWizard;
import org.rsmworkbench.model.editor.internal.wizard.NewClusterWizardPage;

/** The wizard and the editor in a running workbench, driven through their real widgets and actions. */
class ClusterEditorUiTest {
    private IProject project;

    @BeforeEach
    void createProject() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("editor-test-" + System.nanoTime());
        project.create(null);
        project.open(null);
    }

    @AfterEach
    void deleteProject() throws Exception {
        page().closeAllEditors(false);
        spin();
        project.delete(true, true, null);
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Whether the active page shows that editor. */
    private static boolean isOpen(IEditorPart editor) {
        return Arrays.stream(page().getEditorReferences()).anyMatch(reference -> reference.getEditor(false) == editor);
    }

    private static void spin() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run pending UI work
        }
    }

    /** Runs the event loop until the condition holds (a resource change reaches an editor asynchronously), at most 10 s. */
    private static boolean spinUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() - deadline < 0) {
            spin();
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    private static void joinMarkerJobs() throws InterruptedException {
        Job.getJobManager().join(ClusterEditor.MARKER_JOB_FAMILY, null);
    }

    private IFile write(String name, Cluster cluster) throws Exception {
        IFile file = project.getFile(name);
        ClusterFiles.save(cluster, file.getLocation().toPath());
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        return file;
    }

    private static IPropertyDescriptor descriptor(IPropertySource source, String name) {
        return Arrays.stream(source.getPropertyDescriptors()).filter(d -> d.getDisplayName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no property " + name));
    }

    private static ClusterEditor open(IFile file) throws Exception {
        IEditorPart part = IDE.openEditor(page(), file);
        spin();
        return assertInstanceOf(ClusterEditor.class, part, "the cluster editor is the default editor of .rsmcluster files");
    }

    private static IAction global(ClusterEditor editor, ActionFactory action) {
        return editor.getEditorSite().getActionBars().getGlobalActionHandler(action.getId());
    }

    private static void type(Text text, String value) {
        text.setFocus();
        text.setText(value); // fires SWT.Modify, as typing does
    }

    private static void select(org.eclipse.swt.widgets.Widget widget) {
        widget.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void theWizardChecksEveryFieldCreatesTheFileAndOpensIt() throws Exception {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        NewClusterWizard wizard = new NewClusterWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
        WizardDialog dialog = new WizardDialog(shell, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            NewClusterWizardPage page = wizard.page();
            assertEquals(project.getFullPath().toString(), page.text(Field.CONTAINER).getText());
            assertTrue(page.isPageComplete(), "the defaults are valid");

            type(page.text(Field.NODE_COUNT), "many");
            type(page.text(Field.UMASK), "0899");
            type(page.text(Field.UID), "-5");
            assertFalse(page.isPageComplete());
            assertEquals("The node count must be a whole number, not 'many'.", page.getErrorMessage());
            for (Field wrong : new Field[] { Field.NODE_COUNT, Field.UMASK, Field.UID }) {
                assertTrue(page.decoration(wrong).isVisible(), wrong + " is marked");
                assertNotNull(page.decoration(wrong).getDescriptionText());
            }
            assertFalse(page.decoration(Field.GID).isVisible());
            type(page.text(Field.CONTAINER), "/no-such-project");
            assertTrue(page.decoration(Field.CONTAINER).isVisible());

            type(page.text(Field.CONTAINER), project.getFullPath().toString());
            type(page.text(Field.NODE_COUNT), "5");
            type(page.text(Field.UMASK), "027");
            type(page.text(Field.UID), "0");
            type(page.text(Field.FILE_NAME), "lab");
            type(page.text(Field.CLUSTER_NAME), "lab cluster");
            page.shapeCombo().select(Shape.TWO_SWITCHES.ordinal());
            select(page.shapeCombo());
            page.privilegedButton().setSelection(true);
            select(page.privilegedButton());
            assertNull(page.getErrorMessage());
            assertTrue(page.isPageComplete());
            assertTrue(wizard.canFinish());

            assertTrue(wizard.performFinish());
        } finally {
            dialog.close();
        }
        spin();
        IFile file = project.getFile("lab.rsmcluster");
        assertTrue(file.exists());
        Cluster saved = ClusterFiles.load(file.getLocation().toPath());
        assertEquals("lab cluster", saved.getName());
        assertEquals(5, saved.getNodes().size());
        assertEquals(2, saved.getSwitches().size());
        Credentials credentials = saved.getNodes().get(4).getDefaultCredentials();
        assertEquals(0, credentials.getUid());
        assertEquals(027, credentials.getUmask());
        assertTrue(credentials.isPrivileged());
        ClusterEditor editor = assertInstanceOf(ClusterEditor.class, page().getActiveEditor());
        assertEquals(file, editor.file());
        assertEquals(5, editor.getCluster().getNodes().size());
    }

    @Test
    void anEditUndoesRedoesAndIsSaved() throws Exception {
        IFile file = write("ring.rsmcluster", ClusterShapes.ring(3));
        ClusterEditor editor = open(file);
        assertNull(editor.getErrorMessage());
        TreeViewer viewer = editor.getViewer();
        TreeItem root = viewer.getTree().getItem(0);
        assertEquals("Cluster ring-of-3", root.getText());
        assertEquals(6, root.getItemCount(), "3 nodes and 3 links");
        assertEquals("Node 2 (node2)", root.getItem(1).getText());
        assertEquals("Link 1:emu0 \u2013 2:emu0", root.getItem(3).getText());

        Node node = editor.getCluster().getNodes().get(1);
        viewer.setSelection(new StructuredSelection(node));
        IPropertySource source = editor.propertySourceProvider().getPropertySource(node);
        IPropertyDescriptor hostname = descriptor(source, "Hostname");
        CellEditor cell = hostname.createPropertyEditor(viewer.getTree());
        assertInstanceOf(ValueTextCellEditor.class, cell);
        cell.setValue(source.getPropertyValue(hostname.getId()));
        ((Text) cell.getControl()).setText("beta");
        source.setPropertyValue(hostname.getId(), cell.getValue());
        cell.dispose();
        spin();
        assertEquals("beta", node.getHostname());
        assertTrue(editor.isDirty());
        assertEquals("Node 2 (beta)", root.getItem(1).getText(), "the tree follows the model");

        IAction undo = global(editor, ActionFactory.UNDO);
        IAction redo = global(editor, ActionFactory.REDO);
        assertNotNull(undo, "the workbench Undo is wired to the editor");
        assertTrue(undo.isEnabled());
        undo.run();
        spin();
        assertEquals("node2", node.getHostname());
        assertFalse(editor.isDirty());
        assertEquals("Node 2 (node2)", root.getItem(1).getText());
        assertTrue(redo.isEnabled());
        redo.run();
        spin();
        assertEquals("beta", node.getHostname());
        assertTrue(editor.isDirty());

        editor.doSave(new NullProgressMonitor());
        spin();
        assertFalse(editor.isDirty());
        assertEquals("beta", ClusterFiles.load(file.getLocation().toPath()).getNodes().get(1).getHostname());
        joinMarkerJobs();
        assertEquals(0, file.findMarkers(ClusterEditorIds.PROBLEM_MARKER, true, IResource.DEPTH_ZERO).length);
    }

    @Test
    void theContextMenuAddsAndDeletesElements() throws Exception {
        IFile file = write("two.rsmcluster", ClusterShapes.nodes(2));
        ClusterEditor editor = open(file);
        TreeViewer viewer = editor.getViewer();
        Node first = editor.getCluster().getNodes().get(0);
        viewer.setSelection(new StructuredSelection(first));

        choose(viewer, "New Controller");
        assertEquals(2, first.getControllers().size());
        Controller added = first.getControllers().get(1);
        assertEquals("emu1", added.getName());
        assertEquals(added, viewer.getStructuredSelection().getFirstElement(), "the new element is selected");

        choose(viewer, "New Node");
        assertEquals(3, editor.getCluster().getNodes().size());
        choose(viewer, "New Link");
        assertEquals(1, editor.getCluster().getLinks().size());
        choose(viewer, "New ACL Template");
        assertEquals("acl0", editor.getCluster().getAclTemplates().get(0).getName());
        assertEquals("&Undo New ACL Template", global(editor, ActionFactory.UNDO).getText());

        viewer.setSelection(new StructuredSelection(editor.getCluster().getNodes().get(1)));
        IAction delete = global(editor, ActionFactory.DELETE);
        assertTrue(delete.isEnabled());
        delete.run();
        spin();
        assertEquals(2, editor.getCluster().getNodes().size());
        assertEquals(0, editor.getCluster().getLinks().size(), "the link to the deleted node went with it");
        viewer.setSelection(new StructuredSelection(editor.getCluster()));
        assertFalse(delete.isEnabled(), "the cluster cannot be deleted");
        assertTrue(editor.isDirty());
    }

    private static void choose(TreeViewer viewer, String label) {
        Menu menu = viewer.getTree().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        MenuItem item = Arrays.stream(menu.getItems()).filter(i -> i.getText().replace("&", "").equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + label));
        assertTrue(item.isEnabled(), label + " is enabled");
        select(item);
        menu.notifyListeners(SWT.Hide, new Event());
        spin();
    }

    @Test
    void invalidEditsBecomeProblemMarkersThatLeadToTheirElement() throws Exception {
        Cluster cluster = ClusterShapes.nodes(2);
        AclTemplate template = ClusterFactory.eINSTANCE.createAclTemplate();
        template.setName("shared");
        AccessEntry e = ClusterFactory.eINSTANCE.createAccessEntry();
        e.setNode(1);
        template.getEntries().add(e);
        cluster.getAclTemplates().add(template);
        IFile file = write("acl.rsmcluster", cluster);
        ClusterEditor editor = open(file);
        joinMarkerJobs();
        assertEquals(0, file.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO).length);

        AccessEntry entry = editor.getCluster().getAclTemplates().get(0).getEntries().get(0);
        IPropertySource entrySource = editor.propertySourceProvider().getPropertySource(entry);
        IPropertyDescriptor permission = descriptor(entrySource, "Permission");
        CellEditor cell = permission.createPropertyEditor(editor.getViewer().getTree());
        cell.setValue(entrySource.getPropertyValue(permission.getId()));
        Text text = (Text) cell.getControl();
        assertEquals("0600", text.getText(), "permissions show in octal");
        text.setText("0777");
        assertTrue(cell.isValueValid());
        assertEquals(0777, cell.getValue(), "and are read in octal");
        entrySource.setPropertyValue(permission.getId(), cell.getValue());
        cell.dispose();

        Node second = editor.getCluster().getNodes().get(1);
        IPropertySource nodeSource = editor.propertySourceProvider().getPropertySource(second);
        nodeSource.setPropertyValue(descriptor(nodeSource, "Id").getId(), 1);

        Credentials credentials = second.getDefaultCredentials();
        IPropertySource credentialSource = editor.propertySourceProvider().getPropertySource(credentials);
        CellEditor privileged = descriptor(credentialSource, "Privileged").createPropertyEditor(editor.getViewer().getTree());
        assertInstanceOf(ChoiceCellEditor.class, privileged);
        privileged.setValue(Boolean.TRUE);
        assertEquals(Boolean.TRUE, privileged.getValue());
        privileged.dispose();
        spin(); // the editor follows the command stack asynchronously (dirty marker, selection of what changed)
        assertTrue(editor.isDirty());

        editor.doSave(new NullProgressMonitor());
        spin();
        joinMarkerJobs();
        IMarker[] markers = file.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO);
        assertEquals(2, markers.length, Arrays.toString(markers));
        IMarker bad = Arrays.stream(markers).filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains("0777")).findFirst()
                .orElseThrow();
        assertEquals(ClusterEditorIds.PROBLEM_MARKER, bad.getType());
        assertEquals(IMarker.SEVERITY_ERROR, bad.getAttribute(IMarker.SEVERITY, -1));
        assertEquals("ACL template shared (1 entry) > Node 1: 0777: permission", bad.getAttribute(IMarker.LOCATION, ""));
        assertTrue(Arrays.stream(markers).anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("same id")));

        // a double-click in the Problems view opens the marker: the offending element is selected
        editor.getViewer().setSelection(new StructuredSelection(editor.getCluster()));
        IEditorPart opened = IDE.openEditor(page(), bad);
        spin();
        assertSame(editor, opened);
        assertEquals(entry, editor.getViewer().getStructuredSelection().getFirstElement());

        // fixing and saving clears the markers
        global(editor, ActionFactory.UNDO).run();
        global(editor, ActionFactory.UNDO).run();
        editor.doSave(new NullProgressMonitor());
        joinMarkerJobs();
        assertEquals(0, file.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO).length);
    }

    @Test
    void aDuplicateNodeIdIsMarkedInTheTreeAndOnTheStatusLineAndStillSaved() throws Exception {
        IFile file = write("duplicate.rsmcluster", ClusterShapes.nodes(2));
        ClusterEditor editor = open(file);
        Node second = editor.getCluster().getNodes().get(1);
        assertFalse(treeItem(editor, second).getText().contains("error"), treeItem(editor, second).getText());

        IPropertySource nodeSource = editor.propertySourceProvider().getPropertySource(second);
        nodeSource.setPropertyValue(descriptor(nodeSource, "Id").getId(), 1);
        spin(); // the editor follows the command stack asynchronously
        String label = treeItem(editor, second).getText();
        assertTrue(label.startsWith("Node 1 (node2) \u2013 error: ") && label.contains("same id"), label);
        assertNotEquals(treeItem(editor, editor.getCluster().getNodes().get(0)).getImage(), treeItem(editor, second).getImage(),
                "the offending node's icon has an error overlay");
        assertTrue(statusLineShows(label.substring(label.indexOf("error: ") + "error: ".length())),
                "the status line says the first error");

        editor.doSave(new NullProgressMonitor());
        assertFalse(editor.isDirty(), "saved all the same: work in progress");

        global(editor, ActionFactory.UNDO).run();
        spin();
        assertEquals("Node 2 (node2)", treeItem(editor, second).getText(), "fixed: the mark goes");
        assertFalse(statusLineShows("same id"));
    }

    /** The tree item that shows {@code element} in the editor's tree (revealed). */
    private static TreeItem treeItem(ClusterEditor editor, Object element) {
        editor.getViewer().reveal(element);
        return Arrays.stream(editor.getViewer().getTree().getItems()).flatMap(item -> Stream.concat(Stream.of(item),
                Arrays.stream(item.getItems()))).filter(item -> item.getData() == element).findFirst()
                .orElseThrow(() -> new AssertionError("no tree item shows " + element));
    }

    /** Whether a label of the workbench window (its status line) shows {@code text}. */
    private static boolean statusLineShows(String text) {
        return labelShows(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), text);
    }

    private static boolean labelShows(Control control, String text) {
        if (control instanceof CLabel label && label.getText() != null && label.getText().contains(text)) {
            return true;
        }
        return control instanceof Composite composite && Arrays.stream(composite.getChildren()).anyMatch(c -> labelShows(c, text));
    }

    @Test
    void aMalformedFileOpensOnAnErrorPageAndIsNeverOverwritten() throws Exception {
        Path scratch = Files.createTempFile("whole", ".rsmcluster");
        ClusterFiles.save(ClusterShapes.ring(3), scratch);
        String whole = Files.readString(scratch);
        Files.delete(scratch);
        String truncated = whole.substring(0, whole.length() / 2);
        IFile file = project.getFile("broken.rsmcluster");
        file.create(new ByteArrayInputStream(truncated.getBytes(StandardCharsets.UTF_8)), true, null);

        ClusterEditor editor = open(file);
        String message = editor.getErrorMessage();
        assertNotNull(message);
        assertTrue(message.matches("Line \\d+, column \\d+: .+"), message);
        assertNull(editor.getViewer());
        assertNull(editor.getCluster());
        Composite errorPage = find(editor.getViewerParent(), c -> Boolean.TRUE.equals(c.getData("org.rsmworkbench.errorPage")));
        assertNotNull(errorPage, "the error page is shown");
        assertNotNull(find(errorPage, c -> c instanceof Text t && t.getText().contains(message)));
        assertFalse(editor.isDirty());
        assertFalse(editor.isSaveAsAllowed());
        editor.doSave(new NullProgressMonitor());
        assertEquals(truncated, Files.readString(file.getLocation().toPath()), "the file is not overwritten");

        joinMarkerJobs();
        IMarker[] markers = file.findMarkers(ClusterEditorIds.PROBLEM_MARKER, true, IResource.DEPTH_ZERO);
        assertEquals(1, markers.length);
        assertTrue(markers[0].getAttribute(IMarker.LINE_NUMBER, 0) > 0);
        assertTrue(markers[0].getAttribute(IMarker.MESSAGE, "").startsWith("Cannot read the cluster file: "));

        // fixed outside, reopened from the error page
        file.setContents(new ByteArrayInputStream(whole.getBytes(StandardCharsets.UTF_8)), true, false, null);
        editor.reload();
        spin();
        assertNull(editor.getErrorMessage());
        assertEquals(3, editor.getCluster().getNodes().size());
        assertNotNull(editor.getViewer());
        joinMarkerJobs();
        assertEquals(0, file.findMarkers(ClusterEditorIds.PROBLEM_MARKER, true, IResource.DEPTH_ZERO).length);
        page().closeEditor(editor, false);
        assertEquals(whole, Files.readString(file.getLocation().toPath()));
    }

    @Test
    void screenshotOfTheEditorWithProperties() throws Exception {
        Cluster cluster = ClusterShapes.twoSwitches(6);
        cluster.setName("lab");
        IFile file = write("lab.rsmcluster", cluster);
        ClusterEditor editor = open(file);
        page().showView(IPageLayout.ID_PROP_SHEET);
        page().activate(editor);
        editor.getViewer().expandAll();
        Node node = editor.getCluster().getNodes().get(2);
        editor.getViewer().setSelection(new StructuredSelection(node.getDefaultCredentials()), true);
        spin();
        Shell shell = editor.getSite().getShell();
        shell.setMaximized(true);
        for (int i = 0; i < 20; i++) {
            spin();
            Thread.sleep(50);
        }
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of(System.getProperty("rsmworkbench.screenshots", "target/screenshots")).toAbsolutePath();
        Files.createDirectories(dir);
        ImageLoader loader = new ImageLoader();
        ImageData data = image.getImageData();
        image.dispose();
        loader.data = new ImageData[] { data };
        Path png = dir.resolve("cluster-editor-uitest.png");
        loader.save(png.toString(), SWT.IMAGE_PNG);
        System.out.println("screenshot: " + png);
        assertTrue(Files.size(png) > 1000);
    }

    // ---- the file changing under the editor

    /** Writes {@code cluster} over {@code file} through the workspace, as another editor or a team update would. */
    private static void writeExternally(IFile file, Cluster cluster) throws Exception {
        Path temp = Files.createTempFile("external", ".rsmcluster");
        ClusterFiles.save(cluster, temp);
        file.setContents(new ByteArrayInputStream(Files.readAllBytes(temp)), IResource.FORCE, null);
        Files.delete(temp);
        spin();
    }

    private static void editHostname(ClusterEditor editor, String hostname) {
        Node node = editor.getCluster().getNodes().get(0);
        editor.getEditingDomain().getCommandStack().execute(org.eclipse.emf.edit.command.SetCommand.create(
                editor.getEditingDomain(), node, org.rsmworkbench.model.cluster.ClusterPackage.Literals.NODE__HOSTNAME, hostname));
        spin();
    }

    private static Cluster renamed(int nodes, String name) {
        Cluster cluster = ClusterShapes.nodes(nodes);
        cluster.setName(name);
        return cluster;
    }

    private static org.eclipse.swt.widgets.Button button(Composite banner, String label) {
        return Arrays.stream(banner.getChildren()).filter(c -> c instanceof org.eclipse.swt.widgets.Button b
                && b.getText().startsWith(label)).map(org.eclipse.swt.widgets.Button.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
    }

    @Test
    void aCleanEditorReloadsAFileChangedOutsideItAndItsOwnSaveChangesNothing() throws Exception {
        IFile file = write("changed.rsmcluster", renamed(2, "before"));
        ClusterEditor editor = open(file);
        writeExternally(file, renamed(3, "after"));
        assertEquals("after", editor.getCluster().getName());
        assertEquals(3, editor.getCluster().getNodes().size());
        assertFalse(editor.isDirty());
        assertNull(editor.getBanner());

        editHostname(editor, "mine");
        Cluster edited = editor.getCluster();
        editor.doSave(new NullProgressMonitor());
        spin();
        assertSame(edited, editor.getCluster(), "its own save is not taken for someone else's change");
        assertNull(editor.getBanner());
    }

    @Test
    void underUnsavedChangesAnOutsideChangeAsksWithoutLosingEitherVersion() throws Exception {
        IFile file = write("conflict.rsmcluster", renamed(2, "before"));
        ClusterEditor editor = open(file);
        editHostname(editor, "mine");
        writeExternally(file, renamed(2, "theirs"));
        Composite banner = editor.getBanner();
        assertNotNull(banner, "a notice, not a silent reload over unsaved changes");
        assertEquals("mine", editor.getCluster().getNodes().get(0).getHostname());
        assertTrue(editor.isDirty());

        select(button(banner, "Keep"));
        spin();
        assertNull(editor.getBanner());
        assertTrue(editor.isDirty());
        editor.doSave(new NullProgressMonitor());
        spin();
        assertEquals("mine", ClusterFiles.load(file.getLocation().toPath()).getNodes().get(0).getHostname());

        editHostname(editor, "mine again");
        writeExternally(file, renamed(2, "theirs again"));
        select(button(editor.getBanner(), "Reload"));
        spin();
        assertEquals("theirs again", editor.getCluster().getName());
        assertFalse(editor.isDirty());
        assertNull(editor.getBanner());
    }

    @Test
    void theEditorFollowsItsFileWhenRenamedAndClosesWhenACleanFileIsDeleted() throws Exception {
        IFile file = write("old-name.rsmcluster", renamed(2, "c"));
        ClusterEditor editor = open(file);
        file.move(file.getFullPath().removeLastSegments(1).append("new-name.rsmcluster"), true, null);
        spin();
        IFile moved = project.getFile("new-name.rsmcluster");
        assertEquals(moved, editor.file());
        assertEquals("new-name.rsmcluster", editor.getPartName());
        editHostname(editor, "saved-after-move");
        editor.doSave(new NullProgressMonitor());
        assertEquals("saved-after-move", ClusterFiles.load(moved.getLocation().toPath()).getNodes().get(0).getHostname());

        editHostname(editor, "unsaved");
        moved.delete(true, null);
        spin();
        assertNotNull(editor.getBanner(), "unsaved changes of a deleted file are kept, with a notice");
        assertTrue(isOpen(editor));
        editor.doSave(new NullProgressMonitor());
        assertTrue(Files.exists(moved.getLocation().toPath()), "saving writes the file again");

        moved.refreshLocal(IResource.DEPTH_ZERO, null);
        moved.delete(true, null);
        assertTrue(spinUntil(() -> !isOpen(editor)), "a clean editor closes with its file");
    }

    private static Composite find(Control control, java.util.function.Predicate<Control> test) {
        if (test.test(control)) {
            return control instanceof Composite c ? c : control.getParent();
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Composite found = find(child, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
