// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.launch.ClusterFileReader;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.Cluster;

/**
 * Reads {@code .rsmcluster} files for the command line ({@code rsm-launch --cluster}), found through
 * {@code META-INF/services}: a model with validation errors, node ids the emulator does not run or more links than it holds, is refused
 * with every such problem in the message.
 */
public final class RsmClusterFileReader implements ClusterFileReader {
    @Override
    public boolean canRead(Path file) {
        return file.getFileName().toString().endsWith("." + ClusterFiles.FILE_EXTENSION);
    }

    @Override
    public ClusterSpec read(Path file) throws IOException {
        Cluster cluster = ClusterFiles.load(file);
        Diagnostic diagnostic = ClusterValidation.validate(cluster);
        List<String> refusals = diagnostic.getChildren().stream().filter(RsmClusterFileReader::refuses)
                .map(Diagnostic::getMessage).toList();
        if (!refusals.isEmpty()) {
            throw new IOException(file + " is not a cluster the emulator can run:\n  " + String.join("\n  ", refusals));
        }
        try {
            return ClusterSpecs.toSpec(cluster);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Errors, and the warnings of designs the emulator cannot start (valid in the editor): node ids of 64 and up, and
     * too many links (expanding the switches of such a file into the spec's links could take forever: a switch of n
     * ports is n(n-1)/2 links).
     */
    private static boolean refuses(Diagnostic diagnostic) {
        return diagnostic.getSeverity() >= Diagnostic.ERROR || diagnostic.getCode() == ClusterValidation.NODE_ID_BEYOND_EMULATOR
                || diagnostic.getCode() == ClusterValidation.TOO_MANY_LINKS;
    }
}
