// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * Where the installed RSMAPI and emulator bundles are on disk, as class path entries for node JVMs and Java
 * projects: a bundle jar, or (a bundle run from its project, in a self-hosted or test runtime) its classes
 * folder ({@code target/classes} or {@code bin}) plus the bundle folder when it holds the
 * {@code META-INF/services} registration that {@code Rsm.open()} finds the emulator by.
 */
public final class RsmRuntime {
    /** The bundle of the RSMAPI. */
    public static final String API_BUNDLE = "org.rsmworkbench.rsmapi";
    /** The bundle of the emulator. */
    public static final String EMULATOR_BUNDLE = "org.rsmworkbench.emulator";
    /** The bundle of the examples (whose sources the New RSM Project wizard copies). */
    public static final String EXAMPLES_BUNDLE = "org.rsmworkbench.examples";

    private static final String SERVICES = "META-INF/services";

    private RsmRuntime() {
    }

    /** The class path entries of the RSMAPI (what a project compiles against). */
    public static List<Path> apiEntries() throws IOException {
        return entries(API_BUNDLE, "org/rsmworkbench/rsmapi/Rsm.class");
    }

    /** The class path entries every node JVM needs besides the program: the RSMAPI and the emulator. */
    public static List<Path> runtimeEntries() throws IOException {
        Set<Path> entries = new LinkedHashSet<>(apiEntries());
        entries.addAll(entries(EMULATOR_BUNDLE, "org/rsmworkbench/emulator/EmulatedCluster.class"));
        return List.copyOf(entries);
    }

    /** The location of an installed bundle: its jar or folder. */
    public static Path bundleLocation(String symbolicName) throws IOException {
        Bundle bundle = Platform.getBundle(symbolicName);
        if (bundle == null) {
            throw new IOException("the bundle " + symbolicName + " is not installed");
        }
        return FileLocator.getBundleFileLocation(bundle)
                .orElseThrow(() -> new IOException("the bundle " + symbolicName + " is not a local jar or folder (" + bundle.getLocation() + ")"))
                .toPath();
    }

    /**
     * The class path entries of an installed bundle that holds {@code probeClass} (a path like {@code org/x/Y.class}):
     * its jar, or its classes folder (and the bundle folder when that holds {@code META-INF/services}).
     */
    public static List<Path> entries(String symbolicName, String probeClass) throws IOException {
        Path location = bundleLocation(symbolicName);
        if (!Files.exists(location)) {
            throw new IOException("the bundle " + symbolicName + " is installed from " + location + ", which does not exist any more");
        }
        if (Files.isRegularFile(location)) {
            return List.of(location);
        }
        List<Path> entries = new ArrayList<>();
        for (Path folder : List.of(location, location.resolve("target/classes"), location.resolve("bin"))) {
            if (Files.isRegularFile(folder.resolve(probeClass))) {
                entries.add(folder);
                break;
            }
        }
        if (entries.isEmpty()) {
            throw new IOException("the bundle folder " + location + " of " + symbolicName + " holds no " + probeClass
                    + " (not in the folder, target/classes or bin): build it first");
        }
        if (!entries.get(0).equals(location) && Files.isDirectory(location.resolve(SERVICES))) {
            entries.add(location);
        }
        return entries;
    }

    /**
     * The folder or jar that holds the sources of a class path entry, or null: a jar that holds {@code .java} files
     * itself, the {@code src} folder of a bundle project whose classes are {@code target/classes} or {@code bin}, or a
     * classes folder holding {@code .java} files next to the classes.
     */
    public static Path sourcesOf(Path entry) {
        if (Files.isRegularFile(entry)) {
            return entry; // a jar: the source lookup finds .java files in it, if any (detecting their root)
        }
        if (!Files.isDirectory(entry)) {
            return null;
        }
        Path project = entry.getFileName() != null && entry.getFileName().toString().equals("bin") ? entry.getParent()
                : entry.endsWith("target/classes") ? entry.getParent().getParent() : entry;
        if (project != null && Files.isDirectory(project.resolve("src"))) {
            return project.resolve("src");
        }
        return entry;
    }
}
