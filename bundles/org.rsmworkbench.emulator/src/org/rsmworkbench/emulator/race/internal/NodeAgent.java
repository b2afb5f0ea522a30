// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race.internal;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.rsmworkbench.rsmapi.Rsm;

/**
 * The java agent of a node JVM that records ({@code -javaagent:}{@link #writeJar the agent jar}): rewrites the program's
 * classes as they load so that each call into the RSM API names its call site first (a stack walk costs about a
 * microsecond per recorded call); in a JVM that detects races ({@link RaceHooks#PROPERTY}), also so that its loads and
 * stores of RSM memory reach {@link RaceHooks}. The agent jar holds only a manifest; its class comes from the node JVM's
 * class path, which holds the emulator.
 */
public final class NodeAgent {
    private NodeAgent() {
    }

    @SuppressWarnings("unused") // the agent takes no arguments
    public static void premain(String arguments, Instrumentation instrumentation) {
        Set<URL> runtime = new HashSet<>();
        for (Class<?> type : new Class<?>[] { NodeAgent.class, Rsm.class }) {
            if (type.getProtectionDomain().getCodeSource() != null) {
                runtime.add(type.getProtectionDomain().getCodeSource().getLocation());
            }
        }
        instrumentation.addTransformer(new AccessInstrumenter(Set.copyOf(runtime), Boolean.getBoolean(RaceHooks.PROPERTY)));
    }

    /** Writes the agent jar (a manifest that names {@link #premain}) to {@code jar}, which must not exist. */
    public static void writeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), NodeAgent.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar, java.nio.file.StandardOpenOption.CREATE_NEW),
                manifest)) {
            out.flush();
        }
    }
}
