// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.installtest.checker;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchDelegate;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Headless check of an Eclipse installation into which the p2 director has installed the RSM
 * Workbench feature and its source feature: the features are installed, every bundle the feature lists
 * (and every bundle the expectations name) is present, resolved and starts, every source bundle the source
 * feature lists is registered for source lookup, and the contributions the expectations name
 * (launch configuration type, views, editors, ...) are registered. It needs no display: UI
 * contributions are read from the extension registry, and their classes are loaded but not
 * instantiated.
 * <p>
 * Arguments: {@code -expect FILE} (the expectations, one per line, see
 * releng/org.rsmworkbench.installtest/expected-contributions.txt) and optionally {@code -report FILE}.
 * Prints one PASS or FAIL line per check and a summary, and returns exit code 0 when every check
 * passed, 1 when one failed, 2 when the check itself could not run.
 */
public final class InstallCheckApplication implements IApplication {

    /** Kinds of UI contributions: extension point, element name, interface their class must implement. */
    private record Kind(String point, String element, String type) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "view", new Kind("org.eclipse.ui.views", "view", "org.eclipse.ui.IViewPart"),
            "editor", new Kind("org.eclipse.ui.editors", "editor", "org.eclipse.ui.IEditorPart"),
            "perspective", new Kind("org.eclipse.ui.perspectives", "perspective", "org.eclipse.ui.IPerspectiveFactory"),
            "new-wizard", new Kind("org.eclipse.ui.newWizards", "wizard", "org.eclipse.ui.INewWizard"));

    private final List<String> failures = new ArrayList<>();
    private int passed;
    private PrintStream out = System.out;
    private final StringBuilder report = new StringBuilder();

    @Override
    public Object start(IApplicationContext context) {
        String[] args = context.getArguments().get(IApplicationContext.APPLICATION_ARGS) instanceof String[] given ? given
                : new String[0];
        String expect = null;
        String reportFile = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if ("-expect".equals(args[i])) {
                expect = args[++i];
            } else if ("-report".equals(args[i])) {
                reportFile = args[++i];
            }
        }
        context.applicationRunning();
        try {
            if (expect == null) {
                throw new IllegalArgumentException("missing argument -expect FILE");
            }
            run(Files.readAllLines(Path.of(expect), StandardCharsets.UTF_8));
        } catch (Exception e) {
            line("ERROR the install check could not run: " + e);
            e.printStackTrace(out);
            writeReport(reportFile);
            return 2;
        }
        line("");
        for (String f : failures) {
            line("FAILED: " + f);
        }
        line("install check: " + passed + " passed, " + failures.size() + " failed");
        writeReport(reportFile);
        return failures.isEmpty() ? IApplication.EXIT_OK : Integer.valueOf(1);
    }

    @Override
    public void stop() {
        // runs to completion
    }

    private void run(List<String> expectations) throws Exception {
        // the install location is a file: URL whose path is not encoded
        File install = new File(Platform.getInstallLocation().getURL().getPath());
        line("RSM Workbench install check in " + install);
        line("(checker bundle " + FrameworkUtil.getBundle(getClass()).getSymbolicName() + ", test harness of the base installation)");

        Set<String> bundles = new LinkedHashSet<>();
        List<String[]> contributions = new ArrayList<>();
        for (String raw : expectations) {
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] w = l.split("\\s+");
            switch (w[0]) {
                case "feature" -> bundles.addAll(checkFeature(install, w[1], true));
                case "source-feature" -> checkSourceBundles(install, checkFeature(install, w[1], false));
                case "bundle" -> bundles.add(w[1]);
                default -> contributions.add(w);
            }
        }
        line("");
        line("-- bundles: present, resolved, started");
        for (String b : bundles) {
            checkBundle(b);
        }
        checkWholeInstallationResolves();
        line("");
        line("-- contributions");
        for (String[] w : contributions) {
            switch (w[0]) {
                case "launch-type" -> checkLaunchType(w[1], w.length > 2 ? w[2].split(",") : new String[0]);
                case "help-toc" -> checkHelpToc(w[1]);
                default -> {
                    Kind kind = KINDS.get(w[0]);
                    if (kind == null) {
                        throw new IllegalArgumentException("unknown expectation: " + String.join(" ", w));
                    }
                    checkContribution(w[0], kind, w[1]);
                }
            }
        }
    }

    /**
     * The feature folder p2 installed, and its license when {@code license} (the source feature's is Tycho's copy);
     * returns the plug-ins its feature.xml lists.
     */
    private List<String> checkFeature(File install, String id, boolean license) throws Exception {
        File[] dirs = new File(install, "features").listFiles(f -> f.getName().startsWith(id + "_"));
        if (dirs == null || dirs.length == 0) {
            fail("feature " + id + ": not installed (no features/" + id + "_*/ in " + install + ")");
            return List.of();
        }
        if (dirs.length > 1) {
            fail("feature " + id + ": installed more than once: " + List.of(dirs));
        }
        File xml = new File(dirs[0], "feature.xml");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
        NodeList plugins = doc.getDocumentElement().getElementsByTagName("plugin");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < plugins.getLength(); i++) {
            ids.add(((Element) plugins.item(i)).getAttribute("id"));
        }
        pass("feature " + id + " " + doc.getDocumentElement().getAttribute("version") + " installed ("
                + dirs[0].getName() + "), lists " + ids.size() + " plug-ins: " + String.join(", ", ids));
        if (license) {
            checkLicense(id, dirs[0], doc.getDocumentElement());
        }
        return ids;
    }

    /**
     * The feature's license and copyright, as p2 shows them in the install wizard and in the installation details:
     * feature.xml takes them from feature.properties, whose license is the EPL-2.0 text.
     */
    private void checkLicense(String id, File folder, Element feature) throws IOException {
        String what = "feature " + id + " license and copyright: ";
        Properties texts = new Properties();
        File file = new File(folder, "feature.properties");
        if (!file.isFile()) {
            fail(what + "no feature.properties in " + folder);
            return;
        }
        try (var in = Files.newInputStream(file.toPath())) {
            texts.load(in);
        }
        String license = resolve(texts, feature, "license");
        String copyright = resolve(texts, feature, "copyright");
        if (!license.startsWith("Eclipse Public License - v 2.0") || !license.contains("Exhibit A - Form of Secondary Licenses Notice")) {
            fail(what + "the license is not the EPL-2.0 text: " + license.lines().findFirst().orElse("(empty)"));
        } else if (!copyright.startsWith("Copyright (c)") || !copyright.contains("SPDX-License-Identifier: EPL-2.0")) {
            fail(what + "no copyright notice: " + copyright);
        } else {
            pass(what + "EPL-2.0 (" + license.length() + " characters), " + copyright.lines().findFirst().orElseThrow());
        }
    }

    /** The text of the feature's {@code element}, a %key resolved in its properties. */
    private static String resolve(Properties texts, Element feature, String element) {
        NodeList found = feature.getElementsByTagName(element);
        String text = found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
        return text.startsWith("%") ? texts.getProperty(text.substring(1), "") : text;
    }

    /**
     * Source bundles are not installed into the framework: p2 lists them in the configuration's source.info, where
     * PDE and the debugger's source lookup find them. Each must be listed there, and its jar be where it says.
     */
    private void checkSourceBundles(File install, List<String> names) throws IOException {
        File sourceInfo = new File(Platform.getConfigurationLocation().getURL().getPath(),
                "org.eclipse.equinox.source/source.info");
        if (!sourceInfo.isFile()) {
            fail("source bundles: no " + sourceInfo);
            return;
        }
        List<String> lines = Files.readAllLines(sourceInfo.toPath(), StandardCharsets.UTF_8);
        for (String name : names) {
            // id,version,location,start level,auto-start; the location is relative to the installation or absolute
            String[] entry = lines.stream().filter(l -> l.startsWith(name + ",")).findFirst().map(l -> l.split(","))
                    .orElse(null);
            if (entry == null || entry.length < 3) {
                fail("source bundle " + name + ": not in " + sourceInfo);
            } else if (!(new File(entry[2]).isAbsolute() ? new File(entry[2]) : new File(install, entry[2])).isFile()) {
                fail("source bundle " + name + " " + entry[1] + ": " + entry[2] + " is missing");
            } else {
                pass("source bundle " + name + " " + entry[1] + ": listed in source.info  (" + entry[2] + ")");
            }
        }
    }

    private void checkBundle(String name) {
        Bundle[] found = Platform.getBundles(name, null);
        if (found == null || found.length == 0) {
            fail("bundle " + name + ": not installed");
            return;
        }
        Bundle b = found[0];
        String what = "bundle " + name + " " + b.getVersion();
        if (b.getHeaders("").get("Fragment-Host") != null) {
            if (b.getState() == Bundle.RESOLVED) {
                pass(what + ": fragment, resolved");
            } else {
                fail(what + ": fragment not resolved (" + state(b) + ")");
            }
            return;
        }
        String before = state(b);
        try {
            b.start(Bundle.START_TRANSIENT);
        } catch (BundleException | RuntimeException | LinkageError e) {
            fail(what + ": does not start (was " + before + "): " + describe(e));
            return;
        }
        if (b.getState() == Bundle.ACTIVE) {
            pass(what + ": " + before + " -> ACTIVE  (" + shortLocation(b) + ")");
        } else {
            fail(what + ": not ACTIVE after start (" + state(b) + ", was " + before + ")");
        }
    }

    /** Nothing the install brought (or changed) may leave a bundle of the installation unresolved. */
    private void checkWholeInstallationResolves() {
        Bundle[] all = FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles();
        FrameworkUtil.getBundle(getClass()).getBundleContext().getBundle(0).adapt(FrameworkWiring.class)
                .resolveBundles(null);
        List<String> unresolved = new ArrayList<>();
        for (Bundle b : all) {
            if (b.getState() == Bundle.INSTALLED) {
                unresolved.add(b.getSymbolicName() + " " + b.getVersion());
            }
        }
        if (unresolved.isEmpty()) {
            pass("installation: all " + all.length + " bundles resolved");
        } else {
            fail("installation: " + unresolved.size() + " of " + all.length + " bundles unresolved: " + unresolved);
        }
    }

    private void checkLaunchType(String id, String[] modes) {
        ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(id);
        if (type == null) {
            fail("launch-type " + id + ": not registered with the launch manager");
            return;
        }
        List<String> problems = new ArrayList<>();
        List<String> delegates = new ArrayList<>();
        for (String mode : modes) {
            if (!type.supportsMode(mode)) {
                problems.add("does not support mode " + mode);
                continue;
            }
            try {
                ILaunchDelegate[] ds = type.getDelegates(Set.of(mode));
                if (ds.length == 0) {
                    problems.add("no launch delegate for mode " + mode);
                } else {
                    delegates.add(mode + ": " + ds[0].getDelegate().getClass().getName());
                }
            } catch (CoreException | RuntimeException | LinkageError e) {
                problems.add("the delegate for mode " + mode + " cannot be created: " + describe(e));
            }
        }
        String what = "launch-type " + id + " \"" + type.getName() + "\"";
        if (problems.isEmpty()) {
            pass(what + ", delegates " + delegates);
        } else {
            fail(what + ": " + String.join("; ", problems));
        }
    }

    private void checkContribution(String kindName, Kind kind, String id) {
        IExtensionRegistry registry = Platform.getExtensionRegistry();
        if (registry.getExtensionPoint(kind.point()) == null) {
            fail(kindName + " " + id + ": the extension point " + kind.point() + " does not exist in this installation");
            return;
        }
        IConfigurationElement found = null;
        for (IConfigurationElement e : registry.getConfigurationElementsFor(kind.point())) {
            if (kind.element().equals(e.getName()) && id.equals(e.getAttribute("id"))) {
                found = e;
                break;
            }
        }
        String what = kindName + " " + id;
        if (found == null) {
            fail(what + ": not registered (no <" + kind.element() + " id=\"" + id + "\"> in the extension registry under "
                    + kind.point() + ")");
            return;
        }
        String contributor = found.getContributor().getName();
        String label = found.getAttribute("name") == null ? "" : " \"" + found.getAttribute("name") + "\"";
        String className = found.getAttribute("class");
        if (className == null) {
            fail(what + label + ": registered by " + contributor + " but has no class");
            return;
        }
        className = className.split(":", 2)[0].strip();
        Bundle bundle = Platform.getBundle(contributor);
        try {
            Class<?> c = bundle.loadClass(className);
            Class<?> api = bundle.loadClass(kind.type());
            if (!api.isAssignableFrom(c)) {
                fail(what + label + ": class " + className + " is not a " + kind.type());
                return;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            fail(what + label + ": registered by " + contributor + " but its class " + className + " cannot be loaded: "
                    + describe(e));
            return;
        }
        pass(what + label + ": registered by " + contributor + ", class " + className);
    }

    /** {@code bundle/file}: a toc contribution of the bundle whose file exists in the bundle. */
    private void checkHelpToc(String spec) {
        String[] parts = spec.split("/", 2);
        String what = "help-toc " + spec;
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.help.toc")) {
            if ("toc".equals(e.getName()) && parts[0].equals(e.getContributor().getName())
                    && parts[1].equals(e.getAttribute("file"))) {
                Bundle b = Platform.getBundle(parts[0]);
                URL entry = b == null ? null : b.getEntry(parts[1]);
                if (entry == null) {
                    fail(what + ": registered but the file is not in the bundle");
                } else {
                    pass(what + ": registered, file present");
                }
                return;
            }
        }
        fail(what + ": not registered (no <toc file=\"" + parts[1] + "\"> from " + parts[0] + " under org.eclipse.help.toc)");
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING (lazy)";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    private static String shortLocation(Bundle b) {
        String l = b.getLocation();
        int i = l.lastIndexOf("/plugins/");
        return i >= 0 ? l.substring(i + 1) : l;
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(e.toString().replace('\n', ' ').replaceAll("\\s+", " "));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            s.append(" <- caused by ").append(c.toString().replace('\n', ' '));
        }
        return s.toString();
    }

    private void pass(String s) {
        passed++;
        line("PASS " + s);
    }

    private void fail(String s) {
        failures.add(s);
        line("FAIL " + s);
    }

    private void line(String s) {
        out.println(s);
        report.append(s).append('\n');
    }

    private void writeReport(String file) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), report.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println("cannot write the report " + file + ": " + e);
        }
    }

}
