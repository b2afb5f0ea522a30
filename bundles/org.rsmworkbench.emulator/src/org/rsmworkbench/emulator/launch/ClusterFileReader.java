// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;

import org.rsmworkbench.emulator.ClusterSpec;

/**
 * Reads a cluster description file (such as {@code .rsmcluster}) into a {@link ClusterSpec}. The emulator
 * knows no file format itself: implementations are found with {@link ServiceLoader} (a
 * {@code META-INF/services/org.rsmworkbench.emulator.launch.ClusterFileReader} entry), so that the bundle
 * that owns the format plugs it in by being on the class path.
 */
public interface ClusterFileReader {

    /** Whether this reader understands {@code file} (judged by its name). */
    boolean canRead(Path file);

    /** The cluster that {@code file} describes; an {@link IOException} says what is wrong with it. */
    ClusterSpec read(Path file) throws IOException;

    /**
     * Reads {@code file} with the first reader on the class path that can read it.
     *
     * @throws IOException when the file cannot be read, or no reader on the class path understands it
     */
    static ClusterSpec readCluster(Path file) throws IOException {
        return readCluster(file, ServiceLoader.load(ClusterFileReader.class, ClusterFileReader.class.getClassLoader()));
    }

    /** {@link #readCluster(Path)} with these readers. */
    static ClusterSpec readCluster(Path file, Iterable<ClusterFileReader> readers) throws IOException {
        boolean any = false;
        for (ClusterFileReader reader : readers) {
            if (reader.canRead(file)) {
                return reader.read(file);
            }
            any = true;
        }
        if (any) {
            throw new IOException("cannot read " + file + ": not a cluster file (its name says which format it is: a .rsmcluster"
                    + " file, made with File > New > RSM Cluster in the IDE), or describe the cluster with --nodes N");
        }
        throw new IOException("cannot read " + file + ": no cluster file reader on the class path understands it"
                + " (.rsmcluster files are read by the RSM Workbench model bundle, org.rsmworkbench.model, and its EMF"
                + " libraries: put them on the class path, or describe the cluster with --nodes N)");
    }
}
