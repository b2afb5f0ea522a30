// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.distributed.internal.JucxLibrary;

/** JUCX's native library, copied out of its bundle to be loaded in OSGi: neither the copy nor its folder is left behind. */
class JucxLibraryTest {
    @Test
    void theCopyOfTheLibraryAndItsFolderAreGoneOnceItIsLoaded() throws IOException {
        try {
            JucxLibrary.ensureLoaded();
        } catch (IOException e) {
            Assumptions.abort("the system's UCX cannot be loaded here: " + e.getMessage());
        }
        // the mapping names the copy this JVM loaded, whichever test loaded it first
        List<Path> copies = Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains("/rsm-jucx-"))
                .map(l -> Path.of(l.substring(l.indexOf('/')).replace(" (deleted)", ""))).distinct().toList();
        Assumptions.assumeFalse(copies.isEmpty(), "JUCX loaded its library itself (from a jar on the class path): no copy made");
        for (Path copy : copies) {
            assertFalse(Files.exists(copy), copy + " is still there");
            assertFalse(Files.exists(copy.getParent()), copy.getParent() + " is still there");
        }
    }
}
