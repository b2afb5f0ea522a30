// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.Rsm;

/** Finds the class path entry (jar or classes folder) that a loaded class came from. */
public final class ClassPathEntries {
    /** The file that registers the emulator with {@code Rsm.open()} (a {@link java.util.ServiceLoader} entry). */
    private static final String PROVIDER_REGISTRATION = "META-INF/services/org.rsmworkbench.rsmapi.spi.RsmLibraryProvider";

    private ClassPathEntries() {
    }

    /** The entries that a node JVM needs besides the program: the RSMAPI and emulator bundles. */
    public static List<Path> runtime() {
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(of(Rsm.class));
        entries.addAll(withResource(EmulatedCluster.class, PROVIDER_REGISTRATION));
        return List.copyOf(entries);
    }

    /**
     * The entry that holds {@code type} ({@link #of}), and, when it is the classes folder of a bundle project (bin/ or
     * target/classes/) without {@code resource}, the project folder that has it (a bundle's META-INF is there): so that a
     * JVM with these entries finds the bundle's {@link java.util.ServiceLoader} registration {@code resource}.
     */
    public static List<Path> withResource(Class<?> type, String resource) {
        Set<Path> entries = new LinkedHashSet<>();
        Path entry = of(type);
        entries.add(entry);
        if (Files.isDirectory(entry) && !Files.exists(entry.resolve(resource))) {
            Path parent = entry.getParent();
            Stream.of(parent, parent == null ? null : parent.getParent()).filter(Objects::nonNull)
                    .filter(folder -> Files.exists(folder.resolve(resource))).findFirst().ifPresent(entries::add);
        }
        return List.copyOf(entries);
    }

    /**
     * The jar or folder on a plain class path that holds {@code type}. In OSGi the code source is the
     * bundle: a jar, or (a bundle run from its project) a folder whose classes are in target/classes or bin.
     *
     * @throws IllegalStateException when the class does not come from a local file
     */
    public static Path of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from (" + url
                    + "): no local jar or folder to put on a node JVM's class path");
        }
        Path location;
        try {
            location = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the location of " + type.getName() + " is not a file: " + url, e);
        }
        if (Files.isRegularFile(location)) {
            return location;
        }
        String classFile = type.getName().replace('.', '/') + ".class";
        for (Path folder : List.of(location, location.resolve("target/classes"), location.resolve("bin"))) {
            if (Files.isRegularFile(folder.resolve(classFile))) {
                return folder;
            }
        }
        throw new IllegalStateException("cannot find " + classFile + " below " + location);
    }

    /** Whether one of {@code entries} (jars or class folders) holds the class {@code className}. */
    public static boolean contain(List<Path> entries, String className) {
        String classFile = className.replace('.', '/') + ".class";
        for (Path entry : entries) {
            if (Files.isDirectory(entry) ? Files.isRegularFile(entry.resolve(classFile)) : jarHolds(entry, classFile)) {
                return true;
            }
        }
        return false;
    }

    private static boolean jarHolds(Path jar, String classFile) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(classFile) != null;
        } catch (IOException e) {
            return false; // not a jar: the JVM ignores it as well
        }
    }
}
