// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.sourcelookup.ISourceContainer;
import org.eclipse.debug.core.sourcelookup.containers.LocalFileStorage;
import org.eclipse.debug.core.sourcelookup.containers.ZipEntryStorage;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.launching.RsmSourcePathComputer;

/** The source lookup path of a configuration whose program comes from an extra class path entry (the examples bundle). */
class SourceLookupTest {
    @Test
    void theSourcesOfExtraClassPathEntriesAreFound() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("sources", "RingAllReduce", 2, "8");
        ISourceContainer[] containers = new RsmSourcePathComputer().computeSourceContainers(config, new NullProgressMonitor());
        List<Object> found = new ArrayList<>();
        for (ISourceContainer container : containers) {
            container.init(null);
            found.addAll(List.of(container.findSourceElements("org/rsmworkbench/examples/RingAllReduce.java")));
        }
        assertTrue(found.stream().anyMatch(e -> e instanceof ZipEntryStorage z && z.getZipEntry().getName().endsWith("org/rsmworkbench/examples/RingAllReduce.java")
                || e instanceof LocalFileStorage f && f.getFile().getPath().endsWith("org/rsmworkbench/examples/RingAllReduce.java")),
                "the example's source from the examples bundle; found " + found + " in " + List.of(containers));
    }
}
