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

    private static IPath sourceOf(Path library) {
        Path sources = RsmRuntime.sourcesOf(library);
        return sources == null || sources.equals(library) && !library.toString().endsWith(".jar") ? null : IPath.fromPath(sources);
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
