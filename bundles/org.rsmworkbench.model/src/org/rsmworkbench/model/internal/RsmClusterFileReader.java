package org.rsmworkbench.model.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.Diagnostic;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.launch.ClusterFileReader;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.Cluster;

/**
 * Reads {@code .rsmcluster} files for the command line ({@code rsm-launch --cluster}), found through
 * {@code META-INF/services}: a model with validation errors is refused with every error in the message.
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
        if (diagnostic.getSeverity() >= Diagnostic.ERROR) {
            throw new IOException(file + " is not a cluster the emulator can run:\n  " + diagnostic.getChildren().stream()
                    .filter(d -> d.getSeverity() >= Diagnostic.ERROR).map(Diagnostic::getMessage)
                    .collect(Collectors.joining("\n  ")));
        }
        try {
            return ClusterSpecs.toSpec(cluster);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
