// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.help.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.Platform;
import org.eclipse.help.HelpSystem;
import org.eclipse.help.IContext;
import org.eclipse.help.IHelpResource;
import org.eclipse.help.ITopic;
import org.eclipse.help.IToc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The help bundle as Eclipse sees it: plugin.xml declares the primary toc "RSM Workbench", every page the tocs
 * and contexts name is in the bundle, every local link of every page resolves, and each of the 42 exported
 * RSMAPI functions (RSMAPI.md section 3.8) has its reference page.
 */
class HelpContentsTest {
    static final String HELP = "org.rsmworkbench.help";

    /** The exported symbols of librsm, mapfile SUNWprivate_1.1, as listed in RSMAPI.md section 3.8. */
    static final List<String> RSMAPI_FUNCTIONS = List.of("rsm_create_localmemory_handle",
            "rsm_free_interconnect_topology", "rsm_free_localmemory_handle", "rsm_get_controller",
            "rsm_get_controller_attr", "rsm_get_interconnect_topology", "rsm_get_segmentid_range",
            "rsm_intr_signal_post", "rsm_intr_signal_wait", "rsm_intr_signal_wait_pollfd", "rsm_memseg_export_create",
            "rsm_memseg_export_destroy", "rsm_memseg_export_publish", "rsm_memseg_export_rebind",
            "rsm_memseg_export_republish", "rsm_memseg_export_unpublish", "rsm_memseg_get_pollfd",
            "rsm_memseg_import_close_barrier", "rsm_memseg_import_connect", "rsm_memseg_import_destroy_barrier",
            "rsm_memseg_import_disconnect", "rsm_memseg_import_get", "rsm_memseg_import_get16",
            "rsm_memseg_import_get32", "rsm_memseg_import_get64", "rsm_memseg_import_get8",
            "rsm_memseg_import_get_mode", "rsm_memseg_import_getv", "rsm_memseg_import_init_barrier",
            "rsm_memseg_import_map", "rsm_memseg_import_open_barrier", "rsm_memseg_import_order_barrier",
            "rsm_memseg_import_put", "rsm_memseg_import_put16", "rsm_memseg_import_put32", "rsm_memseg_import_put64",
            "rsm_memseg_import_put8", "rsm_memseg_import_putv", "rsm_memseg_import_set_mode",
            "rsm_memseg_import_unmap", "rsm_memseg_release_pollfd", "rsm_release_controller");

    /** The F1 context ids the RSM parts use: their part ids (views, inspector, preference page, editor, wizard). */
    static final List<String> CONTEXT_IDS = List.of("org.rsmworkbench.ui.clusterView",
            "org.rsmworkbench.ui.segmentInspector", "org.rsmworkbench.ui.permissionsView",
            "org.rsmworkbench.ui.topologyView", "org.rsmworkbench.ui.preferences",
            "org.rsmworkbench.model.editor.clusterEditor", "org.rsmworkbench.model.editor.newClusterWizard");

