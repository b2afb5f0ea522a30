// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node program of a benchmark copied out of the benchmarks jar into a folder of its own, under another name, so that
 * node JVMs run it as they run a user's program: the jar is also their RSM runtime, whose classes the node agent leaves
 * as they are. Renaming maps the class name, not calls of its own methods or lambdas: such a program is all in its main.
 */
final class ProgramFolder {
    private ProgramFolder() {
    }

    /** Writes {@code program}, renamed {@code nodeClass}, under {@code folder}; returns the folder. */
    static Path copy(Class<?> program, String nodeClass, Path folder) throws IOException {
        byte[] bytes;
        try (InputStream in = program.getResourceAsStream(program.getSimpleName() + ".class")) {
            bytes = in.readAllBytes();
        }
        ClassFile classFile = ClassFile.of();
        byte[] renamed = classFile.transformClass(classFile.parse(bytes), ClassDesc.of(nodeClass), ClassTransform.ACCEPT_ALL);
        Path file = folder.resolve(nodeClass.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, renamed);
        return folder;
    }
}
