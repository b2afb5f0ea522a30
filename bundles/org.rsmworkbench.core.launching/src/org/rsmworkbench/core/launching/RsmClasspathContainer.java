// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.JavaCore;

/**
 * "RSM API": the classpath container ({@value RsmLaunching#CONTAINER_ID}) that puts the installed RSMAPI on a
 * Java project's build path. Node JVMs of a cluster launch get the emulator as well (see {@link RsmRuntime}).
 */
public final class RsmClasspathContainer implements IClasspathContainer {
    /** The container path a project's class path names. */
    public static final IPath PATH = IPath.fromOSString(RsmLaunching.CONTAINER_ID);

    private final IPath path;
    private final IClasspathEntry[] entries;

    RsmClasspathContainer(IPath path, List<Path> libraries) {
        this.path = path;
        this.entries = libraries.stream().map(l -> JavaCore.newLibraryEntry(IPath.fromPath(l), sourceOf(l), null))
                .toArray(IClasspathEntry[]::new);
    }

    /** The source attachment of a library: a jar holding .java files, or a bundle project's src folder; else none. */
    private static IPath sourceOf(Path library) {
        Path sources = RsmRuntime.sourcesOf(library);
        if (sources == null || sources.equals(library) && (!java.nio.file.Files.isRegularFile(library) || !holdsSources(library))) {
            return null;
        }
        return IPath.fromPath(sources);
    }

    private static boolean holdsSources(Path jar) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().endsWith(".java"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A project class path entry for the container. */
    public static IClasspathEntry newEntry() {
        return JavaCore.newContainerEntry(PATH);
    }

    @Override
    public IClasspathEntry[] getClasspathEntries() {
        return entries.clone();
    }

    @Override
    public String getDescription() {
        return "RSM API";
    }

    @Override
    public int getKind() {
        return K_APPLICATION;
    }

    @Override
    public IPath getPath() {
        return path;
    }
}