    /** How a help page names a resource of another bundle. */
    static final String PLUGINS_ROOT = "PLUGINS_ROOT/";

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"#]*)(#[^\"]*)?\"");

    static Bundle bundle() {
        Bundle bundle = Platform.getBundle(HELP);
        assertNotNull(bundle, HELP + " is not installed");
        return bundle;
    }

    static Document xml(String path) throws Exception {
        URL entry = bundle().getEntry(path);
        assertNotNull(entry, path + " is not in " + HELP);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = entry.openStream()) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    static String text(String path) throws IOException {
        URL entry = bundle().getEntry(path);
        assertNotNull(entry, path + " is not in " + HELP);
        try (InputStream in = entry.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Element> elements(Document doc, String tag) {
        NodeList list = doc.getElementsByTagName(tag);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    /** The toc files of plugin.xml, file name to primary. */
    static Map<String, Boolean> declaredTocs() throws Exception {
        Map<String, Boolean> tocs = new LinkedHashMap<>();
        for (Element toc : elements(xml("plugin.xml"), "toc")) {
            tocs.put(toc.getAttribute("file"), Boolean.parseBoolean(toc.getAttribute("primary")));
        }
        return tocs;
    }

    /** Every topic page a toc file names (href of topics, topic of the toc), following its links to other tocs. */
    static Set<String> tocPages(String tocFile, Set<String> seen) throws Exception {
        Set<String> pages = new LinkedHashSet<>();
        if (!seen.add(tocFile)) {
            return pages;
        }
        Document doc = xml(tocFile);
        String top = doc.getDocumentElement().getAttribute("topic");
        if (!top.isEmpty()) {
            pages.add(top);
        }
        for (Element topic : elements(doc, "topic")) {
            if (!topic.getAttribute("href").isEmpty()) {
                pages.add(topic.getAttribute("href"));
            }
        }
        for (Element link : elements(doc, "link")) {
            pages.addAll(tocPages(link.getAttribute("toc"), seen));
        }
        return pages;
    }

    @Test
    void pluginXmlDeclaresThePrimaryTocRsmWorkbench() throws Exception {
        Map<String, Boolean> tocs = declaredTocs();
        assertEquals(Boolean.TRUE, tocs.get("toc.xml"), "toc.xml is the primary toc: " + tocs);
        assertEquals("RSM Workbench", xml("toc.xml").getDocumentElement().getAttribute("label"));
        for (String toc : tocs.keySet()) {
            assertEquals("toc", xml(toc).getDocumentElement().getTagName(), toc);
        }
    }

    @Test
    void everyTocFileIsDeclaredAndReachableFromThePrimaryOne() throws Exception {
        Set<String> reached = new LinkedHashSet<>();
        tocPages("toc.xml", reached);
        assertEquals(declaredTocs().keySet(), reached, "tocs declared in plugin.xml vs linked from toc.xml");
    }

    @Test
    void everyPageOfTheTocsExists() throws Exception {
        Set<String> pages = tocPages("toc.xml", new LinkedHashSet<>());
        assertTrue(pages.size() > 60, "too few pages: " + pages.size());
        List<String> missing = pages.stream().filter(p -> bundle().getEntry(p) == null).toList();
        assertEquals(List.of(), missing, "pages named in the tocs but not in the bundle");
    }

    @Test
    void everyLocalLinkOfEveryPageResolves() throws Exception {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (String page : tocPages("toc.xml", new LinkedHashSet<>())) {
            String dir = page.substring(0, page.lastIndexOf('/') + 1);
            Matcher m = LINK.matcher(text(page));
            while (m.find()) {
                String target = m.group(1);
                assertFalse(target.startsWith("http:") || target.startsWith("https:") || target.startsWith("//"),
                        page + " uses an external resource: " + target);
                if (target.isEmpty()) {
                    continue;
                }
                if (target.startsWith("javascript:")) {
                    // live help: only the action that opens a cheat sheet (CheatSheetTest checks which)
                    assertTrue(target.startsWith("javascript:liveAction('org.eclipse.ui.cheatsheets', "
                            + "'org.eclipse.ui.cheatsheets.OpenCheatSheetFromHelpAction', "), page + ": " + target);
                    continue;
                }
                checked++;
                if (target.startsWith(PLUGINS_ROOT)) {
                    // a resource of another bundle, as the help server serves it (e.g. org.eclipse.help/livehelp.js)
                    String rest = target.substring(PLUGINS_ROOT.length());
                    Bundle other = Platform.getBundle(rest.substring(0, Math.max(0, rest.indexOf('/'))));
                    if (other == null || other.getEntry(rest.substring(rest.indexOf('/') + 1)) == null) {
                        broken.add(page + " -> " + target);
                    }
                    continue;
                }
                String path = normalize(dir + target);
                if (bundle().getEntry(path) == null) {
                    broken.add(page + " -> " + target);
                }
            }
        }
        assertTrue(checked > 100, "too few links checked: " + checked);
        assertEquals(List.of(), broken, "broken links");
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                parts.removeLast();
            } else if (!part.equals(".") && !part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    @Test
    void theSpecListsFortyTwoFunctions() {
        assertEquals(42, RSMAPI_FUNCTIONS.size());
        assertEquals(42, Set.copyOf(RSMAPI_FUNCTIONS).size());
    }

    @ParameterizedTest
    @MethodSource("org.rsmworkbench.help.tests.HelpContentsTest#functions")
    void everyRsmapiFunctionHasAReferencePageInTheToc(String function) throws Exception {
        String path = "html/reference/" + function + ".html";
        assertTrue(tocPages("toc.xml", new LinkedHashSet<>()).contains(path), path + " is not in the tocs");
        String page = text(path);
        assertTrue(page.contains("<h1>" + function + "</h1>"), path + ": title");
        assertTrue(page.contains(function + "("), path + ": C prototype");
        assertTrue(page.contains("Errors, in the order they are checked"), path + ": errors");
        assertTrue(page.contains("<h2>Java binding</h2>"), path + ": Java signature");
    }

    static List<String> functions() {
        return RSMAPI_FUNCTIONS;
    }

    @Test
    void referenceHasNoPageForAFunctionOutsideTheList() throws Exception {
        Set<String> referencePages = new LinkedHashSet<>();
        for (String page : tocPages("toc_reference.xml", new LinkedHashSet<>())) {
            String name = page.substring(page.lastIndexOf('/') + 1, page.length() - ".html".length());
            if (!name.equals("index")) {
                referencePages.add(name);
            }
        }
        assertEquals(Set.copyOf(RSMAPI_FUNCTIONS), referencePages);
    }

    /** contexts file to the plugin its ids belong to, from plugin.xml. */
    static Map<String, String> declaredContexts() throws Exception {
        Map<String, String> contexts = new LinkedHashMap<>();
        for (Element c : elements(xml("plugin.xml"), "contexts")) {
            contexts.put(c.getAttribute("file"), c.getAttribute("plugin"));
        }
        return contexts;
    }

    @Test
    void contextsParseAndEveryTopicTheyNameExists() throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        Map<String, String> contexts = declaredContexts();
        assertFalse(contexts.isEmpty(), "no org.eclipse.help.contexts in plugin.xml");
        for (var entry : contexts.entrySet()) {
            Document doc = xml(entry.getKey());
            assertEquals("contexts", doc.getDocumentElement().getTagName());
            for (Element context : elements(doc, "context")) {
                ids.add(entry.getValue() + "." + context.getAttribute("id"));
                List<Element> topics = elements(context.getOwnerDocument(), "topic").stream()
                        .filter(t -> t.getParentNode() == context).toList();
                assertFalse(topics.isEmpty(), "context " + context.getAttribute("id") + " names no topic");
                for (Element topic : topics) {
                    if (bundle().getEntry(topic.getAttribute("href")) == null) {
                        missing.add(entry.getKey() + ": " + topic.getAttribute("href"));
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "topics of the contexts that are not in the bundle");
        assertEquals(Set.copyOf(CONTEXT_IDS), ids);
    }

    /** The help system itself (org.eclipse.help) finds the toc and the F1 contexts. */
    @Test
    void theHelpSystemLoadsTheTocAndTheContexts() {
        IToc toc = null;
        for (IToc t : HelpSystem.getTocs()) {
            if ("RSM Workbench".equals(t.getLabel())) {
                toc = t;
            }
        }
        assertNotNull(toc, "the help system has no toc RSM Workbench");
        List<String> labels = new ArrayList<>();
        collect(toc.getTopics(), labels);
        assertTrue(labels.contains("Access control: ACLs and the two-level check"), labels.toString());
        assertTrue(labels.contains("rsm_memseg_import_connect"), "the linked reference toc is not included: " + labels);
        for (String id : CONTEXT_IDS) {
            IContext context = HelpSystem.getContext(id);
            assertNotNull(context, "no help context " + id);
            IHelpResource[] topics = context.getRelatedTopics();
            assertTrue(topics.length > 0, id);
            assertTrue(topics[0].getHref().startsWith("/" + HELP + "/html/"), id + ": " + topics[0].getHref());
        }
    }

    private static void collect(ITopic[] topics, List<String> labels) {
        for (ITopic topic : topics) {
            labels.add(topic.getLabel());
            collect(topic.getSubtopics(), labels);
        }
    }
}
