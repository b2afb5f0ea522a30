// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.help.tests;

import static org.rsmworkbench.tests.support.TestUtils.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.cheatsheets.OpenCheatSheetAction;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.Form;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The cheat sheet "Your first simulated cluster": registered under the category "RSM Workbench" (Help &gt; Cheat
 * Sheets...), its content file is in the bundle and is a cheat sheet whose every command exists in the running
 * workbench with the parameters it passes, its help links name pages of the bundle, the cheat sheet view shows every
 * step, and the user guide opens it.
 */
class CheatSheetTest {
    static final String POINT = "org.eclipse.ui.cheatsheets.cheatSheetContent";
    static final String ID = "org.rsmworkbench.help.firstCluster";
    static final String VIEW = "org.eclipse.ui.cheatsheets.views.CheatSheetView";

    @AfterEach
    void closeTheView() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IViewPart view = page.findView(VIEW);
        if (view != null) {
            page.hideView(view);
        }
    }

    static List<IConfigurationElement> contributions() {
        return Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor(POINT))
                .filter(e -> HelpContentsTest.HELP.equals(e.getContributor().getName())).toList();
    }

    static IConfigurationElement cheatSheet() {
        return contributions().stream().filter(e -> e.getName().equals("cheatsheet") && ID.equals(e.getAttribute("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no cheat sheet " + ID + " in " + POINT));
    }

    static Document content() throws Exception {
        return HelpContentsTest.xml(cheatSheet().getAttribute("contentFile"));
    }

    static List<Element> children(Element parent, String tag) {
        return HelpContentsTest.elements(parent.getOwnerDocument(), tag).stream().filter(e -> e.getParentNode() == parent).toList();
    }

    @Test
    void theCheatSheetIsRegisteredInTheCategoryRsmWorkbench() {
        IConfigurationElement sheet = cheatSheet();
        assertEquals("Your first simulated cluster", sheet.getAttribute("name"));
        IConfigurationElement category = contributions().stream().filter(e -> e.getName().equals("category")).findFirst()
                .orElseThrow(() -> new AssertionError("no category"));
        assertEquals("RSM Workbench", category.getAttribute("name"));
        assertEquals(category.getAttribute("id"), sheet.getAttribute("category"));
        assertNotNull(HelpContentsTest.bundle().getEntry(sheet.getAttribute("contentFile")), "the content file is in the bundle");
        assertFalse(sheet.getChildren("description")[0].getValue().isBlank(), "a description for Help > Cheat Sheets...");
    }

    @Test
    void theContentIsACheatSheetWhoseStepsHaveATitleADescriptionAndAHelpPageOfTheBundle() throws Exception {
        Element root = content().getDocumentElement();
        assertEquals("cheatsheet", root.getTagName());
        assertEquals("Your first simulated cluster", root.getAttribute("title"));
        Element intro = children(root, "intro").getFirst();
        assertFalse(children(intro, "description").getFirst().getTextContent().isBlank());
        List<Element> items = children(root, "item");
        assertEquals(List.of("Open the example project", "Look at the cluster", "Run it on the cluster", "Watch the consoles",
                "Open the Clusters view", "Inspect a segment", "Kill a node", "Restart the node",
                "Travel back in time"), items.stream().map(i -> i.getAttribute("title")).toList());
        List<String> hrefs = new ArrayList<>(List.of(intro.getAttribute("href")));
        for (Element item : items) {
            assertFalse(children(item, "description").getFirst().getTextContent().isBlank(), item.getAttribute("title"));
            assertTrue(children(item, "command").size() <= 1, item.getAttribute("title"));
            hrefs.add(item.getAttribute("href"));
        }
        assertFalse(children(items.getLast(), "onCompletion").isEmpty(), "the last step says what next");
        String prefix = "/" + HelpContentsTest.HELP + "/";
        for (String href : hrefs) {
            assertTrue(href.startsWith(prefix), href);
            assertNotNull(HelpContentsTest.bundle().getEntry(href.substring(prefix.length())), href);
        }
    }

    @Test
    void everyCommandItRunsExistsInTheWorkbenchWithItsParameters() throws Exception {
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        Set<String> ids = new LinkedHashSet<>();
        for (Element command : HelpContentsTest.elements(content(), "command")) {
            String serialization = command.getAttribute("serialization");
            // what the cheat sheet does with it: fails for an undefined command or parameter
            ParameterizedCommand parsed = commands.deserialize(serialization);
            assertTrue(parsed.getCommand().isDefined(), serialization);
            assertTrue(parsed.getCommand().getHandler() != null || parsed.getCommand().isHandled(), "no handler: " + serialization);
            ids.add(parsed.getId());
            for (Object entry : parsed.getParameterMap().entrySet()) {
                Map.Entry<?, ?> parameter = (Map.Entry<?, ?>) entry;
                String value = (String) parameter.getValue();
                switch ((String) parameter.getKey()) {
                case "org.eclipse.ui.views.showView.viewId" ->
                    assertNotNull(PlatformUI.getWorkbench().getViewRegistry().find(value), "no view " + value);
                default -> throw new AssertionError("unexpected parameter " + parameter + " in " + serialization);
                }
            }
        }
        assertEquals(Set.of("org.rsmworkbench.ui.launching.openExample", "org.rsmworkbench.ui.launching.openExampleCluster",
                "org.rsmworkbench.ui.launching.runExample", "org.eclipse.ui.views.showView", "org.rsmworkbench.ui.showRunRecording"), ids);
    }

    @Test
    void theCheatSheetViewShowsItWithEveryStep() throws Exception {
        new OpenCheatSheetAction(ID).run();
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        assertNotNull(page.findView(VIEW), "the cheat sheet view opens");
        Control shell = page.getWorkbenchWindow().getShell();
        List<String> expected = new ArrayList<>(List.of("Your first simulated cluster", "Introduction"));
        for (Element item : children(content().getDocumentElement(), "item")) {
            expected.add(item.getAttribute("title"));
        }
        assertTrue(waitFor(() -> texts(shell).containsAll(expected), Duration.ofSeconds(10)),
                "the view shows " + texts(shell) + ", not all of " + expected + " (a content error shows as a message)");
    }

    @Test
    void theGettingStartedPageOfTheTocOpensTheCheatSheet() throws Exception {
        assertTrue(HelpContentsTest.tocPages("toc.xml", new LinkedHashSet<>()).contains("html/getting-started.html"));
        String page = HelpContentsTest.text("html/getting-started.html");
        assertTrue(page.contains("<script src=\"PLUGINS_ROOT/org.eclipse.help/livehelp.js\"></script>"), "live help script");
        assertTrue(page.contains("javascript:liveAction('org.eclipse.ui.cheatsheets', "
                + "'org.eclipse.ui.cheatsheets.OpenCheatSheetFromHelpAction', '" + ID + "')"), "a link that opens the cheat sheet");
        assertNotNull(Platform.getBundle("org.eclipse.ui.cheatsheets").loadClass("org.eclipse.ui.cheatsheets.OpenCheatSheetFromHelpAction"));
    }

    /** The texts of the form titles and sections under a control: what the cheat sheet view shows. */
    static List<String> texts(Control root) {
        List<String> texts = new ArrayList<>();
        collect(root, texts);
        return texts;
    }

    private static void collect(Control control, List<String> texts) {
        if (control instanceof Form form && form.getText() != null) {
            texts.add(form.getText());
        } else if (control instanceof ExpandableComposite section && section.getText() != null) {
            texts.add(section.getText());
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, texts);
            }
        }
    }
}
